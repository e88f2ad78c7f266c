package corpus

import (
	"testing"
)

// htmlTests seed FuzzHTML too.
var htmlTests = []struct {
	name, src         string
	text, title, lang string
}{
	{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo.", "", ""},
	{"inline white space collapses", "<p>  a \n\t<b>bold</b>  <i>word</i>\n</p>", "a bold word", "", ""},
	{"entities and NBSP", "<p>AT&amp;T&nbsp;Inc &lt;b&gt; caf&eacute;</p>", "AT&T\u00a0Inc <b> café", "", ""},
	{"furniture dropped",
		`<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head><body>
<header><a href="/">Site</a></header><nav><ul><li>Home</li></ul></nav>
<main><p>Kept.</p><aside>Related stuff</aside><form><label>Email</label><button>Go</button></form></main>
<noscript>Enable JS</noscript><footer>© Site</footer></body></html>`, "Kept.", "T", ""},
	{"hidden and ARIA furniture", `<div hidden>h</div><div aria-hidden="true">a</div><div role="navigation">n</div><div style="display: none">s</div><p>Seen.</p>`, "Seen.", "", ""},
	{"article header kept", `<header>Site menu</header><article><header><h1>Headline</h1><p>By A. Writer</p></header><p>Body.</p><footer>Share</footer></article>`,
		"Headline\n\nBy A. Writer\n\nBody.", "Headline", ""},
	{"lists and breaks", "<ul><li>one</li><li>two</li></ul><p>a<br>b</p>", "one\ntwo\n\na\nb", "", ""},
	{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a b\nc d", "", ""},
	{"pre keeps lines", "<pre>x = 1\n  y = 2</pre>", "x = 1\n  y = 2", "", ""},
	{"title from first h1", "<h1>First</h1><h1>Second</h1><p>x</p>", "First\n\nSecond\n\nx", "First", ""},
	{"title beats unrelated h1", "<title>The Page</title><h1>Welcome</h1>", "Welcome", "The Page", ""},
	{"lang attribute", `<html lang="fr-FR"><p>x</p></html>`, "x", "", "fr"},
	{"bad lang attribute", `<html lang="12"><p>x</p></html>`, "x", "", ""},
	{"comments and doctype", "<!DOCTYPE html><!-- hidden --><p>v</p>", "v", "", ""},
	{"invalid UTF-8", "<p>caf\xe9</p>", "caf\uFFFD", "", ""},
	{"unclosed tags", "<p>one<p>two<div>three", "one\n\ntwo\n\nthree", "", ""},
	{"plain text", "just text", "just text", "", ""},
}

func TestReduceHTML(t *testing.T) {
	for _, tt := range htmlTests {
		t.Run(tt.name, func(t *testing.T) {
			got := reduceHTML(tt.src)
			if got.text != tt.text {
				t.Errorf("got text %q, want %q", got.text, tt.text)
			}
			if got.title != tt.title {
				t.Errorf("got title %q, want %q", got.title, tt.title)
			}
			if got.lang != tt.lang {
				t.Errorf("got lang %q, want %q", got.lang, tt.lang)
			}
		})
	}
}

func TestReduceHTMLDeepNesting(t *testing.T) {
	src := ""
	for range 600 {
		src += "<div>"
	}
	src += "deep text"
	got := reduceHTML(src)
	if got.text != "deep text" {
		t.Errorf("got %q, want the text despite nesting past the parser's limit", got.text)
	}
}
