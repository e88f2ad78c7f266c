package corpus

import (
	"strings"
	"testing"
)

// PyMdown Extensions' inline marks (pymdownx.mark "==mark==", pymdownx.caret
// "^^insert^^" and superscript "X^2^") are <mark>, <ins> and <sup> on an
// MkDocs site: the text shows, the marks do not. Read as CommonMark they
// stayed in passages as written. As PyMdown's smart logic (BetterEm's)
// reads them, a mark inside a word neither opens nor closes
// ("smart==mark"), a mark next to a space does not open or close ("a == b
// == c"), a superscript holds no space; escaped marks ("\^", in tables of
// VATSIM's SOPs) and code keep them.
func TestMarkdownPyMdownMarks(t *testing.T) {
	d := loadOne(t, "page.md", strings.Join([]string{
		"# Marks",
		"",
		"Read ==the whole page== first, then ^^the new part^^ of it.",
		"",
		"The area is X^2^ + 4x, and ==smart==mark== keeps its inner one.",
		"",
		"In prose a == b == c stays, so does x^2 + y^2 and a footnote[^1][^2].",
		"",
		"Code keeps `==x==` and `^^y^^`.",
		"",
		"| 12 | <br>12\\^<br>11\\^ | \\==a== |",
		"|----|----|----|",
		"",
		"[^1]: One.",
		"[^2]: Two.",
	}, "\n"))
	text := strings.Join(strings.Fields(d.Text), " ")
	for _, want := range []string{
		"Read the whole page first, then the new part of it.",
		"The area is X2 + 4x, and smart==mark keeps its inner one.",
		"In prose a == b == c stays, so does x^2 + y^2 and a footnote",
		"Code keeps ==x== and ^^y^^.",
		"12^11^ | ==a==",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}

// PyMdown's keys ("++ctrl+alt+del++") show on the site as the keys' labels
// joined by "+" ("Ctrl+Alt+Del"), a quoted key as its text; the raw
// "++ctrl+c++" stayed in passages. C++ and i++ in prose are not keys, and
// code keeps its own.
func TestMarkdownPyMdownKeys(t *testing.T) {
	d := loadOne(t, "page.md", strings.Join([]string{
		"# Keys",
		"",
		"Press ++ctrl+alt+del++ to restart, ++cmd+shift+p++ for the palette, ++enter++ to confirm.",
		"",
		"Then ++page-up++, ++f5++, ++ctrl+\"My Key\"++ and ++escape++.",
		"",
		"C++ and C++ stay, so do i++ + j++ and `++ctrl+c++`.",
	}, "\n"))
	text := strings.Join(strings.Fields(d.Text), " ")
	for _, want := range []string{
		"Press Ctrl+Alt+Del to restart, Cmd+Shift+P for the palette, Enter to confirm.",
		"Then Page Up, F5, Ctrl+My Key and Esc.",
		"C++ and C++ stay, so do i++ + j++ and ++ctrl+c++.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}

// Emoji shortcodes (":smile:", ":+1:", ":white_check_mark:") are pictures
// on an MkDocs Material site (pymdownx.emoji) and on GitHub: no text, as
// Material's icons. They stayed in passages and titles as written. A
// shortcode stands alone between spaces or punctuation; times, scopes,
// roles and code are text.
func TestMarkdownEmojiShortcodes(t *testing.T) {
	d := loadOne(t, "page.md", strings.Join([]string{
		"# :rocket: Release notes",
		"",
		"Tests pass :white_check_mark:, reviews :+1: and :tada:.",
		"",
		":warning: Back up first (:floppy_disk:).",
		"",
		"At 10:30:15 the std::vector:: scope, a:b:c and :Not_an_emoji: stay, so does `:smile:`.",
	}, "\n"))
	text := strings.Join(strings.Fields(d.Text), " ")
	for _, want := range []string{
		"Release notes",
		"Tests pass, reviews and.",
		"Back up first ().",
		"At 10:30:15 the std::vector:: scope, a:b:c and :Not_an_emoji: stay, so does :smile:.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	if d.Title != "Release notes" {
		t.Errorf("title %q, want %q", d.Title, "Release notes")
	}
}
