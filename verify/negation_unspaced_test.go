package verify

import "testing"

// Lao, Khmer and Burmese say "not" inside unspaced runs: negated reads the
// words the segmenter cuts, not substrings (ບໍລິສັດ "company" opens with
// ບໍ, ຢ່າງ "manner" with ຢ່າ, and a Burmese word may open with မ).
func TestNegatedUnspaced(t *testing.T) {
	tests := []struct {
		lang, s string
		want    bool
	}{
		{"lo", "ມັນບໍ່ຮອງຮັບ", true},
		{"lo", "ມັນບໍ່ໄດ້ຮອງຮັບ", true},
		{"lo", "ບໍ່ມີຂໍ້ມູນ", true},
		{"lo", "ຢ່າໃຊ້ຄຳສັ່ງນີ້", true},
		{"lo", "ມັນຮອງຮັບ", false},
		{"lo", "ໃຊ້ໄດ້ບໍ", false},            // the question particle, no tone mark
		{"lo", "ບໍລິສັດໃຫ້ບໍລິການ", false},   // "company", "service"
		{"lo", "ເລືອກວ່າຈະໃຊ້ຫຼືບໍ່", false}, // "or not"
		{"km", "វាមិនគាំទ្រទេ", true},
		{"km", "វាមិនមែនជាកំហុស", true},
		{"km", "ពុំមានទិន្នន័យ", true},
		{"km", "កុំប្រើវា", true},
		{"km", "វាគាំទ្រ", false},
		{"km", "តើវាគាំទ្រទេ", false}, // ទេ closing a question
		{"my", "React က hooks ကို မထောက်ပံ့ပါ", true},
		{"my", "မရှိဘူး", true},
		{"my", "ဒါ မဟုတ်ပါ", true},
		{"my", "ထောက်ပံ့ထားပါတယ်", false},
		{"my", "မြန်မာဘာသာ", false},
		{"my", "မနက်", false},
		{"th", "ມັນບໍ່ຮອງຮັບ", false}, // read only in text of its language
	}
	for _, tt := range tests {
		if got := negated(tt.s, tt.lang); got != tt.want {
			t.Errorf("negated(%q, %s) = %v, want %v", tt.s, tt.lang, got, tt.want)
		}
	}
}
