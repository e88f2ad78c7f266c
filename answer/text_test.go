package answer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"corpusbot/text"
	"corpusbot/verify"
)

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", "one", "It grew 12.8 percent, to US$37 billion.", "l’ouverture d'Alibaba", "لدى Alipay أكثر من مليار", " - • ", "$ 5 $5 ... '"} {
		t.Run(s, func(t *testing.T) {
			if got, want := text.CountWords(s), len(words(s)); got != want {
				t.Errorf("got %d, want %d (as words splits it)", got, want)
			}
		})
	}
}

func TestEstimateTokens(t *testing.T) {
	tests := []struct {
		text     string
		min, max int
	}{
		{"", 0, 0},
		{strings.Repeat("word ", 100), 125, 200}, // 500 chars: ~125 real tokens, estimate above
		{strings.Repeat("支付寶", 10), 30, 30},
		{strings.Repeat("مستخدم ", 20), 60, 80},
	}
	for _, tt := range tests {
		t.Run(tt.text[:min(12, len(tt.text))], func(t *testing.T) {
			if got := estimateTokens(tt.text); got < tt.min || got > tt.max {
				t.Errorf("got %d, want %d..%d", got, tt.min, tt.max)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	s := "First sentence here. Second sentence is rather longer than the first one."
	if got := text.Clip(s, 31); utf8.RuneCountInString(got) > 31 || !strings.HasSuffix(got, "…") {
		t.Errorf("text.Clip: got %q, want at most 30 runes and an ellipsis", got)
	}
	if got := text.Clip(s, 1001); got != s {
		t.Errorf("text.Clip: got %q, want it unchanged", got)
	}
	if got := truncateTokens(s, 10); estimateTokens(got) > 10 || !strings.HasPrefix(s, got) {
		t.Errorf("truncateTokens: got %q (%d tokens), want a prefix of at most 10", got, estimateTokens(got))
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Who is\tLiu Xu?\n", "Who is Liu Xu?"},
		{"Ali\u200bpay\u202e users\u2066", "Alipay users"},
		{"\ufeff\u200f", ""},
		{"bell\x07 and null\x00", "bell and null"},
		// The joiners a word is spelled with stay (round five: Persian's
		// ZWNJ in "می‌کند", Devanagari's ZWJ); at a word's edge, doubled,
		// or between other characters they go.
		{"دستور break حلقه را متوقف می\u200cکند؟", "دستور break حلقه را متوقف می\u200cکند؟"},
		{"क्\u200dष", "क्\u200dष"},
		{"ab\u200c\u200c\u200ccd \u200cx y\u200d 1\u200c2", "ab\u200ccd x y 12"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := clean(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSearchLang(t *testing.T) {
	tests := []struct{ text, reader, want string }{
		{"Como usar Grafana?", "", "pt"},   // the detector's pick of es, pt: usar is both, its letters lean pt
		{"Como usar Grafana?", "pt", "pt"}, // the reader settles the tie
		{"Como usar Grafana?", "es", "es"},
		{"Como usar Grafana?", "de", "pt"},         // a reader outside the tie does not
		{"Como uso o Grafana no Linux?", "", "pt"}, // o is commoner in Portuguese speech
		{"Por que não funciona?", "es", "pt"},      // não is Portuguese's own
		{"Was Kubernetes?", "de", "de"},            // "was": English and German
		{"Was Kubernetes?", "", "en"},              // the default for Latin text
		{"Was bedeutet Kubernetes?", "", "de"},     // bedeutet, a German content word
		{"Hvordan bruker jeg Docker?", "nb", "no"}, // text's name for Bokmål
		{"Kubernetes", "de", "en"},                 // no evidence to settle
		{"為什麼支付寶被要求拆分小額貸款業務？", "zh-Hant", "zh"},    // one analyser for both scripts
	}
	for _, tt := range tests {
		t.Run(tt.text+" "+tt.reader, func(t *testing.T) {
			if got := searchLang(tt.text, tt.reader); got != tt.want {
				t.Errorf("searchLang(%q, %q) = %q, want %q", tt.text, tt.reader, got, tt.want)
			}
		})
	}
}

func TestParseRewrite(t *testing.T) {
	langs := []string{"ar", "en", "fr"}
	reply := "Here you go:\n- en: DingTalk health code\n**FR**: « code de santé DingTalk »\nFrench: duplicate\nde: nicht gefragt\nar: رمز الصحة\nen: second english"
	got := parseRewrite(reply, langs, "What about DingTalk?")
	want := []string{"DingTalk health code", "code de santé DingTalk", "رمز الصحة"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := parseRewrite("en: Who is Liu Xu?", langs, "who is liu xu?"); len(got) != 0 {
		t.Errorf("got %q, want the copy of the original dropped", got)
	}
}

func TestLRU(t *testing.T) {
	c := newLRU(2)
	c.put("a", rewritten{queries: []string{"1"}})
	c.put("b", rewritten{queries: []string{"2"}})
	c.get("a") // a is now the most recent
	c.put("c", rewritten{queries: []string{"3"}})
	if _, ok := c.get("b"); ok {
		t.Errorf("b: got cached, want evicted as least recently used")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s: got evicted, want cached", k)
		}
	}
	if c.len() != 2 {
		t.Errorf("len: got %d, want 2", c.len())
	}
}

// collect is the last stage of a test chain.
type collect struct{ strings.Builder }

func (c *collect) write(s string) { c.WriteString(s) }
func (c *collect) flush()         {}

func TestMarkerFilter(t *testing.T) {
	tests := []struct {
		name   string
		deltas []string
		want   string
	}{
		{"answer", []string{"Zhao ", "said [1]."}, "Zhao said [1]."},
		{"marker", []string{"NOT_", "IN_CORPUS"}, ""},
		{"marker then more", []string{" NOT_IN_CORPUS", " sorry"}, ""},
		{"prefix of marker then answer", []string{"NOT", " everything is known [1]."}, "NOT everything is known [1]."},
		{"ends as a prefix", []string{"NOT_IN"}, "NOT_IN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got collect
			f := &markerFilter{next: &got}
			for _, d := range tt.deltas {
				f.write(d)
			}
			f.flush()
			if got.String() != tt.want {
				t.Errorf("got %q, want %q", got.String(), tt.want)
			}
		})
	}
}

func TestBulletFilter(t *testing.T) {
	// A bullet whose citation is wrapped onto the next line, and one that
	// a line of citations to no given passage follows.
	reply := "**Theme**\n- cited [1].\n- uncited.\n- bad [7].\nplain line\n- wrapped\n  [2] «q».\n- bad again\n[9]\n- last [2]"
	var got collect
	f := &bulletFilter{next: &got, given: 2}
	for _, d := range splitEvery(reply, 3) {
		f.write(d)
	}
	f.flush()
	want := "**Theme**\n- cited [1].\nplain line\n- wrapped\n  [2] «q».\n- last [2]"
	if d := dropUncitedBullets(reply, 2); got.String() != want || d != want {
		t.Errorf("streamed %q, finished %q, want %q", got.String(), d, want)
	}
}

// What streams is what the result says: the rendering of each complete
// sentence, marks included, once a sentence is verified; nothing for a
// reply that never verifies one.
func TestReplyStream(t *testing.T) {
	reader, blocks := testReader(t, 3)
	q := func(b int) string { // a quote of block b
		return strings.Join(strings.Fields(blocks[b].text)[:6], " ")
	}
	tests := []struct {
		name  string
		reply string
	}{
		{"renumbered", "Zhao is the spokesman [3] «" + q(2) + "». Both say so [1, 3]. Invented [9]. Last [2] «" + q(1) + "»"},
		{"dropped before kept", "A thing [9] [1] «" + q(0) + "» and [9][2]."},
		{"spaces before dropped", "A   [9]   b [1] «" + q(0) + "»"},
		{"brackets that are not citations", "[a] [[1]] x[ 2] [3 «" + q(0) + "». Then [1] «" + q(0) + "»."},
		{"quote before", "They said “" + q(1) + "” [2]. Done [1]."},
		{"odd forms", "First 【1】«" + q(0) + "». Second (2) «" + q(1) + "». Third [^3] «" + q(2) + "»."},
		{"never verified", "Alipay is run by Martians [1]. Nobody knows [2] «not in any passage at all»."},
	}
	for _, tt := range tests {
		for _, size := range []int{1, 2, 5, 100} {
			t.Run(fmt.Sprintf("%s/%d", tt.name, size), func(t *testing.T) {
				rd := reader()
				var got collect
				var deltas []string
				s := &replyStream{out: func(d string) { deltas = append(deltas, d); got.WriteString(d) }, rd: rd}
				for _, d := range splitEvery(tt.reply, size) {
					s.write(d)
				}
				s.flush()
				if want := wantStreamed(rd, tt.reply); got.String() != want {
					t.Errorf("streamed %q (in %q), want %q", got.String(), deltas, want)
				}
			})
		}
	}
}

// wantStreamed is what a reader sees of reply: its rendering once a
// sentence of it is verified, and nothing for a reply that never is.
func wantStreamed(rd *verify.Reader, reply string) string {
	r := rd.Render(reply, false)
	if r.Backed == 0 {
		return ""
	}
	return r.Text
}

// splitEvery cuts s into pieces of n runes.
func splitEvery(s string, n int) []string {
	var out []string
	r := []rune(s)
	for i := 0; i < len(r); i += n {
		out = append(out, string(r[i:min(i+n, len(r))]))
	}
	return out
}
