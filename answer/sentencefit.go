package answer

import (
	"regexp"
	"slices"
	"strings"

	"corpusbot/text"
)

// hyphenated matches a word of hyphenated parts: "cron-based", "state-owned".
var hyphenated = regexp.MustCompile(`[\pL\pN]+(?:-[\pL\pN]+)+`)

// freeTerms returns a sentence's terms without those it holds only as the
// participle closing a hyphenated adjective ("cron-based", "state-owned"),
// unless the question writes that participle hyphenated too. Such a word
// describes something else: "Where is ShuttleCloud based?" is not
// answered by "These were cron-based", nor "Who owns the Financial
// Times?" by "a joint venture that is partly state-owned".
func (st *state) freeTerms(question, sentence string, terms []string) []string {
	ms := hyphenated.FindAllStringIndex(sentence, -1)
	if len(ms) == 0 {
		return terms
	}
	lq := strings.ToLower(question)
	bound := map[string]bool{}
	var spans [][2]int // the participles' byte spans
	for _, m := range ms {
		w := sentence[m[0]:m[1]]
		i := strings.LastIndexByte(w, '-')
		part := strings.ToLower(w[i+1:])
		if len(part) < 4 || !strings.HasSuffix(part, "ed") || strings.Contains(lq, "-"+part) {
			continue
		}
		for _, t := range st.index.Analyze(part) {
			bound[t] = true
		}
		spans = append(spans, [2]int{m[0] + i + 1, m[1]})
	}
	if len(bound) == 0 {
		return terms
	}
	for w := range text.Words(sentence) {
		if slices.ContainsFunc(spans, func(s [2]int) bool { return s[0] <= w.Start && w.End <= s[1] }) {
			continue
		}
		for _, t := range st.index.Analyze(sentence[w.Start:w.End]) {
			delete(bound, t) // the sentence also writes it freely
		}
	}
	if len(bound) == 0 {
		return terms
	}
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if !bound[t] {
			out = append(out, t)
		}
	}
	return out
}
