// Package replygen writes replies of the kind a model streams against
// numbered passages, for the benchmarks and tests of rendering a stream
// (verify's Reader, answer's replyStream): one generator, so that their
// figures are of the same replies.
package replygen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Reply is a reply of about size bytes against passages numbered 1 to n,
// sentences(i) giving the sentences of passage i+1: paragraphs of claims,
// most cited with a «quote» of the first eight words of a passage's
// sentence, some cited without one, a list, and the odd uncited sentence.
func Reply(n int, sentences func(i int) []string, size int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		p := i%n + 1
		sents := sentences(p - 1)
		f := strings.Fields(sents[(i/n)%len(sents)])
		q := strings.Join(f[:min(8, len(f))], " ")
		switch {
		case i%11 == 10:
			sb.WriteString("\n\n")
		case i%7 == 3:
			fmt.Fprintf(&sb, "\n- Point %d of the list restates what passage %d explains [%d].", i, p, p)
		case i%5 == 4:
			fmt.Fprintf(&sb, "Sentence %d is the writer's own remark on the topic. ", i)
		default:
			fmt.Fprintf(&sb, "Sentence %d says what passage %d says about it [%d] «%s». ", i, p, p, q)
		}
	}
	return sb.String()
}

// Pieces cuts s into pieces of 3 to 20 runes, seeded (the same pieces
// every run), as models stream.
func Pieces(s string) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	var out []string
	r := []rune(s)
	for i := 0; i < len(r); {
		k := min(3+rng.IntN(18), len(r)-i)
		out = append(out, string(r[i:i+k]))
		i += k
	}
	return out
}
