package text

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestIsStopword checks every word of every list, folded or not, against
// its language and the union (the filter must never turn one away), and
// words that are no stopword.
func TestIsStopword(t *testing.T) {
	for _, lang := range stopLangs {
		for _, w := range Stopwords(lang) {
			for _, v := range []string{w, Fold(w)} {
				union := IsStopword("", v) || slices.Contains(notInUnion[:], lang)
				if !IsStopword(lang, v) || !union || !IsStopword(lang+"-XX", v) {
					t.Errorf("IsStopword(%q, %q) or with \"\" = false, want true", lang, v)
				}
			}
		}
	}
	tests := []struct {
		lang, w string
		want    bool
	}{
		{"en", "the", true},
		{"EN_gb", "the", true},
		{"en", "regulators", false},
		{"", "regulators", false},
		{"", "", false},
		{"en", "le", false},
		{"fr", "le", true},
		{"", "le", true},
		{"xx", "the", false}, // no list
		// Hebrew with points, as a question may be typed.
		{"he", "מָה", true},
		{"", "מָה", true},
		{"he", "עוֹשֶׂה", true},
		{"he", "עוֹרֵךְ", false},
	}
	for _, tt := range tests {
		if got := IsStopword(tt.lang, tt.w); got != tt.want {
			t.Errorf("IsStopword(%q, %q) = %v, want %v", tt.lang, tt.w, got, tt.want)
		}
	}
}

func TestFramingPhrases(t *testing.T) {
	zh := FramingPhrases("zh-TW")
	if !slices.Contains(zh, "用来") || !slices.Contains(zh, "如何") {
		t.Errorf("FramingPhrases(zh-TW) lacks 用来 or 如何: %d phrases", len(zh))
	}
	for _, w := range zh {
		if utf8.RuneCountInString(w) < 2 {
			t.Errorf("FramingPhrases(zh) has the single character %q", w)
		}
	}
	if ja := FramingPhrases("ja-JP"); !slices.Contains(ja, "何") || !slices.Contains(ja, "について") {
		t.Errorf("FramingPhrases(ja-JP) lacks 何 or について: %d phrases", len(ja))
	}
	if got := FramingPhrases("en"); got != nil {
		t.Errorf("FramingPhrases(en) = %v, want nil", got)
	}
}

// TestStopFilterSelective: the filter of the union of every list turns
// away most words that are not stopwords before the map is asked. When
// its key summed a word's length, first and last byte, every lower-case
// ASCII word fell in 1,600 bits, most of them set, and 70 % passed.
func TestStopFilterSelective(t *testing.T) {
	s := stopSets().all
	r := rand.New(rand.NewPCG(1, 2))
	pass, n := 0, 0
	for n < 20000 {
		w := make([]byte, 3+r.IntN(8))
		for i := range w {
			w[i] = byte('a' + r.IntN(26))
		}
		if _, ok := s.words[string(w)]; ok {
			continue
		}
		n++
		if k := stopKey(w); s.filter[k>>6]>>(k&63)&1 != 0 {
			pass++
		}
	}
	if pass*10 > n {
		t.Errorf("%d of %d words that are no stopword pass the filter, want under 10 %%", pass, n)
	}
}

// Bengali's question words are its stopwords (round seven), as Hindi's
// and Ukrainian's are; a word of its prose is not.
func TestBengaliStopwords(t *testing.T) {
	for _, w := range []string{"কী", "কি", "কেন", "কিভাবে", "কোথায়", "কত"} {
		if !IsStopword("bn", w) {
			t.Errorf("IsStopword(bn, %q) = false", w)
		}
	}
	if IsStopword("bn", "রেজাল্ট") {
		t.Errorf("IsStopword(bn, রেজাল্ট) = true")
	}
}

// Persian's and Hebrew's question words are their stopwords (round eight),
// as Bengali's are; Persian's are not Arabic's ("چیست" is no Arabic word),
// and a word of either's prose is not one.
func TestPersianHebrewStopwords(t *testing.T) {
	for _, tt := range []struct{ lang, w string }{
		{"fa", "چیست"}, {"fa", "چطور"}, {"fa", "کدام"}, {"fa", "آیا"}, {"fa", "را"}, {"fa", "می\u200cکنند"},
		{"he", "מה"}, {"he", "איך"}, {"he", "האם"}, {"he", "זה"}, {"he", "עושה"},
		// What does … do, what is … for.
		{"fa", "انجام"}, {"fa", "می\u200cدهد"}, {"uk", "робить"}, {"uk", "потрібен"},
	} {
		if !IsStopword(tt.lang, tt.w) {
			t.Errorf("IsStopword(%s, %q) = false", tt.lang, tt.w)
		}
	}
	for _, tt := range []struct{ lang, w string }{{"fa", "سافاری"}, {"fa", "ویرایشگر"}, {"he", "תוסף"}, {"ar", "چیست"}} {
		if IsStopword(tt.lang, tt.w) {
			t.Errorf("IsStopword(%s, %q) = true", tt.lang, tt.w)
		}
	}
}

// "Para que serve …?" and "¿Para qué sirve …?" ask what a thing is for:
// their verb is no topic (round seven: Portuguese "serve" stemmed with
// "server" and held "Para que serve o createRoot?" on "server rendering").
func TestPurposeVerbs(t *testing.T) {
	for _, tt := range []struct{ lang, w string }{{"pt", "serve"}, {"pt", "servem"}, {"es", "sirve"}, {"es", "sirven"}} {
		if !IsStopword(tt.lang, tt.w) {
			t.Errorf("IsStopword(%s, %q) = false", tt.lang, tt.w)
		}
	}
	if IsStopword("pt", "servidor") {
		t.Errorf("IsStopword(pt, servidor) = true")
	}
}

// Urdu's question words, postpositions and copula are its stopwords
// (stopwords-iso's list and what its mangled entries meant); its negation
// and the words of a question's topic are not; and its list stays out of
// the union, where Arabic's content words would be caught by it.
func TestUrduStopwords(t *testing.T) {
	for _, w := range []string{"کیا", "کون", "کیوں", "کتنی", "کی", "کے", "کا", "میں", "سے", "ہے", "ہیں", "اور", "یہ"} {
		if !IsStopword("ur", w) {
			t.Errorf("IsStopword(ur, %q) = false", w)
		}
	}
	for _, w := range []string{"نہیں", "قیمت", "رکنیت", "سالانہ", "کتاب"} {
		if IsStopword("ur", w) {
			t.Errorf("IsStopword(ur, %q) = true", w)
		}
	}
	for _, w := range []string{"افراد", "طرف", "صفر"} {
		if !IsStopword("ur", w) || IsStopword("", w) {
			t.Errorf("%q: Urdu's stopword, in the union: want ur only", w)
		}
	}
}
