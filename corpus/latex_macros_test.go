package corpus

import (
	"strings"
	"testing"
)

// A document's own macros read as what they print: "the \prog{} tool"
// was "the tool". Each case is a whole file's text, read as a paragraph
// (parseLaTeX, no preamble) or with one.
func TestLaTeXMacros(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no arguments", "\\newcommand{\\prog}{grep}\nthe \\prog{} tool and \\prog.", "the grep tool and grep."},
		{"unbraced name", "\\newcommand\\prog{grep}\nuse \\prog{} daily", "use grep daily"},
		{"starred", "\\newcommand*{\\prog}{grep}\nuse \\prog{} daily", "use grep daily"},
		{"one argument", "\\newcommand{\\pkg}[1]{the \\textsf{#1} package}\nload \\pkg{hyperref} first", "load the hyperref package first"},
		{"two arguments", "\\newcommand{\\pair}[2]{#2 and #1}\n\\pair{salt}{pepper}", "pepper and salt"},
		{"argument twice", "\\newcommand{\\twice}[1]{#1, #1}\n\\twice{again}", "again, again"},
		{"token arguments", "\\newcommand{\\pair}[2]{(#1,#2)}\n\\pair xy and \\pair\\alpha{b}", "(x,y) and (α,b)"},
		{"default optional", "\\newcommand{\\greet}[2][Hello]{#1, #2!}\n\\greet{world} \\greet[Bye]{moon}", "Hello, world! Bye, moon!"},
		{"nested macros", "\\newcommand{\\tool}{grep}\n\\newcommand{\\use}[1]{run \\tool{} on #1}\n\\use{logs}", "run grep on logs"},
		{"renewcommand", "\\newcommand{\\ver}{one}\n\\ver{} \\renewcommand{\\ver}{two}\\ver", "one two"},
		{"providecommand keeps the first", "\\newcommand{\\ver}{one}\n\\providecommand{\\ver}{two}\\ver{} \\providecommand{\\w}{three}\\w", "one three"},
		{"def", "\\def\\prog{grep}\n\\def\\pkg#1#2{#1-#2}\n\\prog{} \\pkg{a}{b}", "grep a-b"},
		{"gdef", "\\gdef\\prog{sed}\nuse \\prog{} too", "use sed too"},
		{"math operator", "\\DeclareMathOperator{\\argmax}{arg\\,max}\n\\DeclareMathOperator*{\\nut}{Nut}\n$\\argmax_x f$ and $\\nut x$", "arg max_x f and Nut x"},
		{"redefined symbol", "\\renewcommand{\\today}{1 May 2026}\nDated \\today.", "Dated 1 May 2026."},
		{"before its definition", "the \\prog{} tool\n\\newcommand{\\prog}{grep}", "the tool"},
		{"delimited: not expanded", "\\def\\mailto|#1|{mail #1}\nwrite \\mailto|x|", "write |x|"},
		{"internals: not expanded", "\\renewcommand\\section{\\@startsection{section}{1}{0pt}}\n\\newcommand{\\kept}[1]{#1}\n\\kept{text}", "text"},
		{"hash escaped", "\\newcommand{\\hash}{C\\#{} and ##}\n\\hash", "C# and #"},
		{"missing argument", "\\newcommand{\\pkg}[1]{[#1]}\nend \\pkg", "end"},
		{"itself", "\\def\\loop{a\\loop}\n\\loop b", strings.Repeat("a", latexMacroNest) + " b"},
		{"each other", "\\def\\ping{\\pong}\\def\\pong{\\ping}\nx \\ping y", "x y"},
		{"in the preamble", "\\documentclass{article}\n\\newcommand{\\prog}{grep}\n\\begin{document}\nthe \\prog{} tool\n\\end{document}", "the grep tool"},
		{"in verbatim: not defined", "\\begin{verbatim}\n\\newcommand{\\prog}{grep}\n\\end{verbatim}\n\nthe \\prog{} tool", "the tool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range parseLaTeX(tt.in).blocks {
				if b.kind != blockCode {
					got = append(got, collapseSpaces(strings.ReplaceAll(b.text, "\n", " ")))
				}
			}
			if s := strings.Join(got, " | "); s != tt.want {
				t.Errorf("%q reads %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}

// Expansion is bounded: a macro that doubles itself, nested, and a
// file that calls one many times end, with what fits the budget.
func TestLaTeXMacrosBounded(t *testing.T) {
	src := "\\def\\a#1{#1#1}\n\\def\\b{\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{x}}}}}}}}}}}\n" +
		strings.Repeat("\\b\\b\\b\\b\\b\\b\\b\\b ", 4000)
	out := 0
	for _, b := range parseLaTeX(src).blocks {
		out += len(b.text)
	}
	if limit := 2 * max(1<<20, 8*len(src)); out > limit {
		t.Fatalf("%d bytes of text from %d of source; the budget is %d", out, len(src), limit)
	}
	if out < 1024 {
		t.Fatalf("%d bytes of text: the budget stopped the first calls", out)
	}
}
