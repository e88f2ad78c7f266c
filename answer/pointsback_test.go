package answer

import (
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
	checkAsks(t, p, []askCase{
		{"Do riders tap for buses in Norland during storms, at harbours, at night?", "They just tap a reader"},
		{"Do riders tap for buses in Southland during storms, at harbours, at night?", ""},
	})
}
