package corpus

import (
	"slices"
	"strings"
	"testing"
)

// Forms of three public trees of the fifth adversarial round (made-up text
// here): MDN's KumaScript macros and its definition lists, d2lbook's roles
// and tab markers, and javascript.info's fenced notes with a header.
func TestMarkdownRoundFive(t *testing.T) {
	tests := []struct {
		name, src string
		paras     []string // wanted paragraphs, in order
		code      []string // wanted code blocks, in order (nil: none checked)
	}{
		{
			name: "MDN macros read as their text",
			src: "{{JSRef}}\n\nThe **`map()`** method of {{jsxref(\"Array\")}} instances builds a new array.\n\n" +
				"{{EmbedInteractiveExample(\"pages/js/array-map.html\")}}\n\n" +
				"Use {{jsxref(\"Array/forEach\", \"forEach()\")}} or a {{Glossary(\"whitespace\", \"blank\")}} for {{HTMLElement(\"img\")}} {{optional_inline}}.\n\n" +
				"Keep `{{jsxref(\"X\")}}` and {{ message }} as they are.\n\n{{Specifications}}\n\n{{Compat}}\n",
			paras: []string{
				"The map() method of Array instances builds a new array.",
				"Use forEach() or a blank for <img>.",
				"Keep {{jsxref(\"X\")}} and {{ message }} as they are.",
			},
		},
		{
			name: "MDN definition lists read as term: definition",
			src:  "### Parameters\n\n- `callbackFn`\n  - : A function to run on each element.\n    It is called with these arguments:\n    - `element`\n      - : The element being processed.\n- `thisArg` {{optional_inline}}\n  - : The value used as `this`.\n",
			paras: []string{
				"callbackFn: A function to run on each element. It is called with these arguments:",
				"element: The element being processed.",
				"thisArg: The value used as this.",
			},
		},
		{
			name: "d2lbook roles, labels and tabs",
			src: "# Dropout\n:label:`sec_dropout`\n\nAs in :numref:`sec_weight_decay`, noise helps :cite:`Bishop.1995`.\n\n" +
				":begin_tab:`pytorch`\nWe import torch first.\n:end_tab:\n\n```{.python .input}\n#@tab pytorch\nimport torch\n```\n",
			paras: []string{"As in sec_weight_decay, noise helps Bishop.1995.", "We import torch first."},
			code:  []string{"#@tab pytorch\nimport torch"},
		},
		{
			name:  "a fenced note with a header whose code spans hold backticks",
			src:   "# Switch\n\nIntro.\n\n````smart header=\"Any `expression` can be a `case`\"\nBoth `switch` and `case` take any expression.\n\n```js run\nswitch (+a) {}\n```\nHere the code runs.\n````\n\n## Grouping\n\nSeveral cases can share code.\n",
			paras: []string{"Intro.", "Any expression can be a case", "Both switch and case take any expression.", "Here the code runs.", "Several cases can share code."},
			code:  []string{"switch (+a) {}"},
		},
		{
			name:  "a fence whose info string holds a backtick is still a fence",
			src:   "Before.\n\n````js title=\"a `b` c\"\nlet x = 1;\n````\n\nAfter.\n",
			paras: []string{"Before.", "After."},
			code:  []string{"let x = 1;"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, paras := codeAndParagraphs(tt.src)
			if !slices.Equal(paras, tt.paras) {
				t.Errorf("paragraphs\n%q\nwant\n%q", paras, tt.paras)
			}
			if tt.code != nil && !slices.Equal(code, tt.code) {
				t.Errorf("code %q, want %q", code, tt.code)
			}
		})
	}
}

// The section after a javascript.info note keeps its heading: the note's
// closing fence opened no code block that ran to the end of the page.
func TestFencedNoteKeepsNextSection(t *testing.T) {
	src := "# Switch\n\nIntro.\n\n````warn header=\"Mind the `break`\"\nWithout `break` the next case runs.\n````\n\n## Grouping\n\nSeveral cases can share code.\n"
	d := loadOne(t, "article.md", src)
	p := passageWith(t, d, "Several cases can share code.")
	if !slices.Equal(p.Headings, []string{"Grouping"}) || p.LineStart != 11 {
		t.Errorf("headings %q at line %d, want [Grouping] at line 11", p.Headings, p.LineStart)
	}
	if strings.Contains(d.Text, "````") || strings.Contains(d.Text, "header=") {
		t.Errorf("fence markup in the text: %q", d.Text)
	}
}
