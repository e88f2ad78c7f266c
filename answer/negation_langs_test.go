package answer

import (
	"testing"
	"testing/fstest"

	"corpusbot/verify"
)

// A claim that negates its verbatim quote, or drops the quote's negation,
// is weak in the languages of the fifth adversarial round's trees
// (Ukrainian, Vietnamese, Persian) and in others the bot answers in; the
// claim that agrees with its quote stays verified. Made-up pages.
func TestNegationInMoreLanguages(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"uk/map.md":   {Data: []byte("# Метод map()\n\nМетод map() створює новий масив з результатами виклику функції.\n\nМетод map() не змінює початковий масив.\n")},
		"vi/relu.md":  {Data: []byte("# Hàm ReLU\n\nHàm ReLU giữ lại các phần tử dương của đầu vào.\n\nHàm ReLU không giữ lại các phần tử âm của đầu vào.\n")},
		"fa/loop.md":  {Data: []byte("# دستور continue در حلقه\n\nدستور continue حلقه را متوقف نمی\u200cکند و به تکرار بعدی می\u200cرود.\n\nدستور break حلقه را متوقف می\u200cکند.\n")},
		"de/cache.md": {Data: []byte("# Der Zwischenspeicher\n\nDer Zwischenspeicher wird beim Neustart nicht geleert.\n\nDer Zwischenspeicher liegt im Arbeitsspeicher des Servers.\n")},
		"es/cache.md": {Data: []byte("# La caché del servidor\n\nLa caché del servidor no se vacía al reiniciar el proceso.\n\nLa caché del servidor vive en la memoria del proceso.\n")},
		"hi/memo.md":  {Data: []byte("# useMemo हुक\n\nuseMemo हर रेंडर पर कैलकुलेशन को दोबारा नहीं चलाता है।\n\nuseMemo री-रेंडर के बीच रिजल्ट को कैश करता है।\n")},
		"th/tok.md":   {Data: []byte("# ตัวตัดคำ newmm\n\nตัวตัดคำ newmm ไม่ลบช่องว่างออกจากข้อความ\n\nตัวตัดคำ newmm ใช้พจนานุกรมคำภาษาไทย\n")},
		"lo/cache.md": {Data: []byte("# ຕົວເລືອກ cache\n\nຕົວເລືອກ cache ບໍ່ຮອງຮັບການບີບອັດຂໍ້ມູນ\n\nຕົວເລືອກ cache ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນ\n\nທ່ານເລືອກໄດ້ວ່າຈະເປີດ cache ຫຼືບໍ່\n")},
		"km/cache.md": {Data: []byte("# ជម្រើស cache\n\nជម្រើស cache មិនគាំទ្រការបង្ហាប់ទិន្នន័យទេ។\n\nជម្រើស cache គាំទ្រការអ៊ិនគ្រីបទិន្នន័យ។\n")},
		"my/cache.md": {Data: []byte("# cache ရွေးချယ်မှု\n\ncache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို မထောက်ပံ့ပါ။\n\ncache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို ထောက်ပံ့ပါသည်။\n")},
	})
	tests := []struct {
		name, question, reply string
		want                  verify.Support
	}{
		{"uk, negation dropped", "Чи змінює метод map() початковий масив?", "Метод map() змінює початковий масив [1] «не змінює початковий масив».", verify.Weak},
		{"uk, negation kept", "Чи змінює метод map() початковий масив?", "Метод map() не змінює початковий масив [1] «не змінює початковий масив».", verify.Verified},
		{"uk, negation added", "Що створює метод map()?", "Метод map() не створює новий масив [1] «створює новий масив».", verify.Weak},
		{"vi, negation added", "Hàm ReLU giữ lại những phần tử nào?", "Hàm ReLU không giữ lại các phần tử dương [1] «giữ lại các phần tử dương».", verify.Weak},
		{"vi, negation kept", "Hàm ReLU giữ lại những phần tử nào?", "Hàm ReLU không giữ lại các phần tử âm [1] «không giữ lại các phần tử âm».", verify.Verified},
		{"fa, verb negation dropped", "دستور continue حلقه را متوقف می\u200cکند؟", "دستور continue حلقه را متوقف می\u200cکند [1] «حلقه را متوقف نمی\u200cکند».", verify.Weak},
		{"fa, agrees", "دستور break حلقه را متوقف می\u200cکند؟", "دستور break حلقه را متوقف می\u200cکند [1] «دستور break حلقه را متوقف می\u200cکند».", verify.Verified},
		{"de, negation dropped", "Wird der Zwischenspeicher beim Neustart geleert?", "Der Zwischenspeicher wird beim Neustart geleert [1] «wird beim Neustart nicht geleert».", verify.Weak},
		{"es, negation dropped", "¿Se vacía la caché del servidor al reiniciar?", "La caché del servidor se vacía al reiniciar [1] «no se vacía al reiniciar el proceso».", verify.Weak},
		// Round six: Hindi, and Thai, which writes its negation as a prefix
		// without a space.
		{"hi, negation dropped", "क्या useMemo हर रेंडर पर कैलकुलेशन चलाता है?", "useMemo हर रेंडर पर कैलकुलेशन को दोबारा चलाता है [1] «हर रेंडर पर कैलकुलेशन को दोबारा नहीं चलाता है»।", verify.Weak},
		{"hi, agrees", "useMemo क्या कैश करता है?", "useMemo री-रेंडर के बीच रिजल्ट को कैश करता है [1] «री-रेंडर के बीच रिजल्ट को कैश करता है»।", verify.Verified},
		{"th, negation dropped", "ตัวตัดคำ newmm ลบช่องว่างหรือไม่", "ตัวตัดคำ newmm ลบช่องว่างออกจากข้อความ [1] «ตัวตัดคำ newmm ไม่ลบช่องว่างออกจากข้อความ»", verify.Weak},
		{"th, agrees", "ตัวตัดคำ newmm ใช้อะไร", "ตัวตัดคำ newmm ใช้พจนานุกรมคำภาษาไทย [1] «ตัวตัดคำ newmm ใช้พจนานุกรมคำภาษาไทย»", verify.Verified},
		// Lao (ບໍ່), Khmer (មិន…ទេ) and Burmese (မ…ပါ, မ…ဘူး): unspaced, their
		// negation read from the words the segmenter cuts.
		{"lo, negation dropped", "ຕົວເລືອກ cache ຮອງຮັບການບີບອັດຂໍ້ມູນບໍ", "ຕົວເລືອກ cache ຮອງຮັບການບີບອັດຂໍ້ມູນ [1] «ຕົວເລືອກ cache ບໍ່ຮອງຮັບການບີບອັດຂໍ້ມູນ»", verify.Weak},
		{"lo, negation added", "ຕົວເລືອກ cache ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນບໍ", "ຕົວເລືອກ cache ບໍ່ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນ [1] «ຕົວເລືອກ cache ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນ»", verify.Weak},
		{"lo, negation kept", "ຕົວເລືອກ cache ຮອງຮັບການບີບອັດຂໍ້ມູນບໍ", "ຕົວເລືອກ cache ບໍ່ຮອງຮັບການບີບອັດຂໍ້ມູນ [1] «ຕົວເລືອກ cache ບໍ່ຮອງຮັບການບີບອັດຂໍ້ມູນ»", verify.Verified},
		{"lo, agrees", "ຕົວເລືອກ cache ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນບໍ", "ຕົວເລືອກ cache ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນ [1] «ຕົວເລືອກ cache ຮອງຮັບການເຂົ້າລະຫັດຂໍ້ມູນ»", verify.Verified},
		{"lo, or not is no negation", "ເປີດ cache ໄດ້ບໍ", "ທ່ານເລືອກໄດ້ວ່າຈະເປີດ cache [1] «ທ່ານເລືອກໄດ້ວ່າຈະເປີດ cache ຫຼືບໍ່»", verify.Verified},
		{"km, negation dropped", "តើជម្រើស cache គាំទ្រការបង្ហាប់ទិន្នន័យទេ?", "ជម្រើស cache គាំទ្រការបង្ហាប់ទិន្នន័យ [1] «ជម្រើស cache មិនគាំទ្រការបង្ហាប់ទិន្នន័យទេ»។", verify.Weak},
		{"km, negation added", "តើជម្រើស cache គាំទ្រការអ៊ិនគ្រីបទិន្នន័យទេ?", "ជម្រើស cache មិនគាំទ្រការអ៊ិនគ្រីបទិន្នន័យទេ [1] «ជម្រើស cache គាំទ្រការអ៊ិនគ្រីបទិន្នន័យ»។", verify.Weak},
		{"km, negation kept", "តើជម្រើស cache គាំទ្រការបង្ហាប់ទិន្នន័យទេ?", "ជម្រើស cache មិនគាំទ្រការបង្ហាប់ទិន្នន័យទេ [1] «ជម្រើស cache មិនគាំទ្រការបង្ហាប់ទិន្នន័យទេ»។", verify.Verified},
		{"km, agrees", "តើជម្រើស cache គាំទ្រការអ៊ិនគ្រីបទិន្នន័យទេ?", "ជម្រើស cache គាំទ្រការអ៊ិនគ្រីបទិន្នន័យ [1] «ជម្រើស cache គាំទ្រការអ៊ិនគ្រីបទិន្នន័យ»។", verify.Verified},
		{"my, negation dropped", "cache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို ထောက်ပံ့ပါသလား", "cache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို ထောက်ပံ့ပါသည် [1] «cache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို မထောက်ပံ့ပါ»။", verify.Weak},
		{"my, negation added", "cache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို ထောက်ပံ့ပါသလား", "cache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို မထောက်ပံ့ဘူး [1] «cache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို ထောက်ပံ့ပါသည်»။", verify.Weak},
		{"my, negation kept", "cache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို ထောက်ပံ့ပါသလား", "cache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို မထောက်ပံ့ဘူး [1] «cache ရွေးချယ်မှုသည် ဒေတာချုံ့ခြင်းကို မထောက်ပံ့ပါ»။", verify.Verified},
		{"my, agrees", "cache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို ထောက်ပံ့ပါသလား", "cache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို ထောက်ပံ့ပါသည် [1] «cache ရွေးချယ်မှုသည် ဒေတာစာဝှက်ခြင်းကို ထောက်ပံ့ပါသည်»။", verify.Verified},
		// Across languages: an English answer to a Ukrainian question, citing
		// the Ukrainian page.
		{"en on uk, negation dropped", "Чи змінює метод map() початковий масив?", "map() changes the original array [1] «не змінює початковий масив».", verify.Weak},
		{"en on km, negation dropped", "តើជម្រើស cache គាំទ្រការបង្ហាប់ទិន្នន័យទេ?", "The cache option supports data compression [1] «ជម្រើស cache មិនគាំទ្រការបង្ហាប់ទិន្នន័យទេ».", verify.Weak},
		{"en on km, negation kept", "តើជម្រើស cache គាំទ្រការបង្ហាប់ទិន្នន័យទេ?", "The cache option does not support data compression [1] «ជម្រើស cache មិនគាំទ្រការបង្ហាប់ទិន្នន័យទេ».", verify.Verified},
		{"en on uk, negation kept", "Чи змінює метод map() початковий масив?", "map() does not change the original array [1] «не змінює початковий масив».", verify.Verified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := askIn(t, c, tt.question, rewriteNone, func(string) string { return tt.reply })
			if len(res.Claims) != 1 || res.Claims[0].Support != tt.want {
				t.Fatalf("claims %+v (text %q, abstained %v), want one %s", res.Claims, res.Text, res.Abstained, tt.want)
			}
		})
	}
}
