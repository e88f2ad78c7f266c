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
