package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Hello\n\tWorld  ", "hello world"},
		{"ＡＢＣ１２３", "abc123"},
		{"ﬁnance", "finance"},
		{"Straße", "strasse"},
		{"ΟΔΟΣ", "οδοσ"},
		{"“quoted” «cité» „zitiert“", `"quoted" "cité" "zitiert"`},
		{"a — b – c", "a - b - c"},
		{"wait…", "wait..."},
		{"Ali\u200bpay\u200d", "alipay"},
		// Apostrophes: curly, modifier letter, and the acute accent some
		// writers type for one (the Neo4j Cypher manual's "Neo4j´s"; NFKC
		// makes it a space and a combining accent).
		{"Neo4j’s Neo4jʼs Neo4j´s", "neo4j's neo4j's neo4j's"},
		// Traditional to simplified, with characters the embedded corpus
		// does not have.
		{"劉強東", "刘强东"},
		{"創業", "创业"},
		{"支付寶", "支付宝"},
		{"我們說。", "我们说."},
		// Arabic: diacritics, tatweel, alef, yeh, teh marbuta, digits and
		// separators.
		{"الصَّغِيرَةُ", "الصغيره"},
		{"الصغـــيرة", "الصغيره"},
		{"أإآٱ مستشفى", "اااا مستشفي"},
		{"٢٢٬٠٠٠ و ٣٫٥ ، نعم؟", "22,000 و 3.5 , نعم?"},
		// Persian: yeh and keheh as typed on an Arabic keyboard, and
		// Persian digits.
		{"کاری می\u200cکند ۱۲", "كاري ميكند 12"},
		{"كاري ميكند", "كاري ميكند"},
		{"خانۀ", "خانه"},
		// Hebrew: points and cantillation go; geresh and gershayim are
		// an apostrophe and a quotation mark.
		{"מָה זֶה בְּרֵאשִׁ֖ית", "מה זה בראשית"},
		{"פיצ׳רים צה״ל", "פיצ'רים צה\"ל"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestToSimplified(t *testing.T) {
	for trad, simp := range map[rune]rune{'劉': '刘', '創': '创', '寶': '宝', '楊': '杨', '吳': '吴', '馮': '冯', '蕭': '萧', '譚': '谭', '盧': '卢', '賴': '赖', '鄒': '邹', '鍾': '钟', '閻': '阎', '龐': '庞', '儲': '储', '匯': '汇', '債': '债', '併': '并', 'a': 'a', '宝': '宝'} {
		if got := ToSimplified(trad); got != simp {
			t.Errorf("ToSimplified(%c) = %c, want %c", trad, got, simp)
		}
	}
	if len(hanTrad) < 3000 || len(hanTrad) != len(hanSimp) {
		t.Errorf("table: %d traditional, %d simplified characters; want the same number, at least 3000", len(hanTrad), len(hanSimp))
	}
	for i := 1; i < len(hanTrad); i++ {
		if hanTrad[i-1] >= hanTrad[i] {
			t.Fatalf("table not sorted at %d", i)
		}
	}
}

// FuzzFold holds Fold to foldReference, the loop it was before ASCII
// was decided inline.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "  Hello\n\tWorld  ", "A\x00B\x7f \v\f\r\n", "fmt.Printf(\"%s\\n\", x)", "ALL CAPS, and 12.5%",
		"ＡＢＣ１２３ ﬁnance Straße", "e\u0301 Ali\u200bpay\u200d", "الصَّغِيرَةُ ٢٢٬٠٠٠", "劉強東 我們說。", "bad \xff\xfe utf-8", "a\u00a0\u2003b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldReference(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

func foldReference(s string) string {
	s = norm.NFKC.String(strings.ReplaceAll(s, "´", "'"))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	put := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for _, r := range s {
		if r == '\u200B' || r == '\u2060' || r == '\uFEFF' {
			continue
		}
		if IsSpace(r) {
			space = true
			continue
		}
		if r >= utf8.RuneSelf && unicode.Is(unicode.Cf, r) {
			continue
		}
		r1, r2 := FoldRune(r)
		if r1 = FoldArabicRune(r1); r1 < 0 {
			continue
		}
		put(foldPunct(ToSimplified(r1)))
		if r2 != 0 {
			put(r2)
		}
	}
	return b.String()
}

func TestMatchFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"“Hello,” she said — twice!", "hello she said twice"},
		{"max_tokens=1024", "max tokens 1024"},
		{"是 PingCAP 公司", "是pingcap公司"},
		{"ภาษา\nไทย", "ภาษาไทย"},
		{"हिन्दी भाषा", "हिन्दी भाषा"}, // vowel signs and virama stay with their letter
		{"  ", ""},
	} {
		if got := MatchFold(tc.in); got != tc.want {
			t.Errorf("MatchFold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
