package answer

import (
	"fmt"
	"slices"
	"testing"
)

// TestAnalyzeMemo: a question's memo gives the terms Index.Analyze gives,
// each call its own slice (a caller appending to or reordering one changes
// no other), and keeps no more than maxMemo texts.
func TestAnalyzeMemo(t *testing.T) {
	st := newPipeline(t, embeddedCorpus(t), nil).state.Load()
	if st.memo != nil {
		t.Fatal("the pipeline's state has a memo: it would outlive the question")
	}
	q := st.asking()
	if q.memo == nil || q.built != st.built {
		t.Fatal("asking: want the same corpus with a memo of its own")
	}
	for _, s := range []string{"Alipay", "What did Jack Ma say about regulators?", "the", "支付寶", "", "!!"} {
		want := st.index.Analyze(s)
		first := q.analyze(s)
		if !slices.Equal(first, want) {
			t.Fatalf("analyze(%q) = %q, want %q", s, first, want)
		}
		if len(first) > 0 {
			first[0] = "changed"
			slices.Reverse(first)
			_ = append(first[:1], "appended")
		}
		if again := q.analyze(s); !slices.Equal(again, want) {
			t.Errorf("analyze(%q) after its first result changed = %q, want %q", s, again, want)
		}
	}
	for i := range maxMemo + 10 {
		q.analyze(fmt.Sprintf("word%d", i))
	}
	if n := len(q.memo.terms); n > maxMemo {
		t.Errorf("memo holds %d texts, want at most %d", n, maxMemo)
	}
	if got, want := q.analyze("word4100"), st.index.Analyze("word4100"); !slices.Equal(got, want) {
		t.Errorf("past the bound: %q, want %q", got, want)
	}
}
