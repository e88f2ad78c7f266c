package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/corpus"
	"corpusbot/text"
)

// ExampleTopic picks a title or section heading of the loaded documents to
// show people as an example of what to ask: the first, in document order
// (a document's title, then its headings), of 3 to 8 words without markup;
// failing that, the first of 2 words; "" when none will do. Examples come
// from the corpus being served, so they fit a team's own documents rather
// than the sample the program ships with.
func ExampleTopic(docs []corpus.Document) string {
	best := ""
	consider := func(t string) bool {
		t = strings.Join(strings.Fields(t), " ")
		switch n := exampleWords(t); {
		case n >= 3 && n <= 8:
			best = t
			return true
		case n == 2 && best == "":
			best = t
		}
		return false
	}
	for i := range docs {
		if consider(docs[i].Title) {
			return best
		}
		for _, p := range docs[i].Passages {
			for _, h := range p.Headings {
				if consider(h) {
					return best
				}
			}
		}
	}
	return best
}

// exampleWords counts the words of a usable example, or returns 0: too long,
// no letter, or characters that read as markup or would need quoting.
func exampleWords(t string) int {
	if t == "" || utf8.RuneCountInString(t) > 70 || strings.ContainsAny(t, "`*_#<>[]{}|\\\"@") ||
		strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return 0
	}
	return text.CountWords(t) // a Chinese or Japanese title counts its characters
}
