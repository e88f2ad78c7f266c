package corpus

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A LaTeX book's chapter, made up in the forms of lshort (round seven):
// a preamble with babel and a title, comments, sections with labels,
// \emph and \texttt, a footnote, a citation, an itemize and a
// description list, inline and display math, a verbatim block showing a
// whole document (its \begin{document} is text), a tabular, a command
// definition and an \input.
const latexDoc = `% !TEX root = ./main.tex
\documentclass[11pt]{book}
\usepackage[english,ngerman]{babel}
\newcommand{\pkg}[1]{\textsf{#1}}
\title{Kurze Einführung in \LaTeX}
\begin{document}
\maketitle
\input{preamble}
\chapter{Grundlagen}\label{chap:basics}
\section{Ein bisschen Geschichte}
\TeX{} ist ein Programm von Donald E. Knuth~\cite{texbook}. Er begann
1977 mit der Arbeit daran.% a comment at a line's end
% a line of only a comment
Das Paket \pkg{babel} kennt \emph{viele} Sprachen\footnote{Auch
  \enquote{ngerman}.} und 100\,\% der Befehle.

\subsection*{Leerzeichen}
Mehrere Leerzeichen gelten als \textbf{ein} Leerzeichen, ` + "``" + `so'' --- sagt
das Buch. Der Wert ist $\pi \approx 3{,}14$ und \(x^2\).
\[
  e = m \cdot c^2
\]
\begin{itemize}
  \item Erstens.
  \item[Zweitens] die \texttt{\textbackslash{}section}-Befehle.
\end{itemize}
\begin{verbatim}
\documentclass{article}
\begin{document}
Hallo % kein Kommentar
\end{document}
\end{verbatim}
\begin{tabular}{|l|r|}
\hline
Befehl & Wirkung \\ \hline
\verb|\emph| & hervorheben \\
\end{tabular}
Caf\'e und na\"ive Stra\ss e.
\end{document}
Nichts danach.
`

func TestLoadLaTeX(t *testing.T) {
	d := loadOne(t, "src/basics.tex", latexDoc)
	if d.Format != FormatLaTeX || d.Title != "Kurze Einführung in LaTeX" || d.Lang != "de" {
		t.Errorf("format %q, title %q, lang %q", d.Format, d.Title, d.Lang)
	}
	for _, b := range parseLaTeX(latexDoc).blocks {
		if b.kind == blockCode || b.kind == blockTable {
			continue
		}
		for _, bad := range []string{`\`, "{", "}", "comment", "texbook", "chap:", "preamble", "Nichts danach", "``", "%Kommentar"} {
			if strings.Contains(b.text, bad) && !strings.Contains(b.text, `\section-Befehle`) {
				t.Errorf("LaTeX markup %q in the text: %q", bad, b.text)
			}
		}
	}
	tests := []placed{
		{"TeX ist ein Programm von Donald E. Knuth. Er begann 1977 mit der Arbeit daran. Das Paket babel kennt viele Sprachen und 100 % der Befehle.", []string{"Grundlagen", "Ein bisschen Geschichte"}, 11},
		{"Auch “ngerman”.", []string{"Grundlagen", "Ein bisschen Geschichte"}, 14},
		{"Mehrere Leerzeichen gelten als ein Leerzeichen, “so” — sagt das Buch.", []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 18},
		{"Der Wert ist π ≈ 3,14 und x^2.", []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 19},
		{`e = m \cdot c^2`, []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 21},
		{"Erstens.", []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 24},
		{`Zweitens: die \section-Befehle.`, []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 25},
		{"Hallo % kein Kommentar", []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 30},
		{`\emph | hervorheben`, []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 36},
		{"Café und naïve Straße.", []string{"Grundlagen", "Ein bisschen Geschichte", "Leerzeichen"}, 38},
	}
	checkPlaced(t, d, tests)
	for _, b := range parseLaTeX(latexDoc).blocks {
		if b.kind == blockCode && strings.Contains(b.text, "Hallo") && !strings.Contains(b.text, `\begin{document}`) {
			t.Errorf("the verbatim block lost its lines: %q", b.text)
		}
	}
}

func TestLaTeXText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\emph{a} \textbf{b} \textit{\texttt{c}}`, "a b c"},
		{`see~\ref{x} and \autoref{y}.`, "see and."},
		{`compatible~\cite{a,b}.`, "compatible."},
		{`\href{https://x.org}{the site} and \url{https://y.org/a_b}`, "the site and https://y.org/a_b"},
		{`\verb|\foo{}| and \verb+x%y+`, `\foo{} and x%y`},
		{`\newcommand{\x}[1]{\textbf{#1}}after`, "after"},
		{`\def\y#1{z}after`, "after"},
		{`{\em grouped} text`, "grouped text"},
		{`pages 13--67, yes---or no`, "pages 13–67, yes—or no"},
		{`\LaTeX{} and \LaTeXe\ and \TeX.`, "LaTeX and LaTeX2e and TeX."},
		{`\"o \'e \^{a} \c{c} \v{s} \H{o} \i`, "ö é â ç š ő ı"},
		{`$\alpha + \beta \leq \frac{1}{2}$`, "α + β ≤ 1/2"},
		{`\# \$ \% \& \_ \{ \}`, "# $ % & _ { }"},
		{`\textcolor{red}{warm} \foreignlanguage{french}{café}`, "warm café"},
		{`\unknownmacro{kept}[opt]{also}`, "kept also"},
		{`\hologo{XeTeX}`, "XeTeX"},
		{`a\\b\\[2pt]c`, "a b c"},
		{`unclosed \emph{brace`, "unclosed brace"},
	}
	for _, tt := range tests {
		if got := collapseSpaces(latexText(tt.in, nil)); got != tt.want {
			t.Errorf("latexText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A file \input by another is read as its own document; a main file of
// nothing but \input and \include lines is empty, said so; a package's
// macros (.sty) are code.
func TestLaTeXTree(t *testing.T) {
	fsys := fstest.MapFS{
		"main.tex":     file("\\documentclass{book}\n\\input{preamble}\n\\begin{document}\n\\include{intro}\n\\end{document}\n"),
		"intro.tex":    file("\\chapter{Introduction}\nThis book is about typesetting text.\n"),
		"preamble.tex": file("\\usepackage{amsmath}\n\\newcommand{\\x}{y}\n"),
		"book.sty":     file("\\ProvidesPackage{book}\n"),
	}
	loadSkipping(t, fsys, "intro", map[string]SkipKind{"main.tex": SkipEmpty, "preamble.tex": SkipEmpty, "book.sty": SkipUnsupported})
}

func FuzzLaTeX(f *testing.F) {
	f.Add(latexDoc)
	f.Add("\\section{a\n\\begin{itemize}\\item[x\n\\end{tabular}\\verb|")
	f.Add("\\begin{verbatim}\n%\n\\begin{tabular}{l\na & b \\\\\n$$x\n\\[\n\\iffalse\n")
	f.Add("\\newcommand{\\a}[1]{\\b{#1}\\footnote{\\footnote{x}}}\\'{\\\"}\\\\[")
	// A document's macros: doubling, calling themselves and each other,
	// an optional argument, line breaks in arguments and bodies.
	f.Add("\\def\\a#1{#1#1}\\a{\\a{\\a{\\a{x}}}}\\def\\ping{\\pong}\\def\\pong{\\ping}\\ping")
	f.Add("\\newcommand{\\g}[2][d]{#1#2\\g}\n\\g[x]{y\nz} \\g{w}\n\n\\DeclareMathOperator*{\\n}{N}$\\n x$")
	f.Add("\\newcommand{\\x}[1]{#1\n\n\\footnote{#1}}\n\\x{a\nb}\\renewcommand{\\x}{\\section{y}}\\x")
	f.Fuzz(func(t *testing.T, src string) {
		s := parseLaTeX(src)
		lines := strings.Count(src, "\n") + 1
		for _, b := range s.blocks {
			for _, a := range b.anchors {
				if a.line < 1 || a.line > lines {
					t.Fatalf("block %q anchored at line %d of %d", b.text, a.line, lines)
				}
			}
		}
		if c, err := loadGuarded(t, "a.tex", []byte(src)); err == nil {
			checkPassages(t, &c.Docs[0])
		}
	})
}

// An environment of text opening mid-sentence is read in its sentence
// (lshort's "created using the \begin{lscommand} … \end{lscommand}
// command." was quoted as "… can be created using the"); a \title after
// text is an example's, not the file's (lshort's spec.tex was titled
// "Handouts", a slide's).
func TestLaTeXMidSentence(t *testing.T) {
	src := "\\chapter{Specialities}\nTheorems can be created using the\n\\begin{lscommand}\n  \\csi{newtheorem}\n\\end{lscommand}\ncommand. Its name argument names it.\n\n" +
		"A list follows:\n\\begin{itemize}\n\\item One.\n\\end{itemize}\n\n\\begin{example}\n\\title{Handouts}\n\\end{example}\n"
	d := loadOne(t, "spec.tex", src)
	if d.Title != "Specialities" {
		t.Errorf("title %q, want Specialities", d.Title)
	}
	checkPlaced(t, d, []placed{
		{"Theorems can be created using the newtheorem command. Its name argument names it.", nil, 2},
		{"A list follows:", nil, 8},
		{"One.", nil, 10},
	})
}

// A comment right after a word joins the next line to it, as TeX reads
// it; beamer's \title[short]{long} gives the long title.
func TestLaTeXCommentJoinsLines(t *testing.T) {
	s := parseLaTeX("\\documentclass{beamer}\n\\title[Short]{A Longer Title}\n\\begin{document}\nexample: Supercal%\n   ifragilist%\n% a comment line\n  icexpialidocious and\n% only a comment\nmore text, \\LaTeX%\n is.\n\\end{document}\n")
	if s.title != "A Longer Title" {
		t.Errorf("title %q", s.title)
	}
	if len(s.blocks) != 1 || s.blocks[0].text != "example: Supercalifragilisticexpialidocious and more text, LaTeXis." {
		var got []string
		for _, b := range s.blocks {
			got = append(got, b.text)
		}
		t.Errorf("blocks %q", got)
	}
}

// A footnote called on a line of nothing else, before its paragraph's
// text, is anchored with the text: the passage's lines ran backwards
// (4–3), found by FuzzLaTeX.
func TestLaTeXNoteBeforeText(t *testing.T) {
	d := loadOne(t, "a.tex", "\\footnote{A note.}}\nThe text\ngoes on.\n")
	for _, p := range d.Passages {
		if p.LineStart > p.LineEnd {
			t.Errorf("passage %q: lines %d–%d", p.Text, p.LineStart, p.LineEnd)
		}
	}
	checkPassages(t, d)
}
