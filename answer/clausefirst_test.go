package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// A sentence holding the question's words in one clause holds them all
// in its best clause; one spreading them over clauses (a comma, "so",
// "donc", "،", "，") holds fewer there, in every language.
func TestClauseWeight(t *testing.T) {
	tests := []struct {
		lang, question, together, spread string
	}{
		{"en", "What problem did early versions of Zorbix have?",
			"The early versions of Zorbix had a problem with corruption.",
			"Zorbix looked promising, so we tried its early versions."},
		{"fr", "Quel problème avaient les premières versions de Quarnel ?",
			"Les premières versions de Quarnel avaient un problème de corruption.",
			"Quarnel semblait prometteur, donc nous avons essayé ses premières versions."},
		{"ar", "ما المشكلة في الإصدارات الأولى من Belvix؟",
			"كانت في الإصدارات الأولى من Belvix مشكلة تلف البيانات.",
			"بدا Belvix واعدا، لذلك جربنا الإصدارات الأولى."},
		{"zh", "Tandro 的早期版本有什么问题？",
			"Tandro 的早期版本有数据损坏的问题。",
			"Tandro 看起来很有前途，所以我们试用了早期版本。"},
	}
	docs := fstest.MapFS{}
	for _, tt := range tests {
		docs[tt.lang+".md"] = &fstest.MapFile{Data: []byte("# " + tt.lang + "\n\n" + tt.together + " " + tt.spread + "\n")}
	}
	docs["other.md"] = &fstest.MapFile{Data: []byte("# Other\n\nSomething else entirely. Autre chose encore. شيء آخر تماما. 完全是别的事情。\n")}
	st := newPipeline(t, loadFS(t, docs), nil).state.Load()
	for _, tt := range tests {
		f := st.focusOf(st.withoutFraming(tt.question))
		tight, all := st.clauseWeight(f, tt.together)
		if all == 0 || tight < all-1e-9 {
			t.Errorf("%s: %q holds %.2f of %.2f in one clause; want all of it", tt.lang, tt.together, tight, all)
		}
		stight, sall := st.clauseWeight(f, tt.spread)
		if sall == 0 || stight >= sall-1e-9 {
			t.Errorf("%s: %q holds %.2f of %.2f in one clause; want less than all", tt.lang, tt.spread, stight, sall)
		}
	}
}

func TestTogetherFirst(t *testing.T) {
	tests := []struct {
		name  string
		picks []pick
		want  []string
	}{
		{"together before spread", []pick{{text: "spread", tight: 1, all: 3}, {text: "together", tight: 3, all: 3}}, []string{"together", "spread"}},
		{"moves up past several", []pick{{text: "a", tight: 1, all: 2}, {text: "b", tight: 2, all: 3}, {text: "c", tight: 3, all: 3}}, []string{"c", "b", "a"}},
		{"holding less: stays below", []pick{{text: "more", tight: 1, all: 4}, {text: "less", tight: 2, all: 2}}, []string{"more", "less"}},
		{"equal: unchanged", []pick{{text: "a", tight: 2, all: 3}, {text: "b", tight: 2, all: 3}}, []string{"a", "b"}},
		{"not past a whole-focus pick", []pick{{text: "whole", share: 1, tight: 1, all: 3}, {text: "part", share: 0.5, tight: 3, all: 3}}, []string{"whole", "part"}},
	}
	for _, tt := range tests {
		ps := slices.Clone(tt.picks)
		togetherFirst(ps)
		var got []string
		for _, p := range ps {
			got = append(got, p.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v; want %v", tt.name, got, tt.want)
		}
	}
}
