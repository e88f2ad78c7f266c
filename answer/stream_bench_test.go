package answer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"corpusbot/llm"
	"corpusbot/text"
)

// streamBenchReply is a reply of about size bytes as a model writes one
// against blocks: paragraphs of claims, most cited with a «quote» of a
// passage's sentence, some cited without one, a list, and the odd uncited
// sentence (verify's BenchmarkRenderStream writes the same kind).
func streamBenchReply(blocks []*block, size int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		n := i%len(blocks) + 1
		t := blocks[n-1].text
		spans := text.Sentences(t)
		sp := spans[(i/len(blocks))%len(spans)]
		f := strings.Fields(t[sp.Start:sp.End])
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

// streamBenchPieces cuts s into pieces of 3 to 20 runes, seeded, as models
// stream.
func streamBenchPieces(s string) []string {
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

// piecesModel streams its reply in the pieces given.
type piecesModel struct{ pieces []string }

func (m piecesModel) Complete(context.Context, llm.Request) (llm.Response, error) {
	return llm.Response{Content: strings.Join(m.pieces, ""), FinishReason: "stop"}, nil
}

func (m piecesModel) Stream(_ context.Context, _ llm.Request, onDelta func(string) error) (llm.Response, error) {
	for _, p := range m.pieces {
		if err := onDelta(p); err != nil {
			return llm.Response{}, err
		}
	}
	return llm.Response{Content: strings.Join(m.pieces, ""), FinishReason: "stop"}, nil
}

// BenchmarkStreamWhole is one whole reply streamed as Ask runs it: the
// model's pieces (3 to 20 runes) through generate's stages to the caller's
// OnDelta, on a fresh Reader, rendering included; the model is instant.
func BenchmarkStreamWhole(b *testing.B) {
	reader, blocks := testReader(b, 4)
	for _, size := range []int{1000, 4000, 16000} {
		pieces := streamBenchPieces(streamBenchReply(blocks, size))
		p := newPipeline(b, embeddedCorpus(b), piecesModel{pieces})
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			for b.Loop() {
				var shown strings.Builder
				if _, err := p.generate(ctx, "system", "user", func(s string) { shown.WriteString(s) }, reader(), false); err != nil {
					b.Fatal(err)
				}
				if shown.Len() == 0 {
					b.Fatal("nothing streamed")
				}
			}
		})
	}
}
