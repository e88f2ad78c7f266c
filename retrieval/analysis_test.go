package retrieval

import (
	"slices"
	"testing"
)

// analyzeTerms runs text through the named analyser, as items are analysed.
func analyzeTerms(lang, text string) []string {
	a := newAnalyzers([]string{langKey(lang)})[0]
	var b analysisBuf
	var out []string
	for _, t := range a.analyze(&b, text) {
		out = append(out, string(t.term))
	}
	return out
}

type analysisCase struct {
	name, lang, text string
	want             []string
}

// analysisCases are the unit tables, and the fuzz seeds.
var analysisCases = []analysisCase{
	// English: possessives, stopwords, stemming.
	{"possessive", "en", "Alipay's users", []string{"alipay", "user"}},
	{"possessive curly", "en", "Alipay’s users", []string{"alipay", "user"}},
	{"plural possessive", "en", "rivals’ content", []string{"rival", "content"}},
	{"question words are stopwords", "en", "How many users does Alipay have?", []string{"user", "alipay"}},
	{"contraction", "en", "It doesn't", nil},
	{"stemming", "en", "regulators ordered sweeping changes", []string{"regul", "order", "sweep", "chang"}},
	// Numbers, in every analyser.
	{"currency", "en", "US$37 billion", []string{"us", "37", "billion"}},
	{"decimal", "en", "12.8 percent", []string{"12.8", "percent"}},
	{"thousands", "en", "US$5,600 an ounce", []string{"us", "5600", "ounc"}},
	{"thousands plain", "en", "70,000 microgold", []string{"70000", "microgold"}},
	{"percent", "en", "11% cash", []string{"11", "cash"}},
	{"grouped decimal", "en", "1,234.56", []string{"1234.56"}},
	{"decimal comma", "fr", "12,8 %", []string{"12.8"}},
	{"dotted thousands", "fr", "1.234.567", []string{"1234567"}},
	{"sentence end", "en", "in 2020.", []string{"2020"}},
	{"list comma", "en", "1,2", []string{"1.2"}},
	{"hyphen splits", "en", "2-D barcode", []string{"2", "d", "barcod"}},
	{"arabic-indic digits", "ar", "٣٧ مليار", []string{"37", "مليار"}},
	// Normalisation and folding.
	{"fullwidth", "en", "ＡＬＩＰＡＹ", []string{"alipay"}},
	{"ligature", "und", "ﬁnance", []string{"finance"}},
	{"sharp s", "und", "Straße", []string{"strasse"}},
	{"combining accent", "fr", "re\u0301union", []string{"reunion"}},
	{"final sigma", "und", "ΟΔΟΣ οδος", []string{"οδοσ", "οδοσ"}},
	{"zero width joiner inside", "und", "ab\u200dcd", []string{"abcd"}},
	// Hebrew: points and cantillation go, as a reader types without them;
	// geresh is an apostrophe, gershayim a quotation mark; maqaf splits.
	{"hebrew points", "he", "הַקּוֹד עוֹרֵךְ", []string{"קוד", "עורך"}},
	{"hebrew cantillation", "he", "בְּרֵאשִׁ֖ית בראשית", []string{"ראשית", "ראשית"}},
	{"hebrew presentation form", "he", "\uFB2Aבת", []string{"שבת"}},
	{"hebrew geresh as apostrophe", "he", "פיצ׳רים פיצ'רים פיצ’רים", []string{"פיצ'רים", "פיצ'רים", "פיצ'רים"}},
	{"hebrew gershayim as quotation mark", "he", "צה״ל צה\"ל", []string{"צה", "ל", "צה", "ל"}},
	{"hebrew maqaf splits", "he", "בית־ספר", []string{"בית", "ספר"}},
	{"hebrew point alone", "he", "\u05B8", nil},
	// Hebrew: the prefixes written joined to a word come off (text.HebrewStem).
	{"hebrew prefixes", "he", "בקומפוננטה הקומפוננטה וכשהקומפוננטה קומפוננטה", []string{"קומפוננטה", "קומפוננטה", "קומפוננטה", "קומפוננטה"}},
	{"hebrew word of its own", "he", "מערכת מהמערכת", []string{"מערכת", "מערכת"}},
	// Ukrainian: question words are stopwords; words stay whole.
	{"ukrainian question words", "uk", "Скільки коштує підписка?", []string{"коштує", "підписка"}},
	{"ukrainian words whole", "uk", "компоненти компонентів", []string{"компоненти", "компонентів"}},
	// Persian: a zero-width non-joiner between Arabic letters joins a
	// compound's or a prefix's parts; the word is indexed whole and as its
	// parts, as an identifier, so a reader typing a space meets it.
	{"persian non-joiner: the word and its parts", "fa", "دسته\u200cبندی", []string{"دستهبندي", "دسته", "بندي"}},
	{"persian typed with a space", "fa", "دسته بندی", []string{"دسته", "بندي"}},
	{"persian typed with neither", "fa", "دستهبندی", []string{"دستهبندي"}},
	{"non-joiner in an Indic word stays whole", "und", "लि\u200cखा", []string{"लिखा"}},
	{"non-joiner between latin letters stays whole", "und", "ab\u200ccd", []string{"abcd"}},
	{"non-joiner at a word's end", "fa", "دسته\u200c بندی", []string{"دسته", "بندي"}},
	// French: elision, stopwords, stemming.
	{"elision", "fr", "l'ouverture", []string{"ouvertur"}},
	{"elision curly", "fr", "l’ouverture", []string{"ouvertur"}},
	{"elision d", "fr", "d’Alibaba", []string{"alibab"}},
	{"elision to stopword", "fr", "qu'il jusqu'à lorsqu'on puisqu'elle", nil},
	{"elision c j n s m t", "fr", "c'est j'ai n'ont s'ouvre m'appelle t'aime", []string{"ouvr", "appel", "aim"}},
	{"inner apostrophe stays", "fr", "aujourd'hui", []string{"aujourd'hui"}},
	{"french stopwords", "fr", "Les entreprises présentes à la réunion", []string{"entrepris", "present", "reunion"}},
	{"accents after stemming", "fr", "Église Eglise église", []string{"eglis", "eglis", "eglis"}},
	{"inverted t", "fr", "Comment intègre-t-il la lumière ?", []string{"integr", "lumi"}},
	{"question words", "fr", "Combien de personnes vivent à Paris ?", []string{"person", "vivent", "paris"}},
	// Arabic: normalisation, stopwords, stemming.
	{"harakat", "ar", "الصَّغِيرَةُ", []string{"صغير"}},
	{"tatweel", "ar", "الصغـــيرة", []string{"صغير"}},
	{"hamza alef", "ar", "أمرت", []string{"امرت"}},
	{"bare alef", "ar", "امرت", []string{"امرت"}},
	{"teh marbuta folded", "ar", "التنظيمية", []string{"تنظيم"}},
	{"alef maksura folded", "ar", "مستشفى", []string{"مستشف"}},
	{"article and proclitics", "ar", "فريق الفريق والفريق بالفريق للفريق وبالفريق", []string{"فريق", "فريق", "فريق", "فريق", "فريق", "فريق"}},
	{"article on a short word", "ar", "سكان السكان", []string{"سك", "سك"}},
	{"conjunction before hamza", "ar", "أعلن وأعلن", []string{"اعلن", "اعلن"}},
	{"question words", "ar", "ما اسم الفريق؟", []string{"فريق"}},
	{"arabic comma as thousands separator", "ar", "22،000 ٢٢٬٠٠٠", []string{"22000", "22000"}},
	{"arabic stopwords", "ar", "في من على هذا", nil},
	{"arabic question mark", "ar", "مستخدمي Alipay؟", []string{"مستخدم", "alipay"}},
	// CJK: bigrams, folding, in every analyser.
	{"traditional", "en", "支付寶", []string{"支", "支付", "付", "付宝", "宝"}},
	{"simplified", "en", "支付宝", []string{"支", "支付", "付", "付宝", "宝"}},
	{"names fold", "zh", "騰訊 螞蟻集團 馬雲 趙志國", []string{"腾", "腾讯", "讯", "蚂", "蚂蚁", "蚁", "蚁集", "集", "集团", "团", "马", "马云", "云", "赵", "赵志", "志", "志国", "国"}},
	{"single character", "zh", "馬", []string{"马"}},
	{"surname and verb outside the sample corpus", "zh", "劉創", []string{"刘", "刘创", "创"}},
	{"traditional meets simplified", "zh", "支付寶 支付宝", []string{"支", "支付", "付", "付宝", "宝", "支", "支付", "付", "付宝", "宝"}},
	{"question words are stopwords", "zh", "什么是支付宝？", []string{"是支", "支", "支付", "付", "付宝", "宝"}},
	{"runs split by space", "zh", "微信 支付", []string{"微", "微信", "信", "支", "支付", "付"}},
	{"kana", "ja", "ありがとう", []string{"あり", "りが", "がと", "とう"}},
	{"katakana long mark", "ja", "サーバー", []string{"サー", "ーバ", "バー"}},
	{"hangul", "ko", "한국어", []string{"한국", "국어"}},
	{"korean question and auxiliary words", "ko", "롤백하려면 어떻게 해야 하나요", []string{"롤백"}},
	{"korean question word with an ending", "ko", "수도는 무엇인가", []string{"수도"}},
	{"korean particles and endings go", "ko", "서버에서 설정을 변경합니다 변경하려면 받나요", []string{"서버", "설정", "변경", "변경", "받"}},
	{"korean two-syllable words keep an ambiguous last syllable", "ko", "마을 결과 속도 권한", []string{"마을", "결과", "속도", "권한"}},
	{"korean particle glued to a latin word", "ko", "Redis에 연결", []string{"redis", "연결"}},
	{"korean one-syllable question word only alone", "ko", "왜 왜곡", []string{"왜곡"}},
	{"kana pairs stay in items", "ja", "戻すには", []string{"戻", "戻す", "すに", "には"}},
	// Thai, Lao, Khmer: character bigrams, marks kept with their letter.
	{"thai", "th", "ภาษาไทย", []string{"ภา", "าษ", "ษา", "าไ", "ไท", "ทย"}},
	{"thai marks", "th", "ที่นี่", []string{"ที่นี่"}},
	{"lao", "lo", "ພາສາ", []string{"ພາ", "າສ", "ສາ"}},
	{"khmer", "km", "ភាសា", []string{"ភាសា"}},
	{"myanmar extended letters are myanmar (text.IsUnspaced)", "my", "ꩠꩡꩢ", []string{"ꩠꩡ", "ꩡꩢ"}},
	{"mixed scripts", "en", "Alipay(支付寶)", []string{"alipay", "支", "支付", "付", "付宝", "宝"}},
	// Indonesian: Snowball's algorithm (text.StemIndonesian), question words.
	{"indonesian affixes", "id", "Siapa yang menyimpan pengaturan berkas?", []string{"simpan", "atur", "berkas"}},
	// Generic: no stemming, no stopwords.
	{"generic keeps words", "und", "the running users", []string{"the", "running", "users"}},
	{"unknown language is generic", "xx", "Die Nutzer", []string{"die", "nutzer"}},
	// Every other Snowball language: stopwords and stemming.
	{"german", "de", "Die Nutzer der Plattformen", []string{"nutz", "plattform"}},
	{"german question words", "de", "Wie viele Einwohner hat Warschau?", []string{"viel", "einwohn", "warschau"}},
	{"spanish", "es", "¿Cuántos habitantes tenía Varsovia?", []string{"habit", "varsovi"}},
	{"russian", "ru", "Сколько жителей было в Варшаве?", []string{"жител", "варшав"}},
	{"russian yo", "ru", "ёлка елка", []string{"елк", "елк"}},
	{"russian stress marks", "ru", "Госуда́рство государство Касю̀тин Касютин", []string{"государств", "государств", "касютин", "касютин"}},
	{"russian stress mark alone", "ru", "\u0301", nil},
	{"precomposed accents stay", "ru", "café", []string{"café"}},
	{"italian elision", "it", "dell'arte", []string{"arte"}},
	{"turkish", "tr", "Varşova'nın nüfusu", []string{"varşov", "nüfus"}},
	{"norwegian bokmål", "nb", "byene", []string{"byen"}},
	// Identifiers: the whole, then its parts.
	{"camelCase", "en", "persistentVolumes", []string{"persistentvolum", "persist", "volum"}},
	{"PascalCase with an acronym", "und", "XMLHttpRequest", []string{"xmlhttprequest", "xml", "http", "request"}},
	{"snake_case", "und", "max_tokens", []string{"maxtokens", "max", "tokens"}},
	{"snake_case number", "und", "2024_01_05", []string{"20240105", "2024", "01", "05"}},
	{"digits do not split", "und", "base64Encode utf8 k8s", []string{"base64encode", "base64", "encode", "utf8", "k8s"}},
	{"cased words stay whole", "und", "iPhone IPv6 mRNA APIs PVCs Kubernetes", []string{"iphone", "ipv6", "mrna", "apis", "pvcs", "kubernetes"}},
	{"short parts stay joined", "und", "ThisIsATest", []string{"thisisatest", "this", "isa", "test"}},
	{"possessive identifier", "en", "PersistentVolume's size", []string{"persistentvolum", "persist", "volum", "size"}},
	{"elision before an identifier", "fr", "l'apiServer", []string{"apiserv", "api", "serv"}},
	{"cyrillic camelCase", "und", "ПриветМир", []string{"приветмир", "привет", "мир"}},
	{"kebab and dotted stay split", "und", "kube-apiserver spec.containers", []string{"kube", "apiserver", "spec", "containers"}},
	{"stopword part", "en", "getAll", []string{"getal", "get"}},
	// Nothing to index.
	{"punctuation only", "en", "?!… — «»", nil},
	{"emoji only", "en", "🙂🎉👍🏽", nil},
	{"empty", "fr", "", nil},
}

func TestAnalyze(t *testing.T) {
	for _, tc := range analysisCases {
		t.Run(tc.lang+"/"+tc.name, func(t *testing.T) {
			got := analyzeTerms(tc.lang, tc.text)
			if !slices.Equal(got, tc.want) {
				t.Errorf("analyze(%q): got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestOffsets checks that every token's span is the original text it came
// from, through NFKC expansion, curly apostrophes and multi-byte scripts.
func TestOffsets(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string // text[start:end] of each token
	}{
		{"en", "Alipay’s ﬁne 支付寶!", []string{"Alipay’s", "ﬁne", "支", "支付", "付", "付寶", "寶"}},
		{"fr", "L’ouverture de Tencent", []string{"L’ouverture", "Tencent"}},
		{"ar", "الصَّغِيرَةُ و Alipay", []string{"الصَّغِيرَةُ", "Alipay"}},
		{"en", "ＵＳ＄３７ 70,000.", []string{"ＵＳ", "３７", "70,000"}},
		{"und", "e\u0301te\u0301", []string{"e\u0301te\u0301"}},
		{"th", "ที่นี่", []string{"ที่นี่"}},
		{"en", "use persistentVolumes, HTTPServer or max_tokens", []string{"use", "persistentVolumes", "persistent", "Volumes",
			"HTTPServer", "HTTP", "Server", "max_tokens", "max", "tokens"}},
		{"und", "ÉtatCivil ＦｏｏＢａｒ", []string{"ÉtatCivil", "État", "Civil", "ＦｏｏＢａｒ", "Ｆｏｏ", "Ｂａｒ"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			a := newAnalyzers([]string{tc.lang})[0]
			var b analysisBuf
			var got []string
			for _, tok := range a.analyze(&b, tc.text) {
				got = append(got, tc.text[tok.start:tok.end])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("spans of %q: got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestLangKey(t *testing.T) {
	tests := map[string]string{"en": "en", "EN-us": "en", "fr_FR": "fr", "ar": "ar", "zh": "cjk", "ja": "cjk", "ko": "cjk", "": "und", "und": "und", "de": "de", "pt-BR": "pt", "nb": "no", "id": "id", "xx": "und"}
	for in, want := range tests {
		if got := langKey(in); got != want {
			t.Errorf("langKey(%q): got %q, want %q", in, got, want)
		}
	}
}

// A rare term weighs more than a common one; a term no item has weighs the
// most and says so.
func TestIDF(t *testing.T) {
	ix, err := New(Config{}, []Item{
		{Text: "the cat sat on the mat", Lang: "en"},
		{Text: "the cat ate", Lang: "en"},
		{Text: "a dog barked", Lang: "en"},
	})
	if err != nil {
		t.Fatal(err)
	}
	cat, ok1 := ix.IDF(ix.Analyze("cat")[0])
	dog, ok2 := ix.IDF(ix.Analyze("dog")[0])
	none, ok3 := ix.IDF("zebra")
	if !ok1 || !ok2 || ok3 {
		t.Fatalf("known: cat %v, dog %v, zebra %v; want true, true, false", ok1, ok2, ok3)
	}
	if !(cat < dog && dog < none) {
		t.Errorf("idf cat %v, dog %v, unknown %v: want increasing", cat, dog, none)
	}
}

// TestJapaneseKanaPairs: a Japanese query loses the pairs of hiragana
// without Han (particles, endings, どうすれば) and 何, so a page that
// shares only its question phrase does not outrank the one on its topic;
// a kanji with its ending (戻す) keeps its pair, a query of kana alone
// keeps every pair, and a Chinese query (no hiragana) keeps 何's pair.
func TestJapaneseKanaPairs(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "backup", Text: "このツールはデータベースをバックアップします。", Lang: "ja"},
		{Doc: "faq", Text: "どうすればよいですか、といった質問にはここで答えます。何をするにはどうすればよいですか。", Lang: "ja"},
		{Doc: "zh", Text: "何先生是谁？", Lang: "zh"},
	})
	tests := []struct {
		q    string
		want []string
	}{
		{"データベースをバックアップするにはどうすればよいですか？", []string{"デー", "ータ", "タベ", "ベー", "ース", "バッ", "ック", "クア", "アッ", "ップ"}},
		{"何を戻すには", []string{"を戻", "戻", "戻す"}},
		{"どうすればよいですか", []string{"どう", "うす", "すれ", "れば", "ばよ", "よい", "いで", "です", "すか"}},
		{"何先生", []string{"何先", "先生"}},
		{"何先生について", []string{"何先", "先生", "生", "生に"}},
	}
	for _, tt := range tests {
		if got := ix.Analyze(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("Analyze(%q): got %q, want %q", tt.q, got, tt.want)
		}
	}
	hits, err := ix.Search("データベースをバックアップするにはどうすればよいですか？", 5)
	if err != nil || len(hits) == 0 || hits[0].Item != 0 {
		t.Errorf("Search: got %v, %v; want the backup passage first", hits, err)
	}
	hits, err = ix.Search("どうすればよいですか", 5)
	if err != nil || len(hits) == 0 || hits[0].Item != 1 {
		t.Errorf("Search(kana alone): got %v, %v; want the FAQ passage first", hits, err)
	}
}
