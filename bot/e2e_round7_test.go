package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Round seven of the adversarial tests (docs/benchmarks.md, "Adversarial
// round seven"): a LaTeX chapter and a Bengali page, made up here in the
// forms of the round's public trees (lshort's sources, React's Bengali
// docs), through discordgo and the fakes; a scripted model labels its
// citations in Bengali with Bengali digits ("[সূত্র ১]"), which were shown
// raw, the answer "could not verify".
var round7Docs = fstest.MapFS{
	"src/basics.tex": {Data: []byte("% !TEX root = ./book.tex\n\\chapter{\\LaTeX{} Basics}\\label{chap:basics}\n\\section{A Bit of History}\n\\subsection{\\TeX}\n\n" +
		"\\TeX{} is a computer program created by Donald E. Knuth\\index{Knuth}~\\cite{texbook}. % who\n" +
		"The first stable version of \\TeX{} was released in 1982.\\footnote{Version 3.0 came in 1989.}\n\n" +
		"\\begin{verbatim}\n\\documentclass{article}\n\\end{verbatim}\n")},
	"bn/usememo.md": {Data: []byte("---\ntitle: useMemo\n---\n\n<Intro>\n\n`useMemo` হল একটি React হুক, যা রি-রেন্ডারিং এর সময় রেজাল্ট মেমোরিতে সংরক্ষণ করে রাখতে দেয়।\n\n</Intro>\n\n" +
		"## ব্যবহার {/*usage*/}\n\nuseMemo কে কম্পোনেন্ট এর একেবারে উপরের স্তরে কল করতে হবে।\n")},
	"pt/useid.md": {Data: []byte("---\ntitle: useId\n---\n\n<Intro>\n\n`useId` é um Hook do React para gerar IDs únicos que podem ser passados para atributos de acessibilidade.\n\n</Intro>\n")},
}

var round7Cases = []round5Case{
	{
		lang: "en", question: "Who created TeX?",
		reply: "TeX was created by Donald Knuth [Source %N{created by Donald E. Knuth}] «TeX is a computer program created by Donald E. Knuth». " +
			"TeX was first released in 1990 [%N{created by Donald E. Knuth}] «TeX was first released in 1990».",
		marked:   []string{"TeX was first released in 1990"},
		unmarked: []string{"TeX was created by Donald Knuth"},
	},
	{
		lang: "bn", question: "useMemo কিভাবে রেজাল্ট সংরক্ষণ করে?",
		reply: "useMemo একটি React হুক যা রেজাল্ট মেমোরিতে সংরক্ষণ করে [সূত্র %B{মেমোরিতে সংরক্ষণ}] «যা রি-রেন্ডারিং এর সময় রেজাল্ট মেমোরিতে সংরক্ষণ করে রাখতে দেয়»। " +
			"useMemo সার্ভারে চলে [%B{মেমোরিতে সংরক্ষণ}] «useMemo সার্ভারে চলে»।",
		marked:   []string{"useMemo সার্ভারে চলে"},
		unmarked: []string{"useMemo একটি React হুক যা রেজাল্ট মেমোরিতে সংরক্ষণ করে"},
	},
	{
		// A decline in Portuguese beside the answer is no uncited claim.
		lang: "pt", question: "Para que serve o useId?",
		reply: "O useId gera IDs únicos [Fonte %N{gerar IDs únicos}] «é um Hook do React para gerar IDs únicos». " +
			"O useId gera chaves de lista [%N{gerar IDs únicos}] «useId gera chaves de lista». " +
			"Os documentos não mencionam o desempenho do useId.",
		marked:   []string{"O useId gera chaves de lista"},
		unmarked: []string{"O useId gera IDs únicos", "Os documentos não mencionam o desempenho do useId."},
	},
}

func TestRound7LaTeXAndBengaliThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round7Docs, round7Cases, nil, func(t *testing.T, path string, c round5Case, content string) {
		body := withoutNotes(content)
		for _, s := range []string{"[সূত্র", "১", `\LaTeX`, `\TeX`, "\\index", "\\cite", "texbook", "chap:basics", "% who", "<Intro>", "{/*"} {
			if strings.Contains(body, s) {
				t.Errorf("%s %s: %q in sight:\n%s", path, c.lang, s, content)
			}
		}
		if c.lang == "en" && !strings.Contains(content, "LaTeX Basics") {
			t.Errorf("%s: the Sources do not name the chapter \"LaTeX Basics\":\n%s", path, content)
		}
	})
}
