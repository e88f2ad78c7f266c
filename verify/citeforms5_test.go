package verify

import (
	"slices"
	"strings"
	"testing"
)

// A citation a model labels in the reader's language ("[Джерело 1]",
// "[Nguồn 1]", "[منبع ۱]") reads as [1], as "[Source 1]" does: it was
// shown raw, its quote in sight (the fifth adversarial round). A label
// that only starts like one ("[Documentos 1]" is, "[Docker 1]" is not) is
// read by its whole word.
func TestCitationLabelsInOtherLanguages(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	q := strings.Join(strings.Fields(blocks[0].text)[:6], " ")
	const claim = "The article describes this at some length for readers"
	for _, label := range []string{"Джерело", "джерело:", "Nguồn", "nguồn", "Tài liệu", "منبع", "مصدر", "Quelle", "Fuente", "Fonte", "Bron", "Źródło", "Источник", "Kaynak", "Sumber", "来源", "出典", "출처", "Documento", "Documentos", "Πηγή", "स्रोत", "แหล่งที่มา",
		"সূত্র", "উৎস", "מקור"} { // Bengali and Hebrew (round seven)
		for _, digit := range []string{"1", "۱", "١", "१", "๑", "১"} { // Devanagari and Thai (round six), Bengali (round seven)
			reply := claim + " [" + label + " " + digit + "] «" + q + "»."
			rd.cache = map[string]Claim{}
			r := rd.Render(reply, false)
			if want := claim + " [1]."; r.Text != want {
				t.Errorf("%q shown %q, want %q", reply, r.Text, want)
			}
			if len(r.Claims) != 1 || r.Claims[0].Support != Verified || !slices.Equal(r.Claims[0].Cites, []int{1}) {
				t.Errorf("%q: claims %+v, want one verified citing [1]", reply, r.Claims)
			}
		}
	}
	for _, s := range []string{"See [Docker 1] here.", "Run [Step 2] now."} {
		if got := ParseCitations(s, 3).Text; got != s {
			t.Errorf("ParseCitations(%q) = %q, want it as it is", s, got)
		}
	}
}
