package corpus

import (
	"strings"
	"testing"
)

// A POD guide, made up in the form of Mojolicious's guides (round nine):
// NAME with its description, headings, formatting codes (nested, with
// doubled brackets, escapes, links with text and to sections), a
// verbatim block over a blank line, lists of bullets, numbers and terms,
// a =begin html block, and Perl after =cut.
const podDoc = `
=encoding utf8

=head1 NAME

Deploy::Guide - Deploying B<Deploy> apps

=head1 ROLLING BACK

A failed release is rolled back by L<the deployer|Deploy::Server>; see
L<Deploy::Guide/"Health checks"> and C<< $app->rollback >>, or C<EE<lt>x:yE<gt>>.X<rollback>

  $ deploy rollback --to previous

  $ deploy status

=over 4

=item *

Keep two releases.

=item * Never delete the current one.

=item keep

How many releases stay, F<deploy.conf>.

=back

=begin html

<p>Only in HTML.</p>

=end html

=cut

sub secret { "perl code" }

=head2 Health checks

Z<>Checks run every S<10 seconds>.
`

func TestLoadPOD(t *testing.T) {
	d := loadOne(t, "lib/Deploy/Guide.pod", podDoc)
	if d.Format != FormatPOD || d.Title != "Deploy::Guide" || d.Description != "Deploying Deploy apps" {
		t.Errorf("format %q, title %q, description %q", d.Format, d.Title, d.Description)
	}
	for _, bad := range []string{"=head", "=item", "=over", "B<", "C<", "L<", "X<", "Only in HTML", "perl code", "NAME", "rollback>"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("markup or left-out text %q in the text:\n%s", bad, d.Text)
		}
	}
	checkPlaced(t, d, []placed{
		{"A failed release is rolled back by the deployer; see Health checks and $app->rollback, or E<x:y>.", []string{"ROLLING BACK"}, 10},
		{"$ deploy rollback --to previous\n\n$ deploy status", []string{"ROLLING BACK"}, 13},
		{"• Keep two releases.", []string{"ROLLING BACK"}, 21},
		{"• Never delete the current one.", []string{"ROLLING BACK"}, 23},
		{"keep: How many releases stay, deploy.conf.", []string{"ROLLING BACK"}, 25},
		{"Checks run every 10 seconds.", []string{"ROLLING BACK", "Health checks"}, 43},
	})
}

func TestPODInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"B<bold> I<it> C<code> F<file>", "bold it code file"},
		{"C<< $a->b >> and C<<< x >> y >>>", "$a->b and x >> y"},
		{"L<Mojo::URL> L<text|Mojo::URL> L<Mojo::URL/\"path\"> L<https://x.org>", "Mojo::URL text path https://x.org"},
		{"E<lt>E<gt>E<verbar>E<sol>E<0x41>E<eacute>E<bogus>", "<>|/Aé"},
		{"X<index>Z<>kept", "kept"},
		{"C<unclosed", "unclosed"},
		{"empty B<> inside, and at the end I<>", "empty  inside, and at the end "},
		{"a < b > c, x<y>", "a < b > c, x<y>"},
	}
	for _, tt := range tests {
		if got := podInline(tt.in); got != tt.want {
			t.Errorf("podInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
