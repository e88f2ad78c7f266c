package corpus

import (
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"corpusbot/text"
)

// The loader reads text through package text; these adapt its results to
// the shapes the loader's loops use.

// forEachWord calls fn with the byte span of every word of s, in order,
// until fn returns false.
func forEachWord(s string, fn func(start, end int) bool) {
	for w := range text.Words(s) {
		if !fn(w.Start, w.End) {
			return
		}
	}
}

// sentenceStarts returns the byte offsets in s[from:to] at which a sentence
// other than the first begins.
func sentenceStarts(s string, from, to int) []int {
	spans := text.Sentences(s[from:to])
	if len(spans) < 2 {
		return nil
	}
	out := make([]int, 0, len(spans)-1)
	for _, sp := range spans[1:] {
		out = append(out, from+sp.Start)
	}
	return out
}

func isSpaceAt(s string, i, to int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:to])
	return text.IsSpace(r)
}

// pipRequirementRe is a line of a pip requirements file (pip's
// "Requirements File Format"): a requirement specifier (a project's name,
// its extras, version clauses, an environment marker, a trailing
// comment), a name at a URL, or an option ("-r other.txt", "-c …",
// "-e .", "--index-url …").
var pipRequirementRe = regexp.MustCompile(`^(?:-{1,2}[a-z][\w-]*(?:[ =]\S.*)?|[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[\w, -]*\])?\s*(?:@\s*\S+|(?:(?:===|==|~=|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*,?\s*)*)\s*(?:;.*)?)(?:\s+#.*)?$`)

// pipRequirements reports whether a plain text is a pip requirements or
// constraints file, by pip's convention of names (requirements.txt,
// requirements-docs.txt, constraints.txt, broken-dep-constraints.txt)
// and lines that are all requirements, options or comments: every Sphinx
// tree built on Read the Docs keeps one beside its pages, which read as
// a document titled by its first line ("-c broken-dep-constraints.txt").
func pipRequirements(p, src string) bool {
	name := strings.ToLower(path.Base(p))
	if !strings.Contains(name, "requirements") && !strings.Contains(name, "constraints") {
		return false
	}
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if !pipRequirementRe.MatchString(t) {
			return false
		}
	}
	return true
}

// pipReason is why a pip requirements file is not a document.
const pipReason = "a pip requirements file (the Python packages to install), not a document"

// urlList reports whether a plain text is URLs alone, one a line, three
// or more (a CDN's refresh list, a mirror list): it says nothing a
// question could be answered from, and its first URL would be its title
// and its URLs' words its language.
func urlList(src string) bool {
	n := 0
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !(strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "http://")) || strings.ContainsAny(t, " \t") {
			return false
		}
		n++
	}
	return n >= 3
}
