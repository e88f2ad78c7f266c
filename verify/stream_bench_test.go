package verify

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchReply is a reply of about size bytes as a model writes one against
// ps: paragraphs of claims, most cited with a «quote» of a passage's
// sentence, some cited without one, a list, and the odd uncited sentence.
func benchReply(ps testPassages, size int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		n := i%ps.Len() + 1
		sents := ps.Sentences(n - 1)
		f := strings.Fields(sents[(i/ps.Len())%len(sents)])
		q := strings.Join(f[:min(8, len(f))], " ")
		switch {
		case i%11 == 10:
			sb.WriteString("\n\n")
		case i%7 == 3:
			fmt.Fprintf(&sb, "\n- Point %d of the list restates what passage %d explains [%d].", i, n, n)
		case i%5 == 4:
			fmt.Fprintf(&sb, "Sentence %d is the writer's own remark on the topic. ", i)
		default:
			fmt.Fprintf(&sb, "Sentence %d says what passage %d says about it [%d] «%s». ", i, n, n, q)
		}
	}
	return sb.String()
}

// benchChunks cuts s into pieces of 3 to 20 runes, as models stream.
func benchChunks(s string) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	var out []string
	r := []rune(s)
	for i := 0; i < len(r); {
		n := min(3+rng.IntN(18), len(r)-i)
		out = append(out, string(r[i:i+n]))
		i += n
	}
	return out
}

// BenchmarkRenderStream is the rendering cost of one whole reply as it
// streams: a Render of what has come after each piece, then the final
// one, on a fresh Reader (one per reply, as in service).
func BenchmarkRenderStream(b *testing.B) {
	_, ps := fixtureReader(b, 4)
	for _, size := range []int{1000, 4000, 16000} {
		reply := benchReply(ps, size)
		chunks := benchChunks(reply)
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rd := NewReader(ps, fixture.ix, "question")
				var raw strings.Builder
				for _, c := range chunks {
					raw.WriteString(c)
					rd.Render(raw.String(), true)
				}
				if r := rd.Render(reply, false); r.Backed == 0 {
					b.Fatal("the reply backs no claim")
				}
			}
		})
	}
}
