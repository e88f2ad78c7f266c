package verify

import (
	"reflect"
	"strings"
	"testing"
)

// parseCitationsTests are the unit table and the seeds of
// FuzzParseCitations and FuzzReplyStream.
var parseCitationsTests = []struct {
	name        string
	text        string
	given       int
	wantText    string
	wantUsed    []int
	wantDropped []int
}{
	{"none", "No citation here.", 3, "No citation here.", nil, nil},
	{"single", "Alipay has users [2].", 3, "Alipay has users [1].", []int{2}, nil},
	{"first use order", "A [3]. B [1]. C [3].", 3, "A [1]. B [2]. C [1].", []int{3, 1}, nil},
	{"list", "A [1, 3].", 3, "A [1][2].", []int{1, 3}, nil},
	{"adjacent", "A [3][1].", 3, "A [1][2].", []int{3, 1}, nil},
	{"spaced", "A [3] [1].", 3, "A [1][2].", []int{3, 1}, nil},
	{"range", "A [1-3].", 3, "A [1][2][3].", []int{1, 2, 3}, nil},
	{"duplicate in run", "A [2, 2][2].", 2, "A [1].", []int{2}, nil},
	{"drop unknown", "A [9]. B [2].", 3, "A. B [1].", []int{2}, []int{9}},
	{"drop part of list", "A [1, 9].", 3, "A [1].", []int{1}, []int{9}},
	{"drop zero", "A [0].", 3, "A.", nil, nil},
	{"full-width", "A ［２］.", 3, "A [1].", []int{2}, nil},
	{"arabic-indic", "أكثر من مليار مستخدم [٢].", 3, "أكثر من مليار مستخدم [1].", []int{2}, nil},
	{"arabic comma", "A [١، ٣].", 3, "A [1][2].", []int{1, 3}, nil},
	{"not a citation", "[a] [ ] [2020 and [1.5] [[a]] [source] [-]", 3, "[a] [ ] [2020 and [1.5] [[a]] [source] [-]", nil, nil},
	// Odd forms a reader must not see raw (round two): doubled brackets,
	// a label before the number, invisible characters inside, a negative
	// number, a tool's message:annotation pair.
	{"doubled brackets", "A [[2]]. B [[9]].", 3, "A [1]. B.", []int{2}, []int{9}},
	{"labelled", "A [Source 2]. B [passage: 3]. C [ref #2]. D [Sources 9].", 3, "A [1]. B [2]. C [1]. D.", []int{2, 3}, []int{9}},
	{"invisible characters", "A [2\u200b]. B [\u200d9]. C [\ufeff3\u200e].", 3, "A [1]. B. C [2].", []int{2, 3}, []int{9}},
	{"negative", "A [-1]. B [2, -3].", 3, "A. B [1].", []int{2}, nil},
	{"tool pair", "A 【4:0†source】. B 【2†source】.", 3, "A. B [1].", []int{2}, nil},
	{"space before close", "A [1 ].", 3, "A [1].", []int{1}, nil},
	{"padded", "A [ 1 ]. B [ 2]. C ［ ３ ］.", 3, "A [1]. B [2]. C [3].", []int{1, 2, 3}, nil},
	{"huge number", "A [12345678].", 3, "A.", nil, nil},
	{"no passages", "A [1].", 0, "A.", nil, []int{1}},
	{"join would form citation", "[1[9]]", 3, "[1\u2060]", nil, []int{9}},
	{"lenticular", "A 【2】. B 【1†source】.", 3, "A [1]. B [2].", []int{2, 1}, nil},
	{"tortoise shell", "A 〔3〕.", 3, "A [1].", []int{3}, nil},
	{"footnote", "A [^2]. B[^1][^2].", 3, "A [1]. B[2][1].", []int{2, 1}, nil},
	{"parenthesised", "A (2). B （1, 3）.", 3, "A [1]. B [2][3].", []int{2, 1, 3}, nil},
	{"parenthesised not given", "Founded (2019). Steps (9).", 3, "Founded (2019). Steps (9).", nil, nil},
	{"list item", "(1) first\n(2) second", 3, "(1) first\n(2) second", nil, nil},
	{"manual page section", "Remove it with git-rm(1), see printf(3) [2].", 3, "Remove it with git-rm(1), see printf(3) [1].", []int{2}, nil},
	{"parenthesised after CJK text", "ファイルを削除します(1)。", 3, "ファイルを削除します[1]。", []int{1}, nil},
	{"out of range lenticular", "A 【9】.", 3, "A.", nil, []int{9}},
	{"in code", "Run `grep [2]` [1]. ``a ` [3]`` ok.\n```\nx[2]\n```\nB [2].", 3, "Run `grep [2]` [1]. ``a ` [3]`` ok.\n```\nx[2]\n```\nB [2].", []int{1, 2}, nil},
	{"unclosed backtick is text", "A `b [2].", 3, "A `b [1].", []int{2}, nil},
	// Real deployments' forms (round ten): a label inside parentheses
	// ("(Source: 2)"), a citation written as a markdown link ("[1](#)",
	// Azure's "[doc1](https://…)"), footnote superscripts after a word
	// or a sentence's end ("values¹²", "local.³"), in a model's reply only
	// (TestFootnoteSuperscripts): here they stay.
	{"parenthesised label", "A (Source: 2). B (source 3). C (Nguồn 1). D (Sumber: 9).", 3, "A [1]. B [2]. C [3]. D (Sumber: 9).", []int{2, 3, 1}, nil},
	{"markdown link", "A [1](#). B [2](#source-2). C [doc3](https://example.com/a_(b)). D [1] (see below).", 3, "A [1]. B [2]. C [3]. D [1] (see below).", []int{1, 2, 3}, nil},
	{"search tool's link", "A [[1]](https://example.com/a). B [[2]](#).", 3, "A [1]. B [2].", []int{1, 2}, nil},
	{"markdown link not given", "A [9](#). B [x](#).", 3, "A. B [x](#).", nil, []int{9}},
	{"superscripts", "A pair of values¹². State is local.³ 値²。", 3, "A pair of values¹². State is local.³ 値²。", nil, nil},
	// Escaped brackets mixed with plain ones (round thirteen's fuzzing):
	// "\[2][3\]" shows as "[2][3]", two citations. Read as the middle
	// "[2]" alone, its removal joined "\" and "[0\]" into "\[0\]", which a
	// second reading removed; a "[1]" written after a backslash reads as
	// "\[1]". An escaped bracket is read only as an escaped citation, which
	// may close with either bracket; a backslash left before a citation
	// the rewrite writes is kept apart from it by a word joiner.
	{"mixed escapes removed", `0\[0][0\]`, 3, "0", nil, nil},
	{"mixed escapes", `x \[2][3\] y`, 2, "x [1] y", []int{2}, []int{3}},
	{"escaped open padded", `A \[ 2 ]. B \[2 \]. C \[ 2 \].`, 3, `A [1]. B \[2 \]. C \[ 2 \].`, []int{2}, nil},
	{"escaped backslash", `A \\[2\]. B \\\[3].`, 3, `A \\[1]. B \\[2].`, []int{2, 3}, nil},
	{"backslash before written citation", `A \(2). B \^[1]. C \【3】.`, 3, "A \\\u2060[1]. B \\\u2060[2]. C \\\u2060[3].", []int{2, 1, 3}, nil},
	// Two runs a caret kept apart ("(1)^(1)") are one once rewritten:
	// "[1][1]", read again, was "[1]"; "[1] [2]" was "[1][2]".
	{"runs a caret split", "A!(1)^(1). B (2) ^(3) ^(2).", 3, "A![1]. B [2][3].", []int{1, 2, 3}, nil},
	// Parentheses after a citation that the rewrite turns into a link's
	// target ("[1]([2])", "[1](a)"), read again, were lost.
	{"parentheses rewritten into a target", "A (1)((2 )). B [1](a [9]).", 3, "A [1]\u2060([2]). B [1]\u2060(a).", []int{1, 2}, []int{9}},
}

func TestParseCitations(t *testing.T) {
	for _, tt := range parseCitationsTests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseCitations(tt.text, tt.given)
			if got.Text != tt.wantText {
				t.Errorf("text: got %q, want %q", got.Text, tt.wantText)
			}
			if !reflect.DeepEqual(got.Used, tt.wantUsed) {
				t.Errorf("used: got %v, want %v", got.Used, tt.wantUsed)
			}
			if !reflect.DeepEqual(got.Dropped, tt.wantDropped) {
				t.Errorf("dropped: got %v, want %v", got.Dropped, tt.wantDropped)
			}
		})
	}
}

// FuzzParseCitations checks, on any reply and passage count: no panic;
// kept citations only reference given passages, once each; dropped ones
// only passages not given, once each; the rewritten text cites exactly
// 1..n in order of first use and is a fixed point; a reply without an
// opening bracket comes back unchanged.
func FuzzParseCitations(f *testing.F) {
	for _, tt := range parseCitationsTests {
		f.Add(tt.text, tt.given)
	}
	for _, s := range []string{
		"A [1]. B [2, 3]. C [9].", "[1[9]]", "x [ [9]1]", "[1, [9]2]", "［２］[٣][1-4]", "[[1]]",
		"A [3] [1] [2]", "[1 [9]]", "[1-999999999]", "",
		`A \[1\]\[9\] \[ 2 \]`, "[②, ⑨] ①", "[#1, #9] [#2](x) [p1, p3] [P[9]1]", `\[1, 2\] \[p[9]1\]`,
		`0\[0][0\]`, `x \[2][3\] y`, `\\[2\] \\\[9] \(2) \^[1]`, "!(1)^(1)", "!(1)((1 ))",
	} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, given int) {
		if given > 1000 {
			given %= 1000
		}
		got := ParseCitations(text, given)
		seen := map[int]bool{}
		for _, n := range got.Used {
			if n < 1 || n > given {
				t.Fatalf("kept citation %d outside 1..%d", n, given)
			}
			if seen[n] {
				t.Fatalf("citation %d used twice in %v", n, got.Used)
			}
			seen[n] = true
		}
		dropped := map[int]bool{}
		for _, n := range got.Dropped {
			if n < 1 || n <= given {
				t.Fatalf("dropped %d, want only positive numbers outside 1..%d", n, given)
			}
			if dropped[n] {
				t.Fatalf("dropped %d twice in %v", n, got.Dropped)
			}
			dropped[n] = true
		}
		if !strings.ContainsAny(text, "[［【〔〖(（") {
			if want := strings.ToValidUTF8(text, "\uFFFD"); got.Text != want || got.Used != nil || got.Dropped != nil {
				t.Fatalf("ParseCitations(%q) = %+v, want the text back and no citations", text, got)
			}
		}
		// The rewritten text cites exactly 1..n, first uses in order, and
		// parsing it again changes nothing.
		again := ParseCitations(got.Text, len(got.Used))
		if again.Text != got.Text {
			t.Fatalf("not a fixed point:\n in  %q\n out %q\n again %q", text, got.Text, again.Text)
		}
		if len(again.Dropped) != 0 {
			t.Fatalf("rewritten text %q still cites unknown %v", got.Text, again.Dropped)
		}
		for i, n := range again.Used {
			if n != i+1 {
				t.Fatalf("rewritten text %q cites %v, want 1..%d in order", got.Text, again.Used, len(got.Used))
			}
		}
		if len(again.Used) != len(got.Used) {
			t.Fatalf("rewritten text %q cites %d passages, want %d", got.Text, len(again.Used), len(got.Used))
		}
	})
}

func TestQuoteSpan(t *testing.T) {
	tests := []struct {
		text, quote, want string // want "" when not found
	}{
		{"Zhao Zhiguo (趙志國) told a briefing yesterday.", "zhao zhiguo (趙志國) told", "Zhao Zhiguo (趙志國) told"},
		{"Le ministère a « convoqué » les dirigeants.", "a \"convoqué\" les", "a « convoqué » les"},
		{"لدى Alipay أكثر من مليار مستخدم في الصين", "أكثر من مليار مستخدم", "أكثر من مليار مستخدم"},
		{"It said that ... it was over, truly over.", "It said … truly over", "It said that ... it was over, truly over"},
		{"Alipay has users.", "Tencent has users", ""},
		{"Alipay has users.", "users", ""}, // too short to check
		{"the bank's report", "banks report", ""},
		// Thai writes no space between words: a quote may start and end
		// inside a run of letters, never between a letter and its mark,
		// and a phrase of one run is long enough to check.
		{"ธนาคารแห่งประเทศไทยประกาศลดอัตราดอกเบี้ยนโยบาย", "ประกาศลดอัตราดอกเบี้ย", "ประกาศลดอัตราดอกเบี้ย"},
		{"ธนาคารแห่งประเทศไทยประกาศลดอัตราดอกเบี้ยนโยบาย", "ประกาศลดอัตราดอกเบ", ""},
		{"ธนาคารแห่งประเทศไทยประกาศลดอัตราดอกเบี้ยนโยบาย", "ประกาศ", ""}, // one word
		{"ธนาคารแห่งประเทศไทย\nประกาศลดอัตรา", "ไทยประกาศลดอัตรา", "ไทย\nประกาศลดอัตรา"},
		// Devanagari's vowel signs are spacing marks of their letter, not
		// word breaks.
		{"भारत सरकार ने नई शिक्षा नीति की घोषणा की", "नई शिक्षा नीति", "नई शिक्षा नीति"},
		{"भारत सरकार ने नई शिक्षा नीति की घोषणा की", "क्षा नीति की घोषणा", ""},
		// Persian: a space for the passage's ZWNJ, a ZWNJ for its space.
		{"حلقه را متوقف می\u200cکند و ادامه", "را متوقف می کند", "را متوقف می\u200cکند"},
		{"حلقه را متوقف می\u200cکند و ادامه", "را متوقف می\u200cکند", "را متوقف می\u200cکند"},
		{"حلقه را متوقف می کند و ادامه", "را متوقف می\u200cکند", "را متوقف می کند"},
		// Burmese types the asat (U+103A) and the dot below (U+1037) in
		// either order; a quote in the other order than the passage's is
		// found, its span ending after both marks.
		{"React ကို စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037 ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ", "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037", "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037"},
		{"React ကို စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037 ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ", "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u1037\u103a", "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037"},
		{"React ကို စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u1037\u103a ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ", "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037", "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u1037\u103a"},
		{"React ကို စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို ကြည\u103a\u1037 ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ", "ကြည\u1037\u103a ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ", "ကြည\u103a\u1037 ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ"},
	}
	for _, tt := range tests {
		s, e, ok := QuoteSpan(tt.text, tt.quote)
		got := ""
		if ok {
			got = tt.text[s:e]
		}
		if got != tt.want {
			t.Errorf("QuoteSpan(%q, %q) = %q, want %q", tt.text, tt.quote, got, tt.want)
		}
	}
}
