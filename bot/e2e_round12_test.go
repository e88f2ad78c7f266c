package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/i18n"
)

// Round twelve of the adversarial tests (docs/benchmarks.md, "Adversarial
// round twelve"): a new team's trees in formats not tried before, Microsoft's
// Business Central docs in Spanish (DocFX Markdown, the product's name an
// [!INCLUDE] of a one-line file in every other sentence) and pytest's
// Sphinx docs (":orphan:", ":tocdepth:", field lists). Made up here
// in those trees' forms. Through discordgo and the fakes, the scripted
// model quotes each page as a reader sees it: the quote must verify, the
// claim it does not back must be marked, no include or metadata markup
// may show, a one-line include file is never a source (nor a page of a
// toctree and ":orphan:" alone), and Sources name the SII page by its
// title with the product's name filled in.
func round12Docs() fstest.MapFS {
	return fstest.MapFS{
		"business-central/includes/prod_short.md": {Data: []byte("---\nms.service: dynamics-365-business-central\nms.topic: include\n---\nBusiness Central\n")},
		"business-central/LocalFunctionality/Spain/sii.md": {Data: []byte("---\ntitle: Tipos de facturas SII\nms.contentlocale: es-ES\n---\n" +
			"# <a name=\"sii-invoice-types\"></a>Tipos de facturas SII en [!INCLUDE[prod_short](../../includes/prod_short.md)]\n\n" +
			"[!INCLUDE[prod_short](../../includes/prod_short.md)] admite los requisitos del SII españoles para la declaración del impuesto sobre el valor añadido.\n\n" +
			"> [!NOTE]\n> Las facturas de resumen no se admiten en [!INCLUDE [prod_short](<../../includes/prod_short.md>)].\n")},
		"reference/reference.rst": {Data: []byte(":tocdepth: 3\n\n.. _`api-reference`:\n\nAPI Reference\n=============\n\n" +
			"Constants\n---------\n\npytest.__version__\n~~~~~~~~~~~~~~~~~~\n\nThe current pytest version is kept in pytest.__version__ as a string, for tools that check it.\n\n" +
			"pytest.mark.skip\n~~~~~~~~~~~~~~~~\n\n.. py:function:: pytest.mark.skip(reason=None)\n\n" +
			"    :keyword str reason:\n        Reason why the test function is being skipped.\n")},
		"how-to/index.rst": {Data: []byte(":orphan:\n\n.. _how-to:\n\nHow-to guides\n=============\n\n.. toctree::\n   :maxdepth: 1\n\n   usage\n")},
	}
}

var round12Cases = []round5Case{
	{
		lang: "es", question: "¿Qué requisitos admite Business Central en España?",
		reply: "Business Central admite los requisitos del SII españoles [%N{requisitos del SII}] «Business Central admite los requisitos del SII españoles». " +
			"También admite las facturas de resumen [%N{requisitos del SII}] «también admite las facturas de resumen».",
		marked:   []string{"También admite las facturas de resumen"},
		unmarked: []string{"Business Central admite los requisitos del SII españoles"},
	},
	{
		lang: "en", question: "Why would a test function be skipped with a reason?",
		reply: "The reason keyword says why the test function is being skipped [%N{being skipped}] «Keyword argument reason (str): Reason why the test function is being skipped». " +
			"A skipped test always fails the run [%N{being skipped}] «a skipped test always fails the run».",
		marked:   []string{"A skipped test always fails the run"},
		unmarked: []string{"The reason keyword says why the test function is being skipped"},
	},
}

var round12Sources = map[string]string{
	"¿Qué requisitos admite Business Central en España?":  "Tipos de facturas SII en Business Central — business-central/LocalFunctionality/Spain/sii.md (línea",
	"Why would a test function be skipped with a reason?": "API Reference › Constants › pytest.mark.skip — reference/reference.rst (line",
}

func TestRound12DocFXAndSphinxThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round12Docs(), round12Cases, nil, func(t *testing.T, path string, c round5Case, content string) {
		at := strings.LastIndex(content, i18n.Text(c.lang, i18n.Sources))
		if at < 0 {
			t.Errorf("%s %q: no Sources:\n%s", path, c.question, content)
		} else if src := content[at:]; !strings.Contains(src, round12Sources[c.question]) {
			t.Errorf("%s %q: Sources do not name %q:\n%s", path, c.question, round12Sources[c.question], content)
		}
		for _, s := range []string{"[!INCLUDE", "[!include", "prod_short", "includes/", "orphan", "tocdepth", ":keyword", "how-to/index"} {
			if strings.Contains(content, s) {
				t.Errorf("%s %q: %q in sight:\n%s", path, c.question, s, content)
			}
		}
	})
}
