package corpus

import (
	"strings"
	"testing"
)

// A MediaWiki page, made up in the form of Bitcoin's BIPs and a wiki's
// export (round nine): a <pre> preamble, headings, emphasis, internal and
// external links, a template, footnotes over lines, a comment, lists, a
// definition, a table with attributes, a <source> block, indented code.
const wikiDoc = `<pre>
  RFC: 7
  Title: Release trains
  Author: Jane Doe <jane@example.org>
</pre>
__TOC__
==Abstract==

Releases leave '''every Tuesday''' on the ''train''.<ref>Unless
the train is cancelled.</ref> See [[Release_process|the process]] and
[https://example.org/cal the calendar]{{citation needed}}.<!-- hidden
note -->

===Roles===
* The conductor picks the build.
# The guard signs off.
;Freeze : no merges after noon.

{| class="wikitable"
! Day !! Step
|-
| style="color:red" | Monday || Freeze
|-
| Tuesday
| Ship &amp; announce
|}

<source lang="bash">
train ship --day tuesday
</source>

 train status
`

func TestLoadMediaWiki(t *testing.T) {
	d := loadOne(t, "wiki/Release_trains.mediawiki", wikiDoc)
	if d.Format != FormatMediaWiki || d.Title != "Release trains" {
		t.Errorf("format %q, title %q", d.Format, d.Title)
	}
	for _, bad := range []string{"'''", "[[", "{{", "<ref", "cancelled", "hidden", "__TOC__", "wikitable", "style=", "&amp;", "<source"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("markup or hidden text %q in the text:\n%s", bad, d.Text)
		}
	}
	checkPlaced(t, d, []placed{
		{"Author: Jane Doe <jane@example.org>", nil, 4},
		{"Releases leave every Tuesday on the train. See the process and the calendar.", []string{"Abstract"}, 9},
		{"• The conductor picks the build.", []string{"Abstract", "Roles"}, 15},
		{"• The guard signs off.", []string{"Abstract", "Roles"}, 16},
		{"Freeze: no merges after noon.", []string{"Abstract", "Roles"}, 17},
		{"Day | Step\nMonday | Freeze\nTuesday | Ship & announce", []string{"Abstract", "Roles"}, 20},
		{"train ship --day tuesday", []string{"Abstract", "Roles"}, 29},
		{"train status", []string{"Abstract", "Roles"}, 32},
	})
}
