package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/i18n"
)

// Round thirteen of the adversarial tests (docs/benchmarks.md, "Adversarial
// round thirteen"): a new team's MkDocs tree in German and Ukrainian,
// FastAPI's docs, in a form not tried before: PyMdown's generic blocks
// ("/// note | Hinweis" … "///", "//// tab | Python 3.10+"), lines the
// build fills with a file ("{* ../../docs_src/x.py hl[3] *}"), and an API
// reference of mkdocstrings directives ("::: fastapi.UploadFile" over its
// indented options). Made up here in those forms. Through discordgo and
// the fakes, with no model (the answer quotes the pages' sentences) and
// with a scripted model quoting a sentence of a block: no block fence,
// directive or option may show, the quote verifies, the claim it does not
// back is marked, and Sources name the page by its title.
func round13Docs() fstest.MapFS {
	return fstest.MapFS{
		"de/docs/tutorial/request-files.md": {Data: []byte("# Dateien im Request { #request-files }\n\n" +
			"Sie können Dateien, die vom Client hochgeladen werden, mithilfe von `File` definieren.\n\n" +
			"/// note | Hinweis\n" +
			"Um hochgeladene Dateien zu empfangen, installieren Sie zuerst [`python-multipart`](https://github.com/Kludex/python-multipart).\n" +
			"///\n\n" +
			"## `File` importieren { #import-file }\n\n" +
			"Importieren Sie `File` und `UploadFile` von `fastapi`:\n" +
			"{* ../../docs_src/request_files/tutorial001_an_py310.py hl[3] *}\n\n" +
			"//// tab | Python 3.10+\n\n" +
			"/// tip | Tipp\n\n" +
			"`File` ist eine Klasse, die direkt von `Form` erbt.\n\n" +
			"///\n\n" +
			"////\n")},
		"uk/docs/tutorial/request-files.md": {Data: []byte("# Запит файлів { #request-files }\n\n" +
			"Ви можете визначити файли, які будуть завантажуватися клієнтом, використовуючи `File`.\n\n" +
			"/// info | Інформація\n" +
			"Щоб отримувати завантажені файли, спочатку встановіть [`python-multipart`](https://github.com/Kludex/python-multipart).\n" +
			"///\n\n" +
			"Імпортуйте `File` та `UploadFile` з `fastapi`:\n" +
			"{* ../../docs_src/request_files/tutorial001_an_py310.py hl[3] *}\n")},
		"en/docs/reference/uploadfile.md": {Data: []byte("# `UploadFile` class\n\n" +
			"You can define path operation function parameters to be of the type `UploadFile` to receive files from the request.\n\n" +
			"::: fastapi.UploadFile\n    options:\n        members:\n            - file\n            - filename\n            - size\n")},
	}
}

// round13Hidden is markup of the round's forms that no reply may show.
var round13Hidden = []string{"///", "| Hinweis", "| Інформація", "tab |", "{*", "*}", "docs_src", "hl[", ":::", "options:", "members:", ".UploadFile", "{ #"}

func TestRound13MkDocsExtractiveThroughDiscord(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang, question, quote, title string
	}{
		{"de", "Was muss ich installieren, um hochgeladene Dateien zu empfangen?", "installieren Sie zuerst python-multipart", "Dateien im Request"},
		{"de", "Was importiere ich von fastapi für Dateien?", "Importieren Sie File und UploadFile von fastapi", "Dateien im Request"},
		{"uk", "Що потрібно встановити, щоб отримувати завантажені файли?", "спочатку встановіть python-multipart", "Запит файлів"},
	}
	for _, c := range cases {
		t.Run(c.lang+" "+c.question, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{corpus: round13Docs(), noLLM: true})
			content := waitFinal(h, ask(h, user(1), generalID, c.question, false)).Content
			if !strings.Contains(content, c.quote) || !strings.Contains(content, c.title) {
				t.Errorf("the answer does not quote %q from %q:\n%s", c.quote, c.title, content)
			}
			for _, s := range round13Hidden {
				if strings.Contains(content, s) {
					t.Errorf("%q in sight:\n%s", s, content)
				}
			}
			h.noViolations()
		})
	}
}

var round13Cases = []round5Case{
	{
		lang: "de", question: "Wovon erbt die Klasse File?",
		reply: "File erbt direkt von Form [%N{direkt von}] «File ist eine Klasse, die direkt von Form erbt». " +
			"File erbt auch von UploadFile [%N{direkt von}] «File erbt von UploadFile».",
		marked:   []string{"File erbt auch von UploadFile"},
		unmarked: []string{"File erbt direkt von Form"},
	},
	{
		lang: "uk", question: "Що потрібно встановити, щоб отримувати завантажені файли?",
		reply: "Спочатку встановіть python-multipart [%N{спочатку встановіть}] «Щоб отримувати завантажені файли, спочатку встановіть python-multipart». " +
			"Також потрібно встановити Redis [%N{спочатку встановіть}] «також встановіть Redis».",
		marked:   []string{"Також потрібно встановити Redis"},
		unmarked: []string{"Спочатку встановіть python-multipart"},
	},
}

var round13Sources = map[string]string{
	"Wovon erbt die Klasse File?": "Dateien im Request › File importieren — de/docs/tutorial/request-files.md",
	"Що потрібно встановити, щоб отримувати завантажені файли?": "Запит файлів — uk/docs/tutorial/request-files.md",
}

func TestRound13MkDocsThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round13Docs(), round13Cases, nil, func(t *testing.T, path string, c round5Case, content string) {
		at := strings.LastIndex(content, i18n.Text(c.lang, i18n.Sources))
		if at < 0 {
			t.Errorf("%s %q: no Sources:\n%s", path, c.question, content)
		} else if src := content[at:]; !strings.Contains(src, round13Sources[c.question]) {
			t.Errorf("%s %q: Sources do not name %q:\n%s", path, c.question, round13Sources[c.question], content)
		}
		for _, s := range round13Hidden {
			if strings.Contains(content, s) {
				t.Errorf("%s %q: %q in sight:\n%s", path, c.question, s, content)
			}
		}
	})
}

// A second tree of the round: VATSIM Australia Pacific's MkDocs SOPs (CC BY
// 4.0), front matter indented as a whole, figures written <figure
// markdown> around an image with an attribute list, icons and links with
// {target=new}, the glossary as abbreviations. Asked without a model, the
// answer's Sources name the page by its front matter's title (not its
// first heading, "Positions", which every aerodrome shares) and no image
// source, attribute list, icon or abbreviation markup shows.
func TestRound13MkDocsMaterialThroughDiscord(t *testing.T) {
	t.Parallel()
	docs := fstest.MapFS{
		"docs/aerodromes/alice.md": {Data: []byte("---\n  title: Alice Springs (YBAS)\n---\n\n--8<-- \"includes/abbreviations.md\"\n\n## Positions\n\n" +
			"| Name | Callsign | Frequency |\n| ---- | -------- | --------- |\n" +
			"| Alice Springs ADC :material-information-outline:{ title=\"Non-standard position\"} | Alice Tower | 118.300 |\n\n" +
			"## Airspace\n\n<figure markdown>\n![YBAS Airspace](img/ybas_airspace.jpg){ width=\"700\" }\n  <figcaption>YBAS Airspace</figcaption>\n</figure>\n\n" +
			"The Alice Springs tower frequency is 118.300, see the [ERSA](https://example.org/ersa){target=new} for the rest.\n")},
		"docs/aerodromes/darwin.md": {Data: []byte("---\n  title: Darwin (YPDN)\n---\n\n## Positions\n\n" +
			"The Darwin tower frequency is 133.100, and Darwin ground is on 121.800.\n")},
		"includes/abbreviations.md": {Data: []byte("*[ADC]: Aerodrome Control (Tower Controller)\n*[ERSA]: En Route Supplement Australia\n")},
	}
	h := start(t, setup{corpus: docs, noLLM: true})
	content := waitFinal(h, ask(h, user(1), generalID, "What is the Alice Springs tower frequency?", false)).Content
	if !strings.Contains(content, "118.300") || !strings.Contains(content, "Alice Springs (YBAS)") {
		t.Errorf("the answer does not quote 118.300 from Alice Springs (YBAS):\n%s", content)
	}
	for _, s := range []string{"Positions —", "![", "img/", "width", "target=new", ":material-", "--8<--", "*[", "<figure"} {
		if strings.Contains(content, s) {
			t.Errorf("%q in sight:\n%s", s, content)
		}
	}
	h.noViolations()
}
