package corpus

import (
	"strings"
	"testing"
)

// A Texinfo manual, made up in the form of GNU's and Magit's (round nine):
// the header, a title page, a menu, nodes, sections, index entries, a
// table of commands with @kindex lines, an itemize, a multitable, an
// example, a footnote, @set values, cross references, accents and a
// @tex block.
const texiDoc = `\input texinfo    @c -*- texinfo -*-
@c %**start of header
@setfilename deploy.info
@settitle Deploy Tool Manual
@documentlanguage en
@set VERSION 2.4
@c %**end of header

@titlepage
@title Deploy Tool Manual
@author Jane Doe
@end titlepage

@node Top
@top Deploy Tool Manual

This manual is for Deploy Tool version @value{VERSION}.

@menu
* Rolling back::   Undoing a release.
@end menu

@node Rolling back
@chapter Rolling back
@cindex rollback

A failed release is rolled back by itself@footnote{Unless
@code{auto_rollback} is off.}.  @xref{Health checks}, for the checks.

@table @asis
@item @kbd{r r} (@code{deploy-rollback})
@kindex r r
@findex deploy-rollback
Roll back to the previous release.

@item @kbd{r l}
@itemx @kbd{r L}
List the releases, na@"ive or not.
@end table

@itemize @bullet
@item
Keep two releases.
@item Never delete the current one.
@end itemize

@multitable @columnfractions .5 .5
@headitem Setting @tab Default
@item @code{keep} @tab 2
@end multitable

@example
deploy rollback --to previous
@end example

@tex
\hbox{typeset only}
@end tex

@bye
`

func TestLoadTexinfo(t *testing.T) {
	d := loadOne(t, "doc/deploy.texi", texiDoc)
	if d.Format != FormatTexinfo || d.Title != "Deploy Tool Manual" || d.Lang != "en" {
		t.Errorf("format %q, title %q, lang %q", d.Format, d.Title, d.Lang)
	}
	for _, bad := range []string{"@", "\\input", "setfilename", "Jane Doe", "Undoing a release", "rollback\n", "auto_rollback", "kindex", "typeset only", "{", "}"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("markup or left-out text %q in the text:\n%s", bad, d.Text)
		}
	}
	checkPlaced(t, d, []placed{
		{"This manual is for Deploy Tool version 2.4.", nil, 17},
		{"A failed release is rolled back by itself. See Health checks, for the checks.", []string{"Rolling back"}, 27},
		{"r r (deploy-rollback): Roll back to the previous release.", []string{"Rolling back"}, 31},
		{"r l, r L: List the releases, naïve or not.", []string{"Rolling back"}, 36},
		{"• Keep two releases.", []string{"Rolling back"}, 43},
		{"• Never delete the current one.", []string{"Rolling back"}, 44},
		{"Setting | Default", []string{"Rolling back"}, 48},
		{"keep | 2", []string{"Rolling back"}, 49},
		{"deploy rollback --to previous", []string{"Rolling back"}, 53},
	})
}

func TestTexinfoInline(t *testing.T) {
	p := &texiParser{vals: map[string]string{"v": "1.0"}}
	tests := []struct{ in, want string }{
		{"@code{git add --patch} and @samp{@var{file}}", "git add --patch and file"},
		{"@uref{https://x.org, the site} and @url{https://y.org}", "the site and https://y.org"},
		{"@pxref{Node Name,,Title Words}", "see Title Words"},
		{"@acronym{GNU, GNU's Not Unix} @dots{} @@ @{x@}", "GNU (GNU's Not Unix) … @ {x}"},
		{"version @value{v}@.", "version 1.0."},
		{"Fran@,{c}ais @'e@`a", "Français éà"},
		{"@verb{|@x{}|} stays", "@x{} stays"},
		{"@code{unclosed", "unclosed"},
		{"@footnote{gone}kept", "kept"},
		{"@noindent Text", "Text"},
	}
	for _, tt := range tests {
		if got := p.inline(tt.in); got != tt.want {
			t.Errorf("inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
