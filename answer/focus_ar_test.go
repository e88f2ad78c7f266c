package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// An Arabic verb in the imperfect is read as its stem, and as the stem's
// participle, when the stem has four letters or more; an adjective of
// relation or a sound plural as its noun.
func TestArabicBases(t *testing.T) {
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"تتفرغ", []string{"تفرغ", "متفرغ"}},
		{"تستخدم", []string{"ستخدم", "مستخدم"}},
		{"يستخدم", []string{"ستخدم", "مستخدم"}},
		{"ستستخدم", []string{"ستخدم", "مستخدم"}}, // the future's س first
		{"نكتب", nil}, // a stem of three letters: its root's first letter may be the prefix's
		{"كتاب", nil}, // no prefix
		{"مستخدم", nil},
		// Adjectives of relation and sound plurals: their noun.
		{"الأمازونية", []string{"الأمازون"}},
		{"البرلماني", []string{"البرلمان"}},
		{"مديرو", []string{"مدير"}},
		{"البرلمانيون", []string{"البرلمان"}},
		{"عربي", nil}, // a base of three letters
	} {
		if got := arabicBases(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("arabicBases(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// A question's verb in the imperfect is held by the verbal noun or the
// participle a page writes: "تتفرغ" by "بالتفرغ", "تستخدم" by "المستخدمة".
func TestArabicVerbHeld(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{"notes.md": {Data: []byte("# ملاحظات\n\n" +
		"طلب المجلس من الشركة بالتفرغ لأعمال البحث العلمي في المدينة.\n\n" +
		"البيانات المستخدمة في التقارير تأتي من المكتب الرئيسي.\n\n" +
		"يزور الفريق المكتب الرئيسي كل أسبوع.\n\n" +
		"تمطر كثيرا في غابات الأمازون طوال السنة.\n")}}), nil).state.Load()
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"هل تتفرغ الشركة؟", "طلب المجلس من الشركة بالتفرغ لأعمال البحث العلمي في المدينة.", true},
		{"فيم تستخدم البيانات؟", "البيانات المستخدمة في التقارير تأتي من المكتب الرئيسي.", true},
		// The stem is not in the sentence: still missing.
		{"فيم تستخدم البيانات؟", "يزور الفريق المكتب الرئيسي كل أسبوع.", false},
		// An adjective of relation is held by its noun.
		{"متى تمطر الغابات الأمازونية؟", "تمطر كثيرا في غابات الأمازون طوال السنة.", true},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		terms := st.index.Analyze(tt.sentence)
		if got := f.covers(terms, around{}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q by %q: covers %v, want %v (focus %v, weights %v)", tt.question, tt.sentence, got, tt.want, f.words, f.weights)
		}
	}
}

// An Arabic stem of four letters is of the family of its form with an
// ending of one or two letters; a shorter stem is not, nor a Latin
// four-letter beginning.
func TestArabicFamily(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"برلم", "برلمان", true},
		{"حكوم", "حكومة", true},
		{"حكوم", "حكوماتها", false}, // three letters more
		{"علم", "علمة", false},      // a stem of three letters
		{"part", "parti", false},
		{"introduit", "introduct", true}, // the long shared beginning, as before
	} {
		if got := sameFamily(tt.a, tt.b); got != tt.want {
			t.Errorf("sameFamily(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
