package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"corpusbot/text"
)

func TestSentenceStarts(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"The U.S. economy grew. Mr. Smith agreed.", []string{"The U.S. economy grew.", "Mr. Smith agreed."}},
		{"Alibaba Group Holding Ltd. said yes. Inc. too", []string{"Alibaba Group Holding Ltd. said yes.", "Inc. too"}},
		{"It grew 12.8 percent. Prices hit US$37 billion.", []string{"It grew 12.8 percent.", "Prices hit US$37 billion."}},
		{"Really?! Yes.", []string{"Really?!", "Yes."}},
		{"“It wants to end that.” Zhao said.", []string{"“It wants to end that.”", "Zhao said."}},
		{"It is unreasonable to restrict ... access of links.", []string{"It is unreasonable to restrict ... access of links."}},
		{"Written by J. Smith in 2021. Then left.", []string{"Written by J. Smith in 2021.", "Then left."}},
		{"Visit example.com today. OK", []string{"Visit example.com today.", "OK"}},
		{"It ended… Then more. and lower", []string{"It ended…", "Then more. and lower"}},
		{"هل هذا صحيح؟ نعم. حسنا", []string{"هل هذا صحيح؟", "نعم.", "حسنا"}},
		{"我们走吧。他说好！“真的？”是的", []string{"我们走吧。", "他说好！", "“真的？”", "是的"}},
		{"No end", []string{"No end"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			prev := 0
			for _, off := range sentenceStarts(tt.text, 0, len(tt.text)) {
				got = append(got, strings.TrimSpace(tt.text[prev:off]))
				prev = off
			}
			got = append(got, tt.text[prev:])
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // paragraph texts; a "#" prefix marks a heading
	}{
		{"blank lines", "Title\n\nFirst one.\n\n\nSecond one.\n", []string{"#Title", "First one.", "Second one."}},
		{"NBSP and zero-width lines", "Title\n\u00a0\n \u00a0 \n\u200b\nText.", []string{"#Title", "Text."}},
		{"single newlines", "A title\nOne sentence.\nAnother sentence.", []string{"#A title", "One sentence.", "Another sentence."}},
		{"bullets are not headings", "Intro:\n  • First point\n  - second point\n1. third point", []string{"Intro:", "• First point", "- second point", "1. third point"}},
		{"hard-wrapped text", "This paragraph was wrapped\nat a fixed width, as plain\ntext often is.\nNext one.",
			[]string{"This paragraph was wrapped\nat a fixed width, as plain\ntext often is.", "Next one."}},
		{"a capital after a line is a new paragraph", "Short line\nAnother short line", []string{"#Short line", "#Another short line"}},
		{"markdown heading", "# Big title with many words that go on and on and on past twelve\n\nText.", []string{"## Big title with many words that go on and on and on past twelve", "Text."}},
		{"long first line is a title", strings.Repeat("word ", 20) + "end\nText.", []string{"#" + strings.Repeat("word ", 20) + "end", "Text."}},
		{"long line is no heading", "Title.\n" + strings.Repeat("word ", 20) + "end\nText.", []string{"Title.", strings.Repeat("word ", 20) + "end", "Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range paragraphs(tt.text) {
				s := tt.text[p.start:p.end]
				if p.heading {
					s = "#" + s
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// words returns n words of running text, in sentences of ten.
func words(n int, tag string) string {
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteByte(' ')
		}
		if i%10 == 0 {
			sb.WriteString(strings.ToUpper(tag[:1]) + tag[1:])
		} else {
			fmt.Fprintf(&sb, "%s%d", tag, i)
		}
		if i%10 == 9 || i == n-1 {
			sb.WriteByte('.')
		}
	}
	return sb.String()
}

// manyParagraphs returns n different paragraphs of size words each.
func manyParagraphs(n, size int) string {
	var sb strings.Builder
	for i := range n {
		sb.WriteString(words(size, fmt.Sprintf("p%c", 'a'+i)) + "\n\n")
	}
	return sb.String()
}

// splitTests seed FuzzSplit too.
var splitTests = []struct {
	name, text string
	want       []int // words of each passage
}{
	{"short paragraphs merge", manyParagraphs(12, 20), []int{120, 120}},
	{"a heading joins its paragraph", "Heading\n\n" + words(50, "beta") + "\n", []int{51}},
	{"a heading starts a passage", words(80, "gamma") + "\nSection two\n" + words(80, "delta"), []int{80, 82}},
	{"a heading does not stand alone before a long paragraph", "Section heading here\n" + words(400, "omega"), []int{203, 200}},
	{"consecutive headings stay together", words(80, "gamma") + "\nPart two\nChapter one\n" + words(30, "delta"), []int{80, 34}},
	{"a long paragraph splits at sentence ends", words(500, "epsilon"), []int{170, 160, 170}},
	{"a long sentence splits between words", strings.Repeat("zeta ", 450) + "end", []int{150, 150, 151}},
	{"ideographs count one each", strings.Repeat("支付寶是中國最大的支付應用。", 30), []int{195, 195}},
	// 780 characters weigh 468 words: three passages of about 260
	// characters (156 words of English), not four of 195.
	{"a Chinese character weighs 0.6 of a word", strings.Repeat("支付寶是中國最大的支付應用。", 60), []int{247, 260, 273}},
	{"a tail does not stand alone", words(190, "eta") + "\n" + words(20, "theta"), []int{210}},
	{"fillers sit inside passages", words(30, "iota") + "\n* * *\n" + words(30, "kappa"), []int{60}},
	{"empty", "", nil},
	{"only fillers", "----\n***\n", nil},
}

func TestSplit(t *testing.T) {
	for _, tt := range splitTests {
		t.Run(tt.name, func(t *testing.T) {
			ps := split("d", tt.text, newNoiseRules())
			var got []int
			for _, p := range ps {
				got = append(got, text.CountWords(p.Text))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got passages of %v words, want %v", got, tt.want)
			}
			d := &Document{ID: "d", Text: tt.text, Passages: ps}
			checkPassages(t, d)
		})
	}
}

func TestSplitEndsAtSentences(t *testing.T) {
	ps := split("d", words(500, "epsilon"), newNoiseRules())
	for i, p := range ps {
		if !strings.HasSuffix(p.Text, ".") {
			t.Errorf("passage %d ends %q, want a sentence end", i, p.Text[max(0, len(p.Text)-20):])
		}
	}
}

func TestSplitHeadingNotInsideFillerText(t *testing.T) {
	text := words(80, "gamma") + "\n* * *\nSection two\n" + words(80, "delta")
	ps := split("d", text, newNoiseRules())
	if len(ps) != 2 || !strings.HasPrefix(ps[1].Text, "Section two") {
		t.Errorf("got %d passages, second %q; want the heading to start the second", len(ps), ps[min(1, len(ps)-1)].Text)
	}
}

// passageWordsByWord is passageWords as defined: each word of text.Words
// weighed by wordWeight.
func passageWordsByWord(s string) int {
	tenths := 0
	forEachWord(s, func(start, end int) bool {
		tenths += wordWeight(s[start:end])
		return true
	})
	return (tenths + 5) / 10
}

// TestPassageWordsJoiners holds passageWords to its definition on random
// strings of the characters that decide where words start (digits and
// letters around full stops, commas and apostrophes, ASCII and not), so
// that every one falls at every place of the eight bytes read at once and
// of the byte after them.
func TestPassageWordsJoiners(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 9))
	alphabet := []string{"1", "9", "a", "Z", "q", ".", ",", "'", " ", "-", "\n", "é", "’", "中", "٣", "\u0301", "ß", "\xff", "ไทย", "ๆ", "\u0e48"}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet)-7*r.IntN(2))]) // half of them ASCII only
		}
		s := b.String()
		if got, want := passageWords(s), passageWordsByWord(s); got != want {
			t.Fatalf("passageWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzPassageWords(f *testing.F) {
	for _, s := range []string{"", "a b", "12.8 and 5,600", "China’s 支付宝 user", "日本語のテキスト゛゜ー", "ヽヾゝゞ〆〻", "l'été", "a\u0301b", "中文中文中文中文中文中文", "The quick brown fox, 支付宝 and 12.8 more", "Cells were counted (n=1234567.89) in 12,345 samples; the patients' outcomes didn't differ @[`{ 0x1F.", "abcdefg.1234567.8abcdefg'hijklmn\x10\x19\x7f wordsXYZ`az@AZ[09/:", "ตัวตัดคำเริ่มต้น newmm's 12,5 กรุงเทพฯ ต่างๆ", "ລັດຖະບານໄດ້ຂໍໃຫ້ ງ່າຍໆ ຯ រដ្ឋាភិបាលបានស្នើ ផ្សេងៗ។ အစိုးရက ၎င်းတို့၏ 2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := passageWords(s), passageWordsByWord(s); got != want {
			t.Errorf("passageWords(%q) = %d, want %d", s, got, want)
		}
	})
}
