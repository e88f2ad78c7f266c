package answer

import (
	"fmt"
	"strings"
	"testing"

	"corpusbot/internal/replygen"
	"corpusbot/verify"
)

// TestStreamSpacedRenders: a long reply streamed renders in all a constant
// times its length, not once a sentence over the whole reply; what shows
// is still a prefix's rendering, the first text shows at the same piece as
// rendering once a sentence, the end is the same, and no more than about a
// sixteenth of the reply (and a sentence) is held back.
func TestStreamSpacedRenders(t *testing.T) {
	reader, blocks := testReader(t, 4)
	type streamCase struct {
		size int
		lead string
	}
	cases := []streamCase{{1000, ""}, {4000, ""}, {16000, ""}}
	// Late: 2.5-2.9 KB of remarks citing nothing before the first claim a
	// passage backs; nothing shows till then, and it must show then.
	for n := 48; n <= 56; n++ {
		cases = append(cases, streamCase{1000, strings.Repeat("A remark on the weather that cites nothing at all. ", n)})
	}
	for _, tc := range cases {
		size := tc.size
		t.Run(fmt.Sprintf("%dk/%d", size/1000, len(tc.lead)), func(t *testing.T) {
			reply := tc.lead + replygen.Reply(len(blocks), blockSentences(blocks), size)
			pieces := replygen.Pieces(reply)

			// Once a sentence: a render at every piece the Pacer marks.
			var pace verify.Pacer
			var raw strings.Builder
			rd := reader()
			sent, firstBase, baseBytes := "", -1, 0
			rawLen := make([]int, len(pieces))
			baseShown := make([]int, len(pieces))
			for i, pc := range pieces {
				raw.WriteString(pc)
				rawLen[i] = raw.Len()
				if pace.Write(pc) {
					baseBytes += raw.Len()
					r := rd.Render(raw.String(), true)
					if r.Backed > 0 && len(r.Text) > len(sent) && strings.HasPrefix(r.Text, sent) {
						sent = r.Text
						if firstBase < 0 {
							firstBase = i
						}
					}
				}
				baseShown[i] = len(sent)
			}
			wantEnd := wantStreamed(reader(), reply)

			var got strings.Builder
			var at []int // the reply's length at each text shown
			var shownAt []string
			s := &replyStream{rd: reader()}
			cur := 0
			s.out = func(d string) {
				got.WriteString(d)
				at = append(at, rawLen[cur])
				shownAt = append(shownAt, got.String())
			}
			first, spacedBytes := -1, 0
			for i, pc := range pieces {
				cur = i
				before := s.renders
				s.write(pc)
				if s.renders > before {
					spacedBytes += rawLen[i]
				}
				if first < 0 && got.Len() > 0 {
					first = i
				}
				if i > 0 {
					// Held back at most a sixteenth of the reply, a
					// sentence and a piece (slack) more than once a sentence.
					back := rawLen[i] - rawLen[i]/16 - 1000
					j := i
					for j > 0 && rawLen[j] > back {
						j--
					}
					if back > 0 && got.Len() < baseShown[j] {
						t.Fatalf("at %d bytes shown %d, once a sentence showed %d by %d bytes", rawLen[i], got.Len(), baseShown[j], rawLen[j])
					}
				}
			}
			s.flush()
			if got.String() != wantEnd {
				t.Errorf("the end differs from the whole reply's rendering")
			}
			if first != firstBase {
				t.Errorf("first text at piece %d, once a sentence at %d", first, firstBase)
			}
			check := reader()
			for k, n := range at[:len(at)-1] { // the last may be flush's
				if r := check.Render(reply[:n], true); r.Text != shownAt[k] {
					t.Fatalf("shown after %d bytes is not the rendering of those bytes", n)
				}
			}
			t.Logf("%d bytes, %d pieces: rendered %d bytes once a sentence, %d spaced", len(reply), len(pieces), baseBytes, spacedBytes)
			if size == 16000 && spacedBytes > 25*len(reply) {
				t.Errorf("rendered %d bytes for a reply of %d: more than 25 times its length", spacedBytes, len(reply))
			}
			if len(reply) < spacedFrom && spacedBytes != baseBytes {
				t.Errorf("a short reply rendered %d bytes, once a sentence %d: want the same", spacedBytes, baseBytes)
			}
		})
	}
}
