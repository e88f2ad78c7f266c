package corpus

import (
	"strings"
	"testing"
)

// An Antora xref with no text ("xref:getting-started.adoc[]") shows the
// target page's title on the site. Passages read the file's name as
// written ("getting-started.adoc", "2.0@cli:ROOT:my_page.adoc#flags"); the
// loader reads one file at a time and does not know the target's title, so
// the page's name reads as words, as the site's title usually says it; a
// start page ("cli:index.adoc", in Asciidoctor's own docs) by its module's
// or folder's name, not "index". A bare fragment reads as its words; text
// given is kept.
func TestAsciiDocXrefWithoutText(t *testing.T) {
	src := "= Guide\n\nSee xref:getting-started.adoc[] and xref:2.0@cli:ROOT:my_page.adoc#flags[], xref:#install-steps[] and xref:ROOT:index.adoc[Home].\n\nThen xref:admin/backupRestore.adoc[], xref:cli:index.adoc[] and xref:admin/index.adoc[].\n"
	var got []string
	for _, b := range parseAsciiDoc(src).blocks {
		got = append(got, b.text)
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{
		"See getting started and my page, install steps and Home.",
		"Then backup restore, cli and admin.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, ".adoc") {
		t.Errorf("text holds a file name:\n%s", text)
	}
}
