package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"corpusbot/internal/cputime"
	"corpusbot/internal/replygen"
	"corpusbot/llm"
	"corpusbot/text"
)

// blockSentences gives the sentences of blocks[i], for replygen.Reply.
func blockSentences(blocks []*block) func(i int) []string {
	return func(i int) []string {
		t := blocks[i].text
		var out []string
		for _, sp := range text.Sentences(t) {
			out = append(out, t[sp.Start:sp.End])
		}
		return out
	}
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
		pieces := replygen.Pieces(replygen.Reply(len(blocks), blockSentences(blocks), size))
		p := newPipeline(b, embeddedCorpus(b), piecesModel{pieces})
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			start := cputime.Now()
			for b.Loop() {
				var shown strings.Builder
				if _, err := p.generate(ctx, "system", "user", func(s string) { shown.WriteString(s) }, reader(), false); err != nil {
					b.Fatal(err)
				}
				if shown.Len() == 0 {
					b.Fatal("nothing streamed")
				}
			}
			reportCPU(b, start)
		})
	}
}
