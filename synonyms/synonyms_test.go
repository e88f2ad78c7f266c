package synonyms

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// checkAmong reports each of want that got, the answer of call, lacks,
// and each of wantNot that it holds.
func checkAmong(t *testing.T, call string, got, want, wantNot []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s = %v, want %q among them", call, got, w)
		}
	}
	for _, w := range wantNot {
		if slices.Contains(got, w) {
			t.Errorf("%s = %v, want no %q", call, got, w)
		}
	}
}

func TestOf(t *testing.T) {
	en := English()
	tests := []struct {
		word    string
		rank    int
		want    []string // among the synonyms
		wantNot []string
	}{
		{"speak", 2, []string{"talk"}, []string{"speak"}},
		{"spoke", 2, []string{"talk"}, nil}, // an irregular form
		{"talks", 2, []string{"speak", "spoke"}, nil},
		{"named", 1, []string{"call"}, nil},
		{"firm", 2, []string{"house"}, nil},
		{"speak", 1, nil, []string{"talk"}}, // talk's first sense is another synset
		{"xyzzy", 3, nil, nil},
	}
	for _, tt := range tests {
		got := en.Of(tt.word, tt.rank)
		checkAmong(t, fmt.Sprintf("Of(%q, %d)", tt.word, tt.rank), got, tt.want, tt.wantNot)
	}
	if got := (*Table)(nil).Of("speak", 3); got != nil {
		t.Errorf("nil table: %v", got)
	}
}

func TestBases(t *testing.T) {
	en := English()
	tests := []struct {
		word string
		want []string
	}{
		{"newest", []string{"new"}},
		{"shorter", []string{"short"}},
		{"later", []string{"late"}},
		{"bigger", []string{"big"}},
		{"easiest", []string{"easy"}},
		{"subdirectory", []string{"directory"}},
		{"preinstalled", []string{"installed"}},
		{"server", nil},      // a noun, not a comparative of serve
		{"interest", nil},    // no adjective "int" or "inter" of six letters
		{"preserve", nil},    // "serve" is too short to stand behind a prefix
		{"resource", nil},    // re- is no prefix the table reads
		{"unsupported", nil}, // un- negates
	}
	for _, tt := range tests {
		if got := en.Bases(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("Bases(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestDerived(t *testing.T) {
	en := English()
	tests := []struct {
		word    string
		want    []string // among the derived lemmas
		wantNot []string
	}{
		{"fail", []string{"failure"}, nil},
		{"fails", []string{"failure"}, nil}, // found by its lemma
		{"pay", []string{"payment"}, nil},
		{"prefer", nil, []string{"preference"}}, // one family: held anyway
		{"xyzzy", nil, nil},
	}
	for _, tt := range tests {
		got := en.Derived(tt.word)
		checkAmong(t, fmt.Sprintf("Derived(%q)", tt.word), got, tt.want, tt.wantNot)
	}
	if got := (*Table)(nil).Derived("fail"); got != nil {
		t.Errorf("nil table: %v", got)
	}
}

func TestChinese(t *testing.T) {
	zh := Chinese()
	tests := []struct {
		word    string
		rank    int
		want    []string // among the synonyms
		wantNot []string
	}{
		{"每次", 2, []string{"每当"}, []string{"每次"}}, // "every time"
		{"每次", 1, []string{"每当"}, nil},            // the first gloss of both
		{"之前", 2, []string{"以前"}, nil},            // "before"
		{"条件", 2, []string{"先决"}, nil},            // "prerequisite", a later gloss
		{"条件", 1, nil, []string{"先决"}},            // … so not at rank 1
		{"执行", 2, nil, []string{"运行"}},            // "to run" is shared by more than six words
		{"使用", 2, nil, []string{"应用", "运用"}},      // "to use", "to apply": too many
		{"的", 2, nil, nil},                        // one character: none
	}
	for _, tt := range tests {
		got := zh.Of(tt.word, tt.rank)
		checkAmong(t, fmt.Sprintf("Of(%q, %d)", tt.word, tt.rank), got, tt.want, tt.wantNot)
	}
}

// BenchmarkReadChinese times reading the embedded Chinese table, what the
// first Chinese question of a process pays once.
func BenchmarkReadChinese(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := read(bytes.NewReader(chineseData)); err != nil {
			b.Fatal(err)
		}
	}
}

// The Open Multilingual Wordnet's tables: a synset's lemmas, as written
// (no inflection rules), and nothing of a word in more than gen_omw.go's
// maxSenses synsets.
func TestLang(t *testing.T) {
	tests := []struct {
		lang, word string
		want       []string // among the synonyms
		wantNot    []string
	}{
		{"es", "comenzar", []string{"empezar", "iniciar"}, []string{"comenzar"}},
		{"es", "comenzó", nil, []string{"empezar"}}, // an inflected form: not a lemma
		{"es", "dar", nil, []string{"entregar"}},    // nine synsets: left out
		{"de", "beginnen", []string{"anfangen"}, nil},
		{"ru", "начинать", []string{"начать"}, nil},
		{"ro", "început", []string{"debut"}, nil},
		{"el", "αναπνέω", []string{"ανασαίνω"}, nil},
		{"ar", "مختصر", []string{"موجز"}, nil}, // vowel marks taken off
		{"hi", "गोल्फ", []string{"गोल्फ़"}, nil},
	}
	for _, tt := range tests {
		got := Lang(tt.lang).Of(tt.word, MaxRank)
		checkAmong(t, fmt.Sprintf("Lang(%q).Of(%q)", tt.lang, tt.word), got, tt.want, tt.wantNot)
	}
}

// Languages without a table (French, Turkish, Vietnamese were tried and
// not kept; English and Chinese have their own) get nil, whose Of is nil.
func TestLangNone(t *testing.T) {
	for _, lang := range []string{"fr", "tr", "vi", "en", "zh", "", "xx"} {
		if tab := Lang(lang); tab != nil || tab.Of("word", MaxRank) != nil {
			t.Errorf("Lang(%q) = %v, want nil", lang, tab)
		}
	}
}

// Every embedded table reads, and no lemma of it carries an Arabic vowel
// mark or a space.
func TestLangTablesRead(t *testing.T) {
	files, err := omwData.ReadDir("omw")
	if err != nil || len(files) == 0 {
		t.Fatalf("omw/: %v, %d tables", err, len(files))
	}
	for _, f := range files {
		lang := strings.TrimSuffix(f.Name(), ".txt.gz")
		tab := Lang(lang)
		if tab == nil || len(tab.synsets) == 0 {
			t.Fatalf("Lang(%q): no synsets", lang)
		}
		for l := range tab.byLemma {
			if strings.ContainsAny(l, " \u064e\u0651") {
				t.Errorf("%s: lemma %q", lang, l)
			}
		}
	}
}

// BenchmarkReadLang times reading the largest embedded Open Multilingual
// Wordnet table (Russian), what a process's first Russian question pays
// once.
func BenchmarkReadLang(b *testing.B) {
	data, err := omwData.ReadFile("omw/ru.txt.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
