package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// TestExtractiveQuotesWholeSentences: without a model, the answer quotes
// whole sentences of the documents — a Chinese one, which counts its
// characters as words, and an English one hard-wrapped across lines
// (issue 9). The texts are from XQuAD (CC BY-SA 4.0) and the Kubernetes
// documentation (CC BY 4.0).
func TestExtractiveQuotesWholeSentences(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"warsaw.zh.txt": {Data: []byte("华沙\n\n华沙自古以来就是一个多元文化的城市。根据 1901 年的人口普查，711,988 名居民中，天主教徒占 56.2%，犹太人占 35.7%。\n")},
		"names.en.txt":  {Data: []byte("Object Names\n\nSome resource types require their names to be able to be safely encoded as a\npath segment. In other words, the name may not be \".\" or \"..\" and the name may\nnot contain \"/\" or \"%\".\n")},
	})
	p := newPipeline(t, c, nil)
	tests := []struct{ question, want string }{
		{"华沙是一个什么样的城市？", "华沙自古以来就是一个多元文化的城市。"},
		{"Which resource names must be safely encoded as a path segment?", "Some resource types require their names to be able to be safely encoded as a path segment."},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatalf("Ask(%q): %v", tt.question, err)
		}
		got := strings.Join(strings.Fields(res.Text), " ")
		if res.Abstained || !strings.Contains(got, tt.want) {
			t.Errorf("Ask(%q): got %q (abstained %v), want the whole sentence %q", tt.question, res.Text, res.Abstained, tt.want)
		}
	}
}
