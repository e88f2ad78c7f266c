package answer

import (
	"math"
	"slices"
	"testing"
	"testing/fstest"
)

// A Thai question's focus words are Thai words, held by a sentence that
// writes them: not by one sharing their character pairs (retrieval's
// terms), which nearly every Thai sentence does (ความ opens hundreds of
// words). And two words sharing pairs (ความแม่นยำ, ข้อความ) are two focus
// words, not one said twice. Made-up pages.
func TestFocusThaiWords(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"model.md": {Data: []byte("# โมเดล\n\nโมเดลจำแนกข้อความมีความแม่นยำร้อยละเก้าสิบสอง\n\nการฝึกโมเดลใช้เวลาสามชั่วโมงบนการ์ดจอหนึ่งใบ\n")},
	}), nil).state.Load()
	const accuracy = "โมเดลจำแนกข้อความมีความแม่นยำร้อยละเก้าสิบสอง"
	tests := []struct {
		question, sentence string
		focus              []string // the focus words, in order
		covers             bool
	}{
		// "How accurate is the text classification model?": every word.
		{"ความแม่นยำของโมเดลจำแนกข้อความเท่าไร", accuracy, []string{"ความแม่นยำ", "ของ", "โมเดล", "จำแนก", "ข้อความ"}, true},
		// "How fast is the simulation?": ความเร็ว shares คว วา าม with
		// ความแม่นยำ, มีค่า shares มี; no word of it is in the sentence.
		{"ความเร็วในการจำลองแบบมีค่าเท่าไร", accuracy, []string{"ความเร็ว", "ใน", "การจำลอง", "แบบ", "มีค่า"}, false},
		// "What is known of hot chairs?": its words' pairs are all in the
		// sentence (คว วา าม, ข้อ, เก้ ก้า, ร้อ), its words but มี not.
		// Held by any pair, it covered half.
		{"ความรู้เรื่องเก้าอี้ร้อนมีข้อมูลอะไร", accuracy, nil, false},
		// "How long did training take?" is answered by the other sentence.
		{"การฝึกโมเดลใช้เวลากี่ชั่วโมง", accuracy, nil, false},
		{"การฝึกโมเดลใช้เวลากี่ชั่วโมง", "การฝึกโมเดลใช้เวลาสามชั่วโมงบนการ์ดจอหนึ่งใบ", nil, true},
	}
	for _, tt := range tests {
		f := st.focusOf(st.withoutFraming(tt.question))
		if tt.focus != nil {
			var got []string
			for i := range f.words {
				got = append(got, f.wordOf(i))
			}
			if !slices.Equal(got, tt.focus) {
				t.Errorf("%q: focus %q, want %q", tt.question, got, tt.focus)
			}
		}
		if got := f.covers(st.index.Analyze(tt.sentence), around{text: tt.sentence}, DefaultFocusCoverage); got != tt.covers {
			t.Errorf("%q covered by %q: %v, want %v", tt.question, tt.sentence, got, tt.covers)
		}
	}
}

// A Thai word the pages never write weighs the most, as an unknown word
// of a spaced language does: ลาว (Lao) is made of pairs the pages write
// (ลา of ลาออก, าว of สาว), which weighed it the least.
func TestThaiWordWeight(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"a.md": {Data: []byte("# ภาษา\n\nภาษาไทยมีวรรณยุกต์ห้าเสียง\n\nสาวลาออกจากงานเมื่อวานนี้\n")},
		"b.md": {Data: []byte("# ตัวตัดคำ\n\nตัวตัดคำรองรับภาษาไทยและภาษาอังกฤษ\n")},
	}), nil).state.Load()
	f := st.focusOf(st.withoutFraming("ตัวตัดคำรองรับภาษาลาวหรือไม่"))
	weight := map[string]float64{}
	for i := range f.words {
		weight[f.wordOf(i)] = f.weights[i]
	}
	if _, ok := weight["ลาว"]; !ok {
		t.Fatalf("focus words %v, want ลาว among them", weight)
	}
	for w, x := range weight {
		if w != "ลาว" && x >= weight["ลาว"] {
			t.Errorf("%s weighs %.3f, ลาว %.3f: want ลาว, which the pages never write, the heaviest", w, x, weight["ลาว"])
		}
	}
}

// The index's counts of the passages writing a Thai word (retrieval's
// ThaiDF, counted as it is built) weigh a word as the scan of the passages
// does, for words of the word list and others (a name it lacks, sara am
// written in two letters), written or not, part of a longer word or not.
// Made-up pages.
func TestThaiIDFCounted(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"a.md": {Data: []byte("# ภาษา\n\nภาษาไทยมีวรรณยุกต์ห้าเสียง\n\nสาวลาออกจากงานเมื่อวานนี้ทําไมไม่รู้\n")},
		"b.md": {Data: []byte("# ตัวตัดคำ\n\nตัวตัดคำรองรับภาษาไทยและภาษาอังกฤษ ข้อความของนายสมชายวงศ์สวัสดิ์\n")},
		"c.md": {Data: []byte("# English\n\nA page with no Thai at all, counted by neither.\n")},
	}), nil).state.Load()
	for _, w := range []string{"ภาษา", "ไทย", "ภาษาไทย", "ลาว", "ลาออก", "ความ", "ข้อความ", "ทำไม", "ทําไม", "ทำ", "ตัด", "สมชายวงศ์", "ชายวง", "วงศ์สวัสดิ์", "นาย", "ห้า"} {
		n := float64(len(st.items))
		df := float64(st.thaiScan(thaiForm(w)))
		want := math.Log(1 + (n-df+0.5)/(df+0.5))
		if got := st.thaiIDF(w); got != want {
			t.Errorf("thaiIDF(%q) = %v, the scan's %v (%v passages of %v)", w, got, want, df, n)
		}
	}
	if df, ok := st.index.ThaiDF("ภาษา"); !ok || df < 2 {
		t.Errorf("ThaiDF(ภาษา) = %d, %v: want counted, in both pages", df, ok)
	}
}

// Lao, Khmer and Myanmar questions are held as Thai's: by sentences that
// write their words, their question words (តើ, ប៉ុន្មាន, ຫຍັງ, ဘယ်လောက်)
// not among them. Before, text.Words read a Khmer question as one word or
// its question words as focus words no answer holds, and the question
// "How accurate is this model?" was not covered by the sentence that says
// it. Made-up pages.
func TestFocusLaoKhmerMyanmarWords(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"km.md": {Data: []byte("# ម៉ូដែល\n\nម៉ូដែលនេះមានភាពត្រឹមត្រូវកៅសិបពីរភាគរយ។\n\nការបណ្តុះបណ្តាលម៉ូដែលចំណាយពេលបីម៉ោង។\n")},
		"lo.md": {Data: []byte("# ແບບຈໍາລອງ\n\nແບບຈໍາລອງນີ້ມີຄວາມຖືກຕ້ອງເກົ້າສິບສອງສ່ວນຮ້ອຍ.\n")},
		"my.md": {Data: []byte("# မော်ဒယ်\n\nဒီမော်ဒယ်ရဲ့ တိကျမှုက ကိုးဆယ့်နှစ်ရာခိုင်နှုန်း ဖြစ်ပါတယ်။\n")},
	}), nil).state.Load()
	const (
		kmAccuracy = "ម៉ូដែលនេះមានភាពត្រឹមត្រូវកៅសិបពីរភាគរយ។"
		kmTraining = "ការបណ្តុះបណ្តាលម៉ូដែលចំណាយពេលបីម៉ោង។"
		loAccuracy = "ແບບຈໍາລອງນີ້ມີຄວາມຖືກຕ້ອງເກົ້າສິບສອງສ່ວນຮ້ອຍ."
		myAccuracy = "ဒီမော်ဒယ်ရဲ့ တိကျမှုက ကိုးဆယ့်နှစ်ရာခိုင်နှုန်း ဖြစ်ပါတယ်။"
	)
	for _, tt := range []struct {
		question, sentence string
		covers             bool
	}{
		{"តើម៉ូដែលនេះមានភាពត្រឹមត្រូវប៉ុន្មាន?", kmAccuracy, true},
		{"តើការបណ្តុះបណ្តាលម៉ូដែលចំណាយពេលប៉ុន្មានម៉ោង?", kmAccuracy, false},
		{"តើការបណ្តុះបណ្តាលម៉ូដែលចំណាយពេលប៉ុន្មានម៉ោង?", kmTraining, true},
		{"ແບບຈໍາລອງນີ້ມີຄວາມຖືກຕ້ອງເທົ່າໃດ?", loAccuracy, true},
		{"ဒီမော်ဒယ်ရဲ့ တိကျမှုက ဘယ်လောက်လဲ။", myAccuracy, true},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		var words []string
		for i := range f.words {
			words = append(words, f.wordOf(i))
		}
		if got := f.covers(st.index.Analyze(tt.sentence), around{text: tt.sentence}, DefaultFocusCoverage); got != tt.covers {
			t.Errorf("%q (focus %q) covered by %q: %v, want %v", tt.question, words, tt.sentence, got, tt.covers)
		}
	}
}
