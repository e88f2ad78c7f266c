package corpus

import (
	"strings"
	"testing"
	"testing/fstest"
)

// An Org mode document, made up in the form of Doom Emacs's docs (round
// six): a property drawer, keywords, a quote block, headings with tags,
// links, emphasis, a source block, a table, a description list and a
// results block.
const orgDoc = `:PROPERTIES:
:ID:       5fa8967a-0000-4e0c-8ae8-25cd802bf9a9
:END:
#+title:    Frequently Asked Questions
#+subtitle: Answers to common questions
#+startup:  nonum show2levels*

#+begin_quote
Our docs are best read in Emacs ([[kbd:][M-x doom/help]]) or online.
#+end_quote

* General                                                        :faq:intro:
:PROPERTIES:
:ID:       3c17177d-0000-4d1a-a279-b6dea21c8a9a
:END:
** Is Doom a fork of another starter kit?
No. I started Doom from scratch in 2013 to learn Emacs and /Emacs Lisp/, and
to write a private config for myself.

# A comment the export leaves out.
** TODO [#A] How do I install a package?
Add it to =~/.doom.d/packages.el= with [[https://example.org/docs][the package! macro]]:
#+begin_src emacs-lisp
(package! evil-snipe)
#+end_src

| Command   | Effect          |
|-----------+-----------------|
| doom sync | installs things |

- doom doctor :: checks your setup for *common* problems.
- ~doom upgrade~ updates Doom itself.

#+RESULTS:
: ok
`

func TestLoadOrg(t *testing.T) {
	d := loadOne(t, "docs/faq.org", orgDoc)
	if d.Format != FormatOrg || d.Title != "Frequently Asked Questions" || d.Description != "Answers to common questions" {
		t.Errorf("format %q, title %q, description %q", d.Format, d.Title, d.Description)
	}
	for _, bad := range []string{":PROPERTIES:", ":ID:", "#+", "[[", "]]", ":faq:", "TODO", "[#A]", "A comment", "/Emacs", "=~", "|---"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("Org markup %q in the text:\n%s", bad, d.Text)
		}
	}
	tests := []placed{
		{"Our docs are best read in Emacs (M-x doom/help) or online.", nil, 9},
		{"No. I started Doom from scratch in 2013 to learn Emacs and Emacs Lisp, and to write a private config for myself.", []string{"General", "Is Doom a fork of another starter kit?"}, 17},
		{"Add it to ~/.doom.d/packages.el with the package! macro:", []string{"General", "How do I install a package?"}, 22},
		{"(package! evil-snipe)", []string{"General", "How do I install a package?"}, 24},
		{"doom sync | installs things", []string{"General", "How do I install a package?"}, 29},
		{"doom doctor: checks your setup for common problems.", []string{"General", "How do I install a package?"}, 31},
		{"doom upgrade updates Doom itself.", []string{"General", "How do I install a package?"}, 32},
	}
	checkPlaced(t, d, tests)
}

func TestOrgInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[[https://example.org][a link]] and [[https://example.org]]", "a link and https://example.org"},
		{"[[id:5fa8967a][our user manual]]", "our user manual"},
		{"*bold*, /italic/, _under_, =verbatim=, ~code~ and +strike+.", "bold, italic, under, verbatim, code and strike."},
		{"a path like a/b/c and 2*3*4 stay", "a path like a/b/c and 2*3*4 stay"},
		{"snake_case_name stays", "snake_case_name stays"},
		{"press =K= and =gd= (in =~/.doom.d/init.el=) to your ~PATH~", "press K and gd (in ~/.doom.d/init.el) to your PATH"},
		{"by running ~$\n   doom env~. Then", "by running $\n   doom env. Then"}, // over a line break
	}
	for _, tt := range tests {
		if got := orgInline(tt.in); got != tt.want {
			t.Errorf("orgInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Org files are read now, so a tree of them is no longer counted as a
// format not read.
func TestOrgIsRead(t *testing.T) {
	loadSkipping(t, fstest.MapFS{"faq.org": file(orgDoc), "notes.rtf": file("{\\rtf1 A}\n")}, "faq", map[string]SkipKind{"notes.rtf": SkipUnsupported})
}
