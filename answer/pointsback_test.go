package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

func TestPointsBackFirst(t *testing.T) {
	for _, tt := range []struct {
		sentence, lang string
		want           bool
	}{
		{"They just tap a card with their phones.", "en", true},
		{"This keeps the archive small.", "en", true},
		{"Therefore the archive is small.", "en", false},
		{"The archive they keep is small.", "en", false}, // not its first word
		{"Il garde les archives.", "fr", true},
		{"Les archives sont petites.", "fr", false},
		{"هذا يحفظ الأرشيف.", "ar", true},
		{"该命令删除历史。", "zh", true},
		{"命令删除历史。", "zh", false},
	} {
		if got := pointsBackFirst(tt.sentence, tt.lang); got != tt.want {
			t.Errorf("pointsBackFirst(%q, %s) = %v, want %v", tt.sentence, tt.lang, got, tt.want)
		}
	}
}

// A sentence that opens by pointing back ("They …") holds what the
// sentence before it, in its passage, names of the question; one that does
// not point back holds only its own words, and the words around it at half.
func TestPointsBackCovers(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"north.md": {Data: []byte("# North\n\n" +
			"In Norland, riders pay for buses by phone more and more. " +
			"They just tap a reader and ride.\n\n" +
			"Storms are rare. Harbours are busy. Nights are long.\n")},
		"south.md": {Data: []byte("# South\n\n" +
			"In Southland, riders pay for buses by phone more and more. " +
			"Most just tap a reader and ride.\n\n" +
			"Storms are rare. Harbours are busy. Nights are long.\n")},
	}), nil)
	for _, tt := range []struct {
		question, want string // want "" to abstain
	}{
		{"Do riders tap for buses in Norland during storms, at harbours, at night?", "They just tap a reader"},
		{"Do riders tap for buses in Southland during storms, at harbours, at night?", ""},
	} {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.want == "" && !res.Abstained:
			t.Errorf("%q: answered %q, want an abstention", tt.question, res.Text)
		case tt.want != "" && (res.Abstained || !strings.Contains(res.Text, tt.want)):
			t.Errorf("%q: %q (abstained %v), want %q", tt.question, res.Text, res.Abstained, tt.want)
		}
	}
}
