package verify

import (
	"fmt"
	"strings"
	"testing"

	"corpusbot/internal/replygen"
)

// BenchmarkRenderStream is the rendering cost of one whole reply as it
// streams: a Render of what has come after each piece, then the final
// one, on a fresh Reader (one per reply, as in service).
func BenchmarkRenderStream(b *testing.B) {
	_, ps := fixtureReader(b, 4)
	for _, size := range []int{1000, 4000, 16000} {
		reply := replygen.Reply(ps.Len(), ps.Sentences, size)
		chunks := replygen.Pieces(reply)
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
