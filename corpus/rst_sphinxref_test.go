package corpus

import (
	"strings"
	"testing"
)

// A Sphinx :ref: or :doc: with no title shows its target's title on the
// site; passages read the label or path as written ("how-to-fixtures",
// "../how-to/getting-started"). The loader reads one file at a time and
// does not know the target's title, so a label reads as its words and a
// page as its name in words, as an AsciiDoc xref's does; a title given is
// kept, and other roles are unchanged. MyST's {ref} and {doc} read the same.
func TestSphinxRefDocWithoutTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{":ref:`how-to-fixtures` and :ref:`live_logs`", "how to fixtures and live logs"},
		{":ref:`pytest.mark.xfail ref`", "pytest.mark.xfail ref"},
		{":ref:`non-python tests` and :ref:`a_b.c-d`", "non-python tests and a b.c d"},
		{":std:ref:`module-thing`", "module thing"},
		{":ref:`<section-name>`", "section name"},
		{":ref:`Fixtures <how-to-fixtures>`", "Fixtures"},
		{":doc:`getting-started` and :doc:`../how-to/writing_plugins`", "getting started and writing plugins"},
		{":doc:`example/index` and :doc:`../index`", "example and index"},
		{":doc:`pdb <python:library/pdb>`", "pdb"},
		{":func:`~a.b_c` and :term:`my-term`", "b_c and my-term"},
	}
	for _, tt := range tests {
		if got := rstInline(tt.in); got != tt.want {
			t.Errorf("rstInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	md := parseMarkdown(newMarkdownParsers(), "See {ref}`how-to-fixtures`, {doc}`usage/getting-started` and {ref}`Logs <live_logs>`.\n", false)
	var got []string
	for _, b := range md.blocks {
		got = append(got, b.text)
	}
	if text := strings.Join(got, "\n"); !strings.Contains(text, "See how to fixtures, getting started and Logs.") {
		t.Errorf("MyST roles read as %q", text)
	}
}
