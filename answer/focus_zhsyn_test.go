package answer

import (
	"math"
	"slices"
	"testing"
	"testing/fstest"
)

// A Chinese question's pair of ideographs is held, at zhSynonymWeight, by
// a word CC-CEDICT glosses alike (package synonyms): "每次" (every time)
// by "每当" (whenever, every time). Only a synonym that is itself a pair
// the corpus uses counts; an English question gets no Chinese synonyms.
func TestFocusChineseSynonyms(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"zh.md": {Data: []byte("# 部署\n\n每当你运行部署命令时，系统都会生成一个新的版本。" +
			"每一个版本都有自己的编号。部署之后可以回滚到以前的版本。\n")},
		"en.md": {Data: []byte("# Deploy\n\nEvery time you run the deploy command, a new version is made.\n")},
	}), nil).state.Load()
	f := st.focusOf(st.withoutFraming("每次运行部署命令会生成什么？"))
	i := slices.IndexFunc(f.words, func(w []string) bool { return slices.Contains(w, "每次") })
	if i < 0 {
		t.Fatalf("focus words %v: want 每次 among them", f.words)
	}
	if !slices.Contains(f.alts[i], "每当") {
		t.Fatalf("synonyms of 每次 = %v, want 每当 among them", f.alts[i])
	}
	for j, alts := range f.alts {
		for _, a := range alts {
			if len([]rune(a)) != 2 {
				t.Errorf("synonyms of %v hold %q: want pairs only", f.words[j], a)
			}
		}
	}
	// The same sentence with 每当 and with a pair no focus word's synonym
	// is: 每次 is held at zhSynonymWeight of its weight.
	with := f.coverage(st.index.Analyze("每当你运行部署命令时，系统都会生成一个新的版本。"), around{})
	without := f.coverage(st.index.Analyze("有时你运行部署命令时，系统都会生成一个新的版本。"), around{})
	if got, want := with.held-without.held, f.weights[i]*zhSynonymWeight; math.Abs(got-want) > 1e-9 {
		t.Errorf("held with 每当 %.3f, without %.3f: the difference %.3f, want %.3f (0.75 of 每次's weight)", with.held, without.held, got, want)
	}
	en := st.focusOf(st.withoutFraming("What happens every time you run the deploy command?"))
	for j, alts := range en.alts {
		if slices.ContainsFunc(alts, func(a string) bool { return a == "每当" }) {
			t.Errorf("English focus word %v has Chinese synonyms %v", en.words[j], alts)
		}
	}
}
