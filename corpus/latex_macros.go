package corpus

import (
	"strings"
	"unicode/utf8"
)

// A document's own macros: "the \prog{} tool" with \newcommand{\prog}{grep}
// reads "the grep tool", where reading an unknown command as its
// arguments' text gave "the tool". Simple macros are expanded: those of
// \newcommand, \renewcommand, \providecommand, \DeclareRobustCommand (up
// to nine arguments, the first optional with its default), \def, \gdef,
// \edef and \xdef with undelimited arguments (#1#2…), and
// \DeclareMathOperator. A macro is known from its definition on, as TeX
// reads it; those defined in another file (a package of the tree) are
// not, since each file is read alone. Left as unknown commands: a
// definition with delimited arguments (\def\a|#1|{…}), and one whose body
// names a command with @ (a package's internals, \@startsection), which
// only TeX reads.
//
// Expansion is bounded: nested at most latexMacroNest deep (a macro
// calling itself stops there) and, in all, to a budget of bytes written a
// file (a macro doubling its argument, nested, would grow as 2^depth).

// latexMacroNest bounds macros expanded within one another.
const latexMacroNest = 20

// latexMacro is one macro: its body with #1…#n, and the default of its
// first argument when that is optional.
type latexMacro struct {
	n    int
	opt  bool
	def  string
	body string
}

// latexMacros are a file's macros, as defined so far, and what is left of
// its budget of expansion.
type latexMacros struct {
	defs   map[string]latexMacro
	nest   int
	budget int
}

// newLatexMacros makes the macros of a file of size bytes; its budget is
// some times its size, and at least a megabyte.
func newLatexMacros(size int) *latexMacros {
	return &latexMacros{defs: map[string]latexMacro{}, budget: max(1<<20, 8*size)}
}

// define reads the definition def of the command cmd (newcommand, def,
// DeclareMathOperator as "{\name}{text}", …): def is its text after the
// command name, up to where latexSkipDefinition ends it.
func (mx *latexMacros) define(cmd, def string) {
	if mx == nil {
		return
	}
	var (
		name string
		m    latexMacro
		ok   bool
	)
	switch cmd {
	case "newcommand", "renewcommand", "providecommand", "DeclareRobustCommand":
		name, m, ok = latexNewcommand(def)
	case "def", "gdef", "edef", "xdef":
		name, m, ok = latexDef(def)
	case "DeclareMathOperator":
		name, m, ok = latexNewcommand(def)
		m.n, m.opt = 0, false
	}
	if !ok || strings.Contains(m.body, "@") {
		return
	}
	if _, had := mx.defs[name]; had && cmd == "providecommand" {
		return
	}
	mx.defs[name] = m
}

// latexMacroName reads a macro's name at s's start, braced ({\name}) or
// not (\name), and returns the rest.
func latexMacroName(s string) (name, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t\n")
	if s == "" {
		return "", s, false
	}
	if s[0] == '{' {
		g, end, ok := latexGroup(s, 0, '{', '}')
		if !ok {
			return "", s, false
		}
		if name, tail, ok := latexMacroName(g); ok && strings.TrimSpace(tail) == "" {
			return name, s[end:], true
		}
		return "", s, false
	}
	if s[0] != '\\' || len(s) < 2 {
		return "", s, false
	}
	k := 1
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	if k == 1 {
		return "", s, false // \, \; …: not a name this reader calls
	}
	return s[1:k], s[k:], true
}

// latexNewcommand reads {\name}[n][default]{body}.
func latexNewcommand(def string) (string, latexMacro, bool) {
	name, s, ok := latexMacroName(strings.TrimPrefix(def, "*"))
	if !ok {
		return "", latexMacro{}, false
	}
	m := latexMacro{}
	for opts := 0; ; opts++ {
		s = strings.TrimLeft(s, " \t\n")
		if s == "" || s[0] != '[' {
			break
		}
		g, end, ok := latexGroup(s, 0, '[', ']')
		if !ok || opts > 1 {
			return "", latexMacro{}, false
		}
		if opts == 0 {
			g = strings.TrimSpace(g)
			if len(g) != 1 || g[0] < '0' || g[0] > '9' {
				return "", latexMacro{}, false
			}
			m.n = int(g[0] - '0')
		} else {
			if m.n == 0 {
				return "", latexMacro{}, false
			}
			m.opt, m.def = true, g
		}
		s = s[end:]
	}
	body, _, ok := latexGroup(s, 0, '{', '}')
	if !ok {
		return "", latexMacro{}, false
	}
	m.body = body
	return name, m, true
}

// latexDef reads \name#1#2{body}: undelimited arguments only.
func latexDef(def string) (string, latexMacro, bool) {
	name, s, ok := latexMacroName(def)
	if !ok {
		return "", latexMacro{}, false
	}
	m := latexMacro{}
	for len(s) >= 2 && s[0] == '#' && s[1] == byte('1'+m.n) && m.n < 9 {
		m.n++
		s = s[2:]
	}
	body, end, ok := latexGroup(s, 0, '{', '}')
	if !ok || strings.TrimSpace(s[end:]) != "" {
		return "", latexMacro{}, false
	}
	m.body = body
	return name, m, true
}

// latexMacroArg is an undelimited argument at s[i], as TeX takes one: a
// braced group (its text), or one token (a command, a character), after
// spaces and at most one line break.
func latexMacroArg(s string, i int) (string, int, bool) {
	j, ok := latexArgStart(s, i)
	if !ok {
		return "", i, false
	}
	switch c := s[j]; {
	case c == '{':
		return latexGroup(s, j, '{', '}')
	case c == '}':
		return "", i, false
	case c == '\\' && j+1 < len(s):
		k := j + 1
		for k < len(s) && isASCIILetter(s[k]) {
			k++
		}
		if k == j+1 {
			k++
		}
		return s[j:k], k, true
	}
	_, size := utf8.DecodeRuneInString(s[j:])
	return s[j : j+size], j + size, true
}

// expand writes the expansion of the macro name, called at s[j] (after
// its name), and returns the offset after its arguments; false when name
// is not a macro of the file, or its arguments are not there, or the
// bounds are reached: the caller reads it as any command.
func (mx *latexMacros) expand(b *strings.Builder, s, name string, j int, math bool, depth int) (int, bool) {
	if mx == nil || mx.nest >= latexMacroNest || mx.budget <= 0 {
		return j, false
	}
	m, ok := mx.defs[name]
	if !ok {
		return j, false
	}
	var args [9]string
	k, first := j, 0
	if m.opt {
		args[0], first = m.def, 1
		t := k
		for t < len(s) && (s[t] == ' ' || s[t] == '\t') {
			t++
		}
		if t < len(s) && s[t] == '[' {
			if g, end, ok := latexGroup(s, t, '[', ']'); ok {
				args[0], k = g, end
			}
		}
	}
	for a := first; a < m.n; a++ {
		g, end, ok := latexMacroArg(s, k)
		if !ok {
			return j, false
		}
		args[a], k = g, end
	}
	var body strings.Builder
	for i := 0; i < len(m.body); i++ {
		c := m.body[i]
		if c == '#' && i+1 < len(m.body) {
			switch d := m.body[i+1]; {
			case d == '#':
				body.WriteByte('#')
				i++
				continue
			case d >= '1' && d <= '9' && int(d-'0') <= m.n:
				body.WriteString(args[d-'1'])
				i++
				continue
			}
		}
		body.WriteByte(c)
	}
	mx.budget -= body.Len()
	if mx.budget < 0 {
		return j, false
	}
	// Written on one line, with the line breaks of the call after it: the
	// paragraph's lines stay where the source has them.
	var out strings.Builder
	mx.nest++
	latexWrite(&out, body.String(), nil, math, depth+1, mx)
	mx.nest--
	b.WriteString(strings.ReplaceAll(out.String(), "\n", " "))
	b.WriteString(strings.Repeat("\n", strings.Count(s[j:k], "\n")))
	return k, true
}
