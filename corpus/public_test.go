package corpus

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The samples under testdata/public are real documentation, not written
// for these tests; testdata/public/README.md says where each comes from
// and under which licence.

// markupRe matches what must never be in prose: front matter, fences,
// admonition fences, shortcodes, Liquid tags, MDX imports, JSX and HTML
// tags, comments, reStructuredText roles and directives, AsciiDoc macros.
var markupRe = regexp.MustCompile("^---|^\\+\\+\\+|```|^~~~|^:::|^!!! |\\{\\{[<%]|\\{%|^import |^export |</?[A-Za-z][\\w.]*(\\s[^<>]*)?/?>|<!--|-->|\\]\\(|^\\[!\\w+\\]|:\\w+:`|^\\.\\. |``|\\w::\\[|^\\[[\\w,#. -]*\\]$|^(image|include)::|\\{/\\*")

func loadSample(t *testing.T, dir string) *Corpus {
	t.Helper()
	c, err := Load(context.Background(), os.DirFS(filepath.Join("testdata", "public", dir)), Config{})
	if err != nil {
		t.Fatalf("Load(%s): %v", dir, err)
	}
	return c
}

func TestPublicSamples(t *testing.T) {
	type headed struct {
		text     string   // in the passage
		headings []string // its heading path
	}
	tests := []struct {
		dir     string
		titles  map[string]string   // document ID → title
		skipped map[string]SkipKind // path → kind
		passage map[string]headed   // document ID → a passage
	}{
		{"docusaurus",
			map[string]string{
				"docs/topics/charts_hooks": "Chart Hooks", "docs/intro/install": "Installing Helm", "docs/overview": "Helm 4 Overview",
				"i18n/fr/docusaurus-plugin-content-docs/version-3/topics/charts_hooks": "Hooks de chart",
			},
			map[string]SkipKind{"static/img/boat.svg": SkipUnsupported, "versioned_docs/version-3/topics/charts_hooks.md": SkipDuplicate},
			map[string]headed{"docs/topics/charts_hooks": {"If no hook deletion policy annotation is specified, the before-hook-creation behavior applies by default.", []string{"Writing a Hook", "Hook deletion policies"}}},
		},
		{"hugo",
			map[string]string{"content/en/shortcodes/details": "Details shortcode", "content/en/shortcodes/highlight": "Highlight shortcode"},
			map[string]SkipKind{"content/en/shortcodes/_index.md": SkipGenerated},
			map[string]headed{"content/en/shortcodes/details": {"This is a bold word.", []string{"Example"}}},
		},
		{"mkdocs",
			map[string]string{"docs/user-guide/installation": "MkDocs Installation", "docs/user-guide/localizing-your-theme": "Localizing Your Theme"},
			nil, nil,
		},
		{"rst",
			map[string]string{"docs/user/quickstart": "Quickstart", "docs/user/install": "Installation of Requests"},
			nil,
			map[string]headed{"docs/user/quickstart": {"Requests will automatically decode content from the server.", []string{"Response Content"}}},
		},
		{"asciidoc",
			map[string]string{"docs/modules/ROOT/pages/safe-modes": "Safe Modes", "docs/modules/ROOT/pages/index": "Asciidoctor Documentation"},
			nil,
			map[string]headed{"docs/modules/ROOT/pages/safe-modes": {"This is the default safe mode for the CLI.", []string{"UNSAFE"}}},
		},
		{"latex",
			map[string]string{"src/basics": "LaTeX Basics", "src/overview": "Preface"},
			map[string]SkipKind{"src/lshort.tex": SkipEmpty},
			map[string]headed{"src/basics": {"Knuth started writing the TeX typesetting engine in 1977 to explore the potential of digital printing equipment.", []string{"A Bit of History", "TeX"}}},
		},
		{"sphinx-html",
			map[string]string{"docs/index": "How to use PLink", "docs/installing": "Installing and running PLink"},
			map[string]SkipKind{
				"docs/_sources/index.rst.txt": SkipDuplicate, "docs/_sources/installing.rst.txt": SkipDuplicate,
				"docs/genindex.html": SkipGenerated, "docs/search.html": SkipGenerated,
			},
			map[string]headed{"docs/installing": {"Simply download PLink.dmg and copy PLink.app to the Applications folder.", []string{"Mac OS X"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			c := loadSample(t, tt.dir)
			got := map[string]string{}
			for _, d := range c.Docs {
				got[d.ID] = d.Title
				checkPassages(t, &d)
				checkClean(t, tt.dir, &d)
			}
			if len(got) != len(tt.titles) {
				t.Errorf("got documents %q, want %d", got, len(tt.titles))
			}
			for id, title := range tt.titles {
				if got[id] != title {
					t.Errorf("%s: got title %q, want %q", id, got[id], title)
				}
			}
			sk := map[string]SkipKind{}
			for _, w := range c.Skipped() {
				sk[w.Path] = w.Kind
				if w.Reason == "" {
					t.Errorf("%s: skipped without a reason", w.Path)
				}
			}
			if len(sk) != len(tt.skipped) {
				t.Errorf("got skipped %v, want %v", sk, tt.skipped)
			}
			for p, k := range tt.skipped {
				if sk[p] != k {
					t.Errorf("%s: got skipped as %q, want %q", p, sk[p], k)
				}
			}
			for id, want := range tt.passage {
				d, ok := c.Doc(id)
				if !ok {
					t.Fatalf("no document %s", id)
				}
				p := passageWith(t, d, want.text)
				if !slices.Equal(p.Headings, want.headings) {
					t.Errorf("%s: %q: got headings %q, want %q", id, want.text, p.Headings, want.headings)
				}
			}
		})
	}
}

// checkClean checks a document loaded from a real sample: its title and
// prose hold no markup, no prose line is cut where the source wrapped it,
// no passage is a bare fence, and every passage's lines are in the file.
func checkClean(t *testing.T, dir string, d *Document) {
	t.Helper()
	if d.Title == "" || markupRe.MatchString(d.Title) || strings.ContainsAny(d.Title, "`*#[]{}|") {
		t.Errorf("%s: title %q", d.ID, d.Title)
	}
	src, err := os.ReadFile(filepath.Join("testdata", "public", dir, d.Path))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(string(src), "\n") + 1
	for _, p := range d.Passages {
		if p.LineEnd > lines {
			t.Errorf("%s passage %d: lines %d–%d past the file's %d", d.ID, p.Index, p.LineStart, p.LineEnd, lines)
		}
		if strings.Trim(p.Text, "`~ \n") == "" || strings.HasPrefix(p.Text, "title:") {
			t.Errorf("%s passage %d: a bare fence or front matter: %q", d.ID, p.Index, p.Text)
		}
	}
	for _, b := range reparse(t, d, string(src)) {
		if b.kind == blockCode || b.kind == blockTable {
			continue
		}
		for _, line := range strings.Split(b.text, "\n") {
			if m := markupRe.FindString(line); m != "" {
				t.Errorf("%s: prose holds markup %q: %q", d.ID, m, line)
			}
		}
		if d.Format != FormatHTML && strings.Contains(b.text, "\n") {
			t.Errorf("%s: prose cut at a line break: %q", d.ID, b.text)
		}
	}
}

// reparse returns the blocks a document was made of.
func reparse(t *testing.T, d *Document, src string) []block {
	t.Helper()
	switch d.Format {
	case FormatMarkdown, FormatMDX:
		return parseMarkdown(newMarkdownParsers(), src, d.Format == FormatMDX).blocks
	case FormatHTML:
		return parseHTML(src).blocks
	case FormatRST:
		return parseRST(src).blocks
	case FormatAsciiDoc:
		return parseAsciiDoc(src).blocks
	case FormatLaTeX:
		return parseLaTeX(src).blocks
	}
	t.Fatalf("%s: no parser for %s (%s)", d.ID, d.Format, path.Ext(d.Path))
	return nil
}

func TestPublicTranslations(t *testing.T) {
	c := loadSample(t, "docusaurus")
	en, _ := c.Doc("docs/topics/charts_hooks")
	fr, _ := c.Doc("i18n/fr/docusaurus-plugin-content-docs/version-3/topics/charts_hooks")
	if en == nil || fr == nil || en.Lang != "en" || fr.Lang != "fr" {
		t.Fatalf("got %v and %v", en, fr)
	}
	if !slices.Equal(en.Translations, []string{fr.ID}) || !slices.Equal(fr.Translations, []string{en.ID}) {
		t.Errorf("got translations %q and %q, want each other", en.Translations, fr.Translations)
	}
}

// Code blocks and tables are marked as literal text in their passages, and
// prose never is.
func TestPublicLiteral(t *testing.T) {
	c := loadSample(t, "docusaurus")
	var d *Document
	for i := range c.Docs {
		if c.Docs[i].ID == "docs/topics/charts_hooks" {
			d = &c.Docs[i]
		}
	}
	if d == nil {
		t.Fatal("docs/topics/charts_hooks not loaded")
	}
	var literal, prose []string
	for _, p := range d.Passages {
		at := 0
		for _, sp := range p.Literal {
			if sp[0] < at || sp[0] >= sp[1] || sp[1] > len(p.Text) {
				t.Fatalf("passage %d: literal span %v out of order or bounds (text %d bytes)", p.Index, sp, len(p.Text))
			}
			literal = append(literal, p.Text[sp[0]:sp[1]])
			prose = append(prose, p.Text[at:sp[0]])
			at = sp[1]
		}
		prose = append(prose, p.Text[at:])
	}
	all := func(parts []string) string { return strings.Join(parts, "\n") }
	for _, want := range []string{`"helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded`, "hook-failed | Delete the resource if the hook failed during execution"} {
		if !strings.Contains(all(literal), want) {
			t.Errorf("%q is not in a literal span", want)
		}
	}
	for _, want := range []string{"If no hook deletion policy annotation is specified", "Hook weights can be positive or negative numbers"} {
		if !strings.Contains(all(prose), want) {
			t.Errorf("prose %q is in a literal span, or missing", want)
		}
	}
}
