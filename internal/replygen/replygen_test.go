package replygen

import (
	"strings"
	"testing"
)

func TestReplyCitesAndQuotes(t *testing.T) {
	sents := [][]string{{"One two three four five six seven eight nine ten."}, {"Alpha beta."}}
	r := Reply(2, func(i int) []string { return sents[i] }, 600)
	if len(r) < 600 {
		t.Fatalf("reply of %d bytes, want at least 600", len(r))
	}
	for _, want := range []string{"[1] «One two three four five six seven eight».", "[2] «Alpha beta.».", "\n- Point 3", "own remark"} {
		if !strings.Contains(r, want) {
			t.Errorf("reply lacks %q:\n%s", want, r)
		}
	}
}

func TestPiecesCoverTheText(t *testing.T) {
	s := strings.Repeat("ab «c» [1]. ", 40)
	p := Pieces(s)
	if strings.Join(p, "") != s {
		t.Fatal("pieces do not join into the text")
	}
	for _, x := range p[:len(p)-1] {
		if n := len([]rune(x)); n < 3 || n > 20 {
			t.Errorf("piece %q of %d runes, want 3 to 20", x, n)
		}
	}
	if q := Pieces(s); strings.Join(q, "|") != strings.Join(p, "|") {
		t.Error("pieces differ between runs")
	}
}
