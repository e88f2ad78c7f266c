package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// article is a paragraph long enough to be a document of its own.
const article = "The city council approved the new water budget on Tuesday after a long debate about pipes, meters and prices.\n"

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// uniqueN numbers the texts unique returns.
var uniqueN atomic.Int64

// unique returns a file holding article and a number no other file has:
// files with the same text are loaded once.
func unique() *fstest.MapFile {
	return file(fmt.Sprintf("%sIt was vote number %d of the year.\n", article, uniqueN.Add(1)))
}

// errFS fails to open the named files, as an unreadable file would.
type errFS struct {
	fstest.MapFS
	fail map[string]error
}

func (f errFS) Open(name string) (fs.File, error) {
	if err, ok := f.fail[name]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.MapFS.Open(name)
}

func (f errFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err, ok := f.fail[name]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return f.MapFS.ReadDir(name)
}

func TestLoadFiles(t *testing.T) {
	latin1 := []byte("Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e, \xe0 la fran\xe7aise.\n")
	oneBad := []byte(strings.Repeat(article, 3) + "caf\xe9\n")
	tests := []struct {
		name     string
		fsys     fs.FS
		cfg      Config
		wantIDs  []string
		warnings map[string]string // path → part of the reason
	}{
		{
			name: "extensions",
			fsys: fstest.MapFS{
				"a.txt": unique(), "b.md": unique(), "c.html": file("<p>" + article + "</p>"),
				"d.HTM": file("<p>" + article + " Another day.</p>"), "e.pdf": unique(), "f.json": unique(), "README": unique(),
			},
			wantIDs:  []string{"a", "b", "c", "d"},
			warnings: map[string]string{"e.pdf": "malformed PDF", "f.json": "unsupported type (.json)", "README": "unsupported type (no extension)"},
		},
		{
			name: "recursion and IDs",
			fsys: fstest.MapFS{
				"news/a.fr.txt": unique(), "news/2024/b.en.md": unique(), "top.txt": unique(),
			},
			wantIDs: []string{"news/2024/b.en", "news/a.fr", "top"},
		},
		{
			name: "hidden files and folders",
			fsys: fstest.MapFS{
				".git/HEAD.txt": unique(), ".hidden.txt": unique(), "notes/.draft.md": unique(),
				"a/.cache/x.txt": unique(), "a/b.txt": unique(),
			},
			wantIDs: []string{"a/b"},
		},
		{
			name: "installed packages",
			fsys: fstest.MapFS{
				"a.md": unique(), "site/node_modules/pkg/README.md": unique(), "site/node_modules/pkg/index.js": file("x"),
			},
			wantIDs: []string{"a"}, warnings: map[string]string{"site/node_modules": "installed packages"},
		},
		{
			name:    "binary with NUL bytes",
			fsys:    fstest.MapFS{"a.txt": unique(), "img.txt": file("GIF89a\x00\x01\x02" + article)},
			wantIDs: []string{"a"}, warnings: map[string]string{"img.txt": "binary file (NUL bytes)"},
		},
		{
			name:    "binary of control characters",
			fsys:    fstest.MapFS{"a.txt": unique(), "ctl.txt": file(strings.Repeat("\x01\x02\x03\x1b", 40) + "abc")},
			wantIDs: []string{"a"}, warnings: map[string]string{"ctl.txt": "mostly control characters"},
		},
		{
			name:    "not UTF-8",
			fsys:    fstest.MapFS{"a.txt": unique(), "latin1.txt": {Data: latin1}},
			wantIDs: []string{"a"}, warnings: map[string]string{"latin1.txt": "not UTF-8 text"},
		},
		{
			name:    "a few invalid bytes repaired",
			fsys:    fstest.MapFS{"a.txt": {Data: oneBad}},
			wantIDs: []string{"a"}, warnings: map[string]string{"a.txt": "1 invalid UTF-8 bytes replaced"},
		},
		{
			name: "empty and white space only",
			fsys: fstest.MapFS{
				"a.txt": unique(), "empty.txt": file(""), "blank.md": file(" \n\t\n\u00a0\u00a0\n\u200b"),
			},
			wantIDs:  []string{"a"},
			warnings: map[string]string{"empty.txt": "empty", "blank.md": "empty"},
		},
		{
			name: "no words, no visible text",
			fsys: fstest.MapFS{
				"a.txt": unique(), "rule.txt": file("----\n* * *\n"),
				"page.html": file("<html><head><title>T</title><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"),
			},
			wantIDs:  []string{"a"},
			warnings: map[string]string{"rule.txt": "no words", "page.html": "empty"},
		},
		{
			name:    "too large",
			fsys:    fstest.MapFS{"a.txt": unique(), "big.txt": file(strings.Repeat(article, 20))},
			cfg:     Config{MaxFileBytes: 1000},
			wantIDs: []string{"a"}, warnings: map[string]string{"big.txt": "larger than 1000 bytes"},
		},
		{
			name: "unreadable",
			fsys: errFS{
				MapFS: fstest.MapFS{"a.txt": unique(), "locked.txt": unique()},
				fail:  map[string]error{"locked.txt": fs.ErrPermission},
			},
			wantIDs: []string{"a"}, warnings: map[string]string{"locked.txt": "unreadable: permission denied"},
		},
		{
			name: "unreadable folder",
			fsys: errFS{
				MapFS: fstest.MapFS{"a.txt": unique(), "locked/b.txt": unique()},
				fail:  map[string]error{"locked": fs.ErrPermission},
			},
			wantIDs: []string{"a"}, warnings: map[string]string{"locked": "unreadable folder: permission denied"},
		},
		{
			name:    "duplicate IDs keep the first path",
			fsys:    fstest.MapFS{"a.txt": file("from txt\n" + article), "a.md": file("from md\n" + article), "b.txt": unique()},
			wantIDs: []string{"a", "b"}, warnings: map[string]string{"a.txt": `duplicate ID "a": already loaded from a.md`},
		},
		{
			name:    "a duplicate of a skipped file is no duplicate",
			fsys:    fstest.MapFS{"a.md": file(""), "a.txt": unique()},
			wantIDs: []string{"a"}, warnings: map[string]string{"a.md": "empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logBuf bytes.Buffer
			tt.cfg.Logger = slog.New(slog.NewJSONHandler(&logBuf, nil))
			c, err := Load(context.Background(), tt.fsys, tt.cfg)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var ids []string
			for _, d := range c.Docs {
				ids = append(ids, d.ID)
			}
			if !slices.Equal(ids, tt.wantIDs) {
				t.Errorf("got IDs %q, want %q", ids, tt.wantIDs)
			}
			if len(c.Warnings) != len(tt.warnings) {
				t.Errorf("got warnings %+v, want %d", c.Warnings, len(tt.warnings))
			}
			for _, w := range c.Warnings {
				want, ok := tt.warnings[w.Path]
				if !ok || !strings.Contains(w.Reason, want) {
					t.Errorf("got warning %+v, want for %s a reason containing %q", w, w.Path, want)
				}
			}
			// One log record per warning, naming the file and the reason.
			lines := strings.Split(strings.TrimSpace(logBuf.String()), "\n")
			if logBuf.Len() == 0 {
				lines = nil
			}
			if len(lines) != len(c.Warnings) {
				t.Fatalf("got %d log lines, want %d:\n%s", len(lines), len(c.Warnings), logBuf.String())
			}
			for i, line := range lines {
				var rec struct{ Level, Path, Reason string }
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("log line %q: %v", line, err)
				}
				if rec.Level != "WARN" || rec.Path != c.Warnings[i].Path || rec.Reason != c.Warnings[i].Reason {
					t.Errorf("got log %+v, want a WARN with %+v", rec, c.Warnings[i])
				}
			}
		})
	}
}

func TestLoadDuplicateKeepsFirstText(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": file("from txt\n" + article), "a.md": file("from md\n" + article)}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Docs[0].Path; got != "a.md" {
		t.Errorf("got document from %s, want a.md", got)
	}
}

func TestLoadErrors(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		fsys    fs.FS
		want    error
		message []string // parts of the error text
	}{
		{"no files", context.Background(), fstest.MapFS{".hidden/a.txt": unique()}, ErrNoDocuments, []string{"no file found"}},
		{"only unsupported files", context.Background(), fstest.MapFS{"a.png": unique()}, ErrNoDocuments, []string{"1 skipped", "a.png: unsupported type (.png)"}},
		{"only bad files", context.Background(), fstest.MapFS{"a.txt": file(""), "b.txt": file("\x00\x01")}, ErrNoDocuments,
			[]string{"2 skipped", "a.txt: empty file", "b.txt: binary file"}},
		{"many bad files", context.Background(), fstest.MapFS{
			"1.txt": file(""), "2.txt": file(""), "3.txt": file(""), "4.txt": file(""), "5.txt": file(""), "6.txt": file(""), "7.txt": file(""),
		}, ErrNoDocuments, []string{"7 skipped", "and 2 more"}},
		{"canceled", canceled, fstest.MapFS{"a.txt": unique()}, context.Canceled, nil},
		{"missing root", context.Background(), fstest.MapFS{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := tt.fsys
			if tt.name == "missing root" {
				sub, err := fs.Sub(fstest.MapFS{"x/a.txt": unique()}, "nope")
				if err != nil {
					t.Fatal(err)
				}
				fsys = sub
			}
			c, err := Load(tt.ctx, fsys, Config{})
			if err == nil {
				t.Fatalf("got %d documents and no error, want an error", len(c.Docs))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("got error %v, want one wrapping %v", err, tt.want)
			}
			if tt.want == nil && (errors.Is(err, ErrNoDocuments) || !errors.Is(err, fs.ErrNotExist)) {
				t.Errorf("got error %v, want one wrapping fs.ErrNotExist", err)
			}
			for _, m := range tt.message {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("got error %q, want it to contain %q", err, m)
				}
			}
		})
	}
}

func TestLoadText(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "Héllo wörld\r\nSecond line.\r\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	tests := []struct {
		name, path string
		data       []byte
		cfg        Config
		text       string // "" to skip the check
		title      string
	}{
		{"CRLF and BOM", "a.txt", []byte("\uFEFFTitle line\r\n\r\nBody text here.\r\n"), Config{},
			"Title line\n\nBody text here.\n", "Title line"},
		{"UTF-16 with BOM", "a.txt", utf16le, Config{}, "Héllo wörld\nSecond line.\n", "Héllo wörld"},
		{"original text kept", "a.txt", []byte("  ﬁne “quotes” ＡＢＣ\n\nﬁn.\n"), Config{}, "  ﬁne “quotes” ＡＢＣ\n\nﬁn.\n", "ﬁne “quotes” ＡＢＣ"},
		{"title is the first non-empty line", "a.txt", []byte("\n \u00a0\n  The   Title\t \nText.\n"), Config{}, "", "The Title"},
		{"markdown heading", "a.md", []byte("## Quarterly report\n\nText.\n"), Config{}, "", "Quarterly report"},
		{"long title cut at a word", "a.txt", []byte("The ministry has summoned executives from the country’s online platforms\n"),
			Config{MaxTitleRunes: 30}, "", "The ministry has summoned…"},
		{"long title without spaces", "a.txt", []byte("支付寶是中國最大的支付應用程式之一並且擁有超過十億用戶\n"),
			Config{MaxTitleRunes: 10}, "", "支付寶是中國最大的…"},
		{"HTML title from h1 inside title", "a.html", []byte("<title>Alipay told to split | Example News</title><h1>Alipay told to split</h1><p>Text.</p>"),
			Config{}, "Alipay told to split\n\nText.", "Alipay told to split"},
		{"HTML title", "a.htm", []byte("<title>Page title</title><p>First paragraph.</p>"), Config{}, "First paragraph.", "Page title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(context.Background(), fstest.MapFS{tt.path: {Data: tt.data}}, tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			d := c.Docs[0]
			if tt.text != "" && d.Text != tt.text {
				t.Errorf("got text %q, want %q", d.Text, tt.text)
			}
			if d.Title != tt.title {
				t.Errorf("got title %q, want %q", d.Title, tt.title)
			}
			checkPassages(t, &d)
		})
	}
}

func TestLoadHTMLLangHint(t *testing.T) {
	fsys := fstest.MapFS{"a.html": file(`<html lang="de-AT"><p>Ticket 42 XYZ</p></html>`)}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Docs[0].Lang; got != "de" {
		t.Errorf("got lang %q, want de from <html lang> when the text tells nothing", got)
	}
}

// checkPassages verifies what every passage of every document must satisfy.
func checkPassages(t *testing.T, d *Document) {
	t.Helper()
	end := 0
	for i, p := range d.Passages {
		if p.Index != i || p.DocID != d.ID {
			t.Errorf("%s passage %d: got Index %d DocID %q", d.ID, i, p.Index, p.DocID)
		}
		if p.Start < end || p.Start >= p.End || p.End > len(d.Text) {
			t.Fatalf("%s passage %d: got span [%d,%d) after %d in %d bytes", d.ID, i, p.Start, p.End, end, len(d.Text))
		}
		end = p.End
		if p.Text != d.Text[p.Start:p.End] {
			t.Errorf("%s passage %d: Text is not Text[Start:End]", d.ID, i)
		}
		if strings.TrimSpace(p.Text) != p.Text || p.Text == "" {
			t.Errorf("%s passage %d: got %q, want non-empty and trimmed", d.ID, i, p.Text)
		}
		if d.Format == FormatText || d.Format == "" {
			if want := strings.Count(d.Text[:p.Start], "\n") + 1; p.LineStart != want {
				t.Errorf("%s passage %d: got LineStart %d, want %d", d.ID, i, p.LineStart, want)
			}
			if want := strings.Count(d.Text[:p.End-1], "\n") + 1; p.LineEnd != want {
				t.Errorf("%s passage %d: got LineEnd %d, want %d", d.ID, i, p.LineEnd, want)
			}
		} else if !binaryFormat(d.Format) && (p.LineStart < 1 || p.LineEnd < p.LineStart) {
			t.Errorf("%s passage %d: got lines %d–%d", d.ID, i, p.LineStart, p.LineEnd)
		}
		if p.Kind != Body && p.Kind != Aside {
			t.Errorf("%s passage %d: got Kind %q", d.ID, i, p.Kind)
		}
	}
}

func TestSkipKinds(t *testing.T) {
	fsys := errFS{
		MapFS: fstest.MapFS{
			"a.txt": unique(), "b.md": unique(), "b.txt": unique(),
			"big.txt": file(strings.Repeat(article, 20)), "bin.txt": file("\x00\x01"),
			"empty.txt": file(""), "latin1.txt": {Data: []byte("caf\xe9 cr\xe8me br\xfbl\xe9e\n")},
			"locked.txt": unique(), "fixed.txt": {Data: []byte(strings.Repeat(article, 3) + "caf\xe9\n")},
		},
		fail: map[string]error{"locked.txt": fs.ErrPermission},
	}
	c, err := Load(context.Background(), fsys, Config{MaxFileBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]SkipKind{
		"b.txt": SkipDuplicate, "big.txt": SkipTooLarge, "bin.txt": SkipBinary, "empty.txt": SkipEmpty,
		"latin1.txt": SkipEncoding, "locked.txt": SkipUnreadable, "fixed.txt": "",
	}
	for _, w := range c.Warnings {
		k, ok := want[w.Path]
		if !ok || w.Kind != k {
			t.Errorf("got %+v, want kind %q", w, k)
		}
		delete(want, w.Path)
	}
	if len(want) != 0 {
		t.Errorf("no warning for %v", want)
	}
	if got := len(c.Skipped()); got != 6 {
		t.Errorf("got %d skipped, want 6 (the repaired file is loaded)", got)
	}
}

func TestSummary(t *testing.T) {
	ws := func(kinds ...string) []Warning {
		var out []Warning
		for i, k := range kinds {
			p, kind, _ := strings.Cut(k, ":")
			out = append(out, Warning{Path: p, Kind: SkipKind(kind), Reason: "r" + string(rune('a'+i))})
		}
		return out
	}
	tests := []struct {
		docs     int
		warnings []Warning
		want     string
	}{
		{331, nil, "loaded 331 documents"},
		{1, ws("fixed.txt:"), "loaded 1 document"},
		{331, ws("big.pdf:too large", "a.png:unsupported type", "b.JPG:unsupported type", "big.md:too large", "c.svg:unsupported type"),
			"loaded 331 documents; skipped 5: 3 images, 2 too large"},
		{2, ws("x.md:duplicate", "y.bin:unsupported type", "z.js:unsupported type", "e.txt:empty"),
			"loaded 2 documents; skipped 4: 1 duplicate, 1 file of another type, 1 code file, 1 empty"},
		// Documents in formats not read are said to be documents, by
		// format, not counted among "files of other types" (round six).
		{0, ws("a.rdoc:unsupported type", "b.RDOC:unsupported type", "c.creole:unsupported type", "d.png:unsupported type", "e.rtf:unsupported type"),
			"loaded 0 documents; skipped 5: 2 RDoc documents (a format not read), 1 wiki markup document (a format not read), 1 image, 1 RTF document (a format not read)"},
		// gettext catalogues are translations of a tree's strings, not
		// documents: named, not "files of other types" (round six's .pot).
		{1, ws("locale/fr/LC_MESSAGES/index.po:unsupported type", "locale/fr/LC_MESSAGES/index.mo:unsupported type", "gettext/api.POT:unsupported type", "x.bin:unsupported type"),
			"loaded 1 document; skipped 4: 3 gettext translation catalogues (not documents), 1 file of another type"},
		{0, ws("a.po:unsupported type"), "loaded 0 documents; skipped 1: 1 gettext translation catalogue (not a document)"},
	}
	for _, tt := range tests {
		c := &Corpus{Docs: make([]Document, tt.docs), Warnings: tt.warnings}
		if got := c.Summary(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// A document in a format not read says so in its reason, not only
// "unsupported type".
func TestUnreadDocumentFormats(t *testing.T) {
	c, err := Load(context.Background(), fstest.MapFS{"notes/todo.rtf": file("{\\rtf1 Text.}\n"), "a.md": file("# A\n\nText.\n")}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	ws := c.Skipped()
	if len(ws) != 1 || ws[0].Kind != SkipUnsupported || ws[0].Reason != "unsupported type (.rtf): RTF documents are not read" {
		t.Errorf("skipped %+v", ws)
	}
}

// A gettext catalogue (.po, .pot, .mo: a Sphinx tree's
// locale/*/LC_MESSAGES, PyThaiNLP's tutorials' .pot files) is skipped
// with a reason that says what it is, not only "unsupported type".
func TestGettextCatalogues(t *testing.T) {
	fsys := fstest.MapFS{
		"index.md":                       file("# Index\n\nText.\n"),
		"locale/th/LC_MESSAGES/index.po": file("msgid \"Index\"\nmsgstr \"ดัชนี\"\n"),
		"locale/th/LC_MESSAGES/index.mo": file("\xde\x12\x04\x95\x00\x00\x00\x00"),
		"_build/gettext/index.pot":       file("msgid \"\"\nmsgstr \"\"\n"),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"locale/th/LC_MESSAGES/index.po": "unsupported type (.po): a gettext translation catalogue, not a document",
		"locale/th/LC_MESSAGES/index.mo": "unsupported type (.mo): a gettext translation catalogue, not a document",
		"_build/gettext/index.pot":       "unsupported type (.pot): a gettext translation catalogue, not a document",
	}
	ws := c.Skipped()
	if len(ws) != len(want) {
		t.Fatalf("skipped %+v, want %d", ws, len(want))
	}
	for _, w := range ws {
		if w.Kind != SkipUnsupported || w.Reason != want[w.Path] {
			t.Errorf("%s: %s %q, want %q", w.Path, w.Kind, w.Reason, want[w.Path])
		}
	}
	if got, want := c.Summary(), "loaded 1 document; skipped 3: 3 gettext translation catalogues (not documents)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// Every skipped file's reason names what it is, as the summary counts it
// (docs lists the reasons file by file): an image, a font, an archive, a
// code file, a lock file, not only its extension.
func TestUnsupportedReasons(t *testing.T) {
	tests := []struct{ path, reason, group string }{
		{"img/logo.PNG", "unsupported type (.png): an image", "1 image"},
		{"img/cnn.graffle", "unsupported type (.graffle): an image", "1 image"}, // an OmniGraffle drawing (d2l's 43)
		{"refs.bib", "unsupported type (.bib): a data file", "1 data file"},
		{"fonts/inter.woff2", "unsupported type (.woff2): a font", "1 font"},
		{"dist/site.tar.gz", "unsupported type (.gz): an archive", "1 archive"},
		{"video/demo.mp4", "unsupported type (.mp4): a media file", "1 media file"},
		{"src/app.js", "unsupported type (.js): a code file", "1 code file"},
		{"conf/site.yaml", "unsupported type (.yaml): a data file", "1 data file"},
		{"yarn.lock", "unsupported type (.lock): a lock file", "1 lock file"},
		{"web/package-lock.json", "unsupported type (.json): a lock file", "1 lock file"},
		{"go.sum", "unsupported type (.sum): a lock file", "1 lock file"},
		{"book/main.rtf", "unsupported type (.rtf): RTF documents are not read", "1 RTF document (a format not read)"},
		{"book/lshort.sty", "unsupported type (.sty): a code file", "1 code file"}, // a LaTeX package's macros
		{"locale/de/LC_MESSAGES/a.po", "unsupported type (.po): a gettext translation catalogue, not a document", "1 gettext translation catalogue (not a document)"},
		{"make.bat", "unsupported type (.bat): a code file", "1 code file"}, // every Sphinx tree's
		{"Makefile", "unsupported type (no extension): a code file", "1 code file"},
		{"docker/Dockerfile", "unsupported type (no extension): a code file", "1 code file"},
		{"LICENSE", "unsupported type (no extension)", "1 file of another type"},
		{"a.bin", "unsupported type (.bin)", "1 file of another type"},
	}
	for _, tt := range tests {
		c, err := Load(context.Background(), fstest.MapFS{"index.md": file("# Index\n\nText.\n"), tt.path: file("x\n")}, Config{})
		if err != nil {
			t.Fatal(err)
		}
		ws := c.Skipped()
		if len(ws) != 1 || ws[0].Reason != tt.reason {
			t.Errorf("%s: skipped %+v, want reason %q", tt.path, ws, tt.reason)
		}
		if got, want := c.Summary(), "loaded 1 document; skipped 1: "+tt.group; got != want {
			t.Errorf("%s: summary %q, want %q", tt.path, got, want)
		}
	}
}

func TestHeadingPath(t *testing.T) {
	d := Document{Title: "Hooks"}
	p := Passage{Headings: []string{"Hook resources", "Hook deletion policies"}}
	if got, want := d.HeadingPath(&p), "Hooks › Hook resources › Hook deletion policies"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := d.HeadingPath(&Passage{}); got != "Hooks" {
		t.Errorf("got %q, want the title alone", got)
	}
}

func TestExtensionsAreRead(t *testing.T) {
	for _, e := range Extensions() {
		first, last, _ := strings.Cut(e, "–") // a range: ".1–.9"
		for _, ext := range []string{first, last} {
			if ext != "" && formatOf("dir/Doc"+strings.ToUpper(ext)) == "" {
				t.Errorf("Extensions lists %s, but Load does not read Doc%s", e, strings.ToUpper(ext))
			}
		}
	}
	if f := formatOf("image.png"); f != "" {
		t.Errorf("formatOf(image.png) = %q, want none", f)
	}
}

// TestPlainTextsKeepTheirBytes loads plain-text files of every kind in
// turn (plain, with a byte order mark, CRLF line ends, an invalid byte,
// binary, blank, one larger than a slab's share) from several goroutines:
// texts read into a shared slab must each stay what its file decodes to,
// whatever is read after them.
func TestPlainTextsKeepTheirBytes(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 600 {
		body := fmt.Sprintf("Title %d\n\n%s%s", i, strings.Repeat(fmt.Sprintf("Paragraph of file %d, with words enough to count. ", i), 1+i%40), "\n")
		switch i % 7 {
		case 1:
			body = "\xEF\xBB\xBF" + body
		case 2:
			body = strings.ReplaceAll(body, "\n", "\r\n")
		case 3:
			body = strings.Repeat(body, 2) + "caf\xe9\n"
		case 4:
			body = "\x00\x01binary"
		case 5:
			body = " \n\t\n"
		case 6:
			if i%21 == 6 {
				body = strings.Repeat(body, 1+maxSlabFile/len(body))
			}
		}
		fsys[fmt.Sprintf("d%d/f%04d.txt", i%3, i)] = &fstest.MapFile{Data: []byte(body)}
		if i%50 == 0 {
			fsys[fmt.Sprintf("d%d/m%04d.md", i%3, i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "# Notes %d\n\nA paragraph of notes, with words enough to count.\n", i)} // read into the reused buffer
		}
	}
	// Read is told which files' bytes are kept as they are: those it may
	// look at after Load (the snapshot's hasher does).
	type given struct {
		data []byte // as given: not copied when kept
		kept bool
	}
	var mu sync.Mutex
	read := map[string]given{}
	c, err := Load(context.Background(), fsys, Config{Read: func(p string, _ fs.FileInfo, data []byte, kept bool) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := read[p]; ok {
			t.Errorf("%s given to Read twice", p)
		}
		if !kept {
			data = slices.Clone(data)
		}
		read[p] = given{data, kept}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := 600 - 2*600/7; len(c.Docs) != want+12 { // kinds 4 and 5 are skipped
		t.Errorf("got %d documents, want %d", len(c.Docs), want+12)
	}
	if len(read) != len(fsys) {
		t.Errorf("Read given %d files, want %d", len(read), len(fsys))
	}
	for p, g := range read {
		var i int
		fmt.Sscanf(path.Base(p)[1:], "%d", &i)
		// Kept: plain text that decoding leaves as read (a BOM is only
		// skipped); not CRLF, not repaired, not skipped, not Markdown.
		want := strings.HasSuffix(p, ".txt") && (i%7 == 0 || i%7 == 1 || i%7 == 6)
		if g.kept != want || !bytes.Equal(g.data, fsys[p].Data) {
			t.Errorf("%s: Read given kept %v and %d bytes equal to the file's %v (after Load); want kept %v", p, g.kept, len(g.data), bytes.Equal(g.data, fsys[p].Data), want)
		}
	}
	for _, d := range c.Docs {
		if d.Format != FormatText {
			continue
		}
		want, kind, _ := decodeText(fsys[d.Path].Data)
		if kind != "" || d.Text != want.text {
			t.Errorf("%s: text %.40q…, want %.40q… (%s)", d.Path, d.Text, want.text, kind)
		}
		for _, p := range d.Passages {
			if p.Text != d.Text[p.Start:p.End] {
				t.Errorf("%s passage %d: %.40q…, not its span of the text", d.Path, p.Index, p.Text)
			}
		}
	}
}
