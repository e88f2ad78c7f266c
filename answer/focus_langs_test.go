package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// In a language whose analyser the corpus lacks (or that another language's
// analyser reads), a question word of the question's own language
// ("nasıl", "bagaimana") is no focus word: documents never ask, so it
// would weigh the most and hold the question's sentences.
func TestFocusDropsQuestionWords(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"tr.md": {Data: []byte("# Kurulum\n\nSunucu bir komutla kurulur ve hemen çalışır. Nasıl yapılacağı aşağıda anlatılıyor. " +
			"Her dal (branch) bir işaretçidir ve yeni bir dal kolayca oluşturulur.\n")},
		"id.md": {Data: []byte("# Berkas\n\nPerintah ini menyalin berkas ke folder lain. Bagaimana cara kerjanya dijelaskan di bawah.\n")},
		"uk.md": {Data: []byte("# Нескінченність\n\nГлобальна властивість Infinity – це числове значення, що представляє нескінченність. Як його отримати, описано нижче.\n")},
		"hi.md": {Data: []byte("# useMemo\n\nuseMemo एक React हुक है जो री-रेंडर के बीच कैलकुलेशन के रिजल्ट को कैश करता है। इसे कैसे इस्तेमाल करें, यह नीचे बताया गया है।\n")},
		"bn.md": {Data: []byte("# useMemo\n\nuseMemo হল একটি React হুক, যা রি-রেন্ডারিং এর সময় রেজাল্ট মেমোরিতে সংরক্ষণ করে রাখতে দেয়। এটা কিভাবে কাজ করে তা নিচে দেখুন।\n")},
		"fa.md": {Data: []byte("# نصب\n\nبرای سایر مرورگر ها مانند سافاری پکیج react-devtools را نصب کنید. این ابزار برای اشکال\u200cزدایی وب\u200cسایت\u200cها ساخته شده است.\n")},
		"he.md": {Data: []byte("# עורך קוד\n\nלמזלנו, Prettier ינקה את הקוד שלך על ידי התאמתו לחוקים קיימים. הוא זמין בכמה דפדפנים.\n")},
	}), nil).state.Load()
	for _, tt := range []struct {
		question string
		want     []string // the focus words, in order
	}{
		{"Sunucu nasıl kurulur?", []string{"sunucu", "kurulur"}},
		{"Bagaimana cara menyalin berkas?", []string{"menyalin", "berkas"}}, // "bagaimana cara": how to
		{"Kaç sunucu var?", []string{"sunucu"}},                             // "var" (there is) is a stopword too
		// Read as Italian, a language no document is in: "dal" (Turkish
		// branch) is not dropped as an Italian stopword.
		{"Dal (branch) nedir?", []string{"dal", "branch"}},
		// Ukrainian, whose documents have no analyser of their own (round
		// five: "Що таке Infinity?" abstained on MDN's page).
		{"Що таке Infinity?", nil}, // a name the page holds, and nothing else: its title's question
		{"Як отримати нескінченність?", []string{"отримати", "нескінченність"}},
		// Hindi, read with the generic analyser (round six: "useCallback
		// क्या है?" did not open with the page's first sentence, and
		// "क्या", "है" weighed the most).
		{"useMemo क्या है?", nil},
		{"useMemo रिजल्ट को कैसे कैश करता है?", []string{"रिजल्ट", "कैश"}},
		// Bengali (round seven: on React's Bengali docs "useMemo কী?" quoted a
		// sentence holding "কী", and "StrictMode কী কাজে সাহায্য করে?"
		// abstained, its question words weighing the most).
		{"useMemo কী?", nil},
		{"useMemo কিভাবে রেজাল্ট সংরক্ষণ করে?", []string{"রেজাল্ট", "সংরক্ষণ"}},
		// Persian and Hebrew (round eight: "ابزار توسعه ری‌اکت را برای سافاری
		// چطور نصب کنم؟" and "מה עושה Prettier?" abstained, their question
		// words and auxiliaries weighing the most).
		{"برای سافاری چطور نصب کنم؟", []string{"سافاری", "نصب"}},
		{"اشکال\u200cزدایی چیست؟", []string{"اشکال\u200cزدایی"}}, // one word across its non-joiner, as the index holds it
		{"מה עושה Prettier?", nil},
		{"איך ינקה את הקוד?", []string{"ינקה", "הקוד"}},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		var got []string
		for i := range f.words {
			got = append(got, f.wordOf(i))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: focus %q, want %q", tt.question, got, tt.want)
		}
	}
}

// A Latin word with a Korean particle glued on is the word: the particle
// ("로", in most sentences) neither holds it nor hides that it is a name.
func TestLatinStem(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"PHP로", "PHP"},
		{"Suspense로", "Suspense"},
		{"v2를", "v2"},
		{"PHP", "PHP"},
		{"앱을", "앱을"},
		{"로PHP", "로PHP"},
		{"Привет", "Привет"},
	} {
		if got := latinStem(tt.in); got != tt.want {
			t.Errorf("latinStem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	st := newPipeline(t, loadFS(t, fstest.MapFS{"ko.md": {Data: []byte("# 도구\n\n" +
		"Acme는 템플릿을 JavaScript로 컴파일합니다. 빌드 도구로 앱을 묶습니다. Acme 앱은 브라우저에서 실행됩니다.\n")}}), nil).state.Load()
	ask := st.answers("Acme 앱을 Fortran으로 컴파일할 수 있나요?", "Acme 앱을 Fortran으로 컴파일할 수 있나요?", DefaultFocusCoverage)
	s := "Acme는 템플릿을 JavaScript로 컴파일합니다."
	if ok, _ := ask(s, st.index.Analyze(s), around{}); ok {
		t.Errorf("%q answers a question on Fortran", s)
	}
	f := st.focusOf("Fortran으로 컴파일할 수 있나요?")
	for _, w := range f.words {
		if slices.Contains(w, "로") || slices.Contains(w, "으로") {
			t.Errorf("focus word %q holds a particle", w)
		}
	}
}

// "How many" in the languages of text's question words wants an amount,
// which a cardinal written as a word gives.
func TestKindOfBeyondFour(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want answerKind
	}{
		{"Сколько стоит подписка?", amountKind},
		{"Wie viele Knoten braucht der Cluster?", amountKind},
		{"¿Cuántos nodos necesita?", amountKind},
		{"Kaç sunucu gerekir?", amountKind},
		{"서버는 몇 대 필요한가요?", amountKind},
		{"구독료는 얼마인가요?", amountKind},
		{"Что такое подписка?", anyKind},
		{"Sunucu nasıl kurulur?", anyKind},
		{"Несколько узлов работают вместе?", anyKind}, // "несколько" holds "сколько"
		{"Berapa node yang dibutuhkan klaster?", amountKind},
		{"Ne kadar bellek gerekir?", amountKind},
		// "When" beyond four is no date: "Когда опция … запускает
		// функцию?" asks on what condition, and these languages do not
		// tell the two apart by the verb as English does.
		{"Kapan alias kedaluwarsa?", anyKind},
		{"Когда срабатывает хук?", anyKind},
	} {
		if got := kindOf(tt.q); got != tt.want {
			t.Errorf("kindOf(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s, lang string
		want    bool
	}{
		{"Существует два типа зависимостей.", "ru", true},
		{"Es gibt drei Arten.", "de", true},
		{"Подписка оформляется на сайте.", "ru", false},
		{"두 가지 방법이 있습니다.", "ko", true},
		{"주세요 하세요.", "ko", false},                   // 세 inside a word is no numeral
		{"A service built on demand.", "en", false}, // "on" is ten only in Turkish
		{"Sunucu on dakikada kurulur.", "tr", true}, // on dakika: ten minutes
		{"Klaster membutuhkan tiga node.", "id", true},
		{"Es gibt drei Arten.", "en", false}, // a German cardinal does not count for English
	} {
		if got := amountKind.fitsIn(tt.s, tt.lang); got != tt.want {
			t.Errorf("amount fits %q (%s) = %v, want %v", tt.s, tt.lang, got, tt.want)
		}
	}
}
