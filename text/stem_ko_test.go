package text

import "testing"

// TestKoreanStem checks the cut on words of documentation prose (not from
// any evaluation set).
func TestKoreanStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"서버에서", "서버"},      // particle of place
		{"설정을", "설정"},       // object particle, three syllables
		{"설정하려면", "설정"},     // 하다 verb: the noun is left
		{"저장됩니다", "저장"},     // 되다 verb
		{"프로토콜입니다", "프로토콜"}, // copula
		{"받나요", "받"},        // a question ending leaves a syllable
		{"수도는", "수도"},       // 는 ends no noun: it goes from two syllables
		{"마을", "마을"},        // 을 of a two-syllable word may be the noun's
		{"결과", "결과"},        // so may 과
		{"사용자가", "사용자"},     // subject particle, three syllables
		{"는", "는"},          // a particle alone stays
		{"디렉터리", "디렉터리"},    // no ending
	}
	for _, tt := range tests {
		if got := KoreanStem(tt.word); got != tt.want {
			t.Errorf("KoreanStem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	for _, w := range []string{"로", "에서", "는"} {
		if !IsKoreanEnding(w) {
			t.Errorf("IsKoreanEnding(%q) = false", w)
		}
	}
	if IsKoreanEnding("서버") {
		t.Error(`IsKoreanEnding("서버") = true`)
	}
}
