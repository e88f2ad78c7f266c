package verify

import "testing"

// A reply that says the passages are silent is a decline, in the
// languages of the eighth adversarial round (Persian, Ukrainian, Hebrew)
// as a model words it; a sentence of an answer in them, which says what
// a thing does not do, is not.
func TestSaysNoAnswerRoundEight(t *testing.T) {
	for _, tt := range []struct {
		reply string
		want  bool
	}{
		{"اسناد به این موضوع نمی\u200cپردازند.", true},
		{"اسناد به این موضوع نمی پردازند.", true},
		{"در اسناد به سخنگوی وزارتخانه اشاره نشده است.", true},
		{"هیچ اطلاعاتی درباره سخنگو در اسناد نیست.", true},
		{"در مستندات نیامده است که سخنگو کیست.", true},
		{"У наведених уривках про речника нічого не сказано.", true},
		{"На жаль, у документах не вказано, хто є речником.", true},
		{"У фрагментах не йдеться про речника міністерства.", true},
		{"המסמכים לא מציינים מי הוא דובר המשרד.", true},
		{"לא נמצא מידע על כך במסמכים.", true},
		{"אין במסמכים מידע על דובר המשרד.", true},
		{"המסמכים אינם עוסקים בנושא זה.", true},
		{"הקטעים שסופקו אינם כוללים מידע על דובר המשרד.", true},
		// Answers.
		{"ری\u200cاکت چندین به\u200cروزرسانی state را دسته\u200cبندی می\u200cکند و یک بار رندر می\u200cکند.", false},
		{"سینتکس کوتاه Fragment به شما اجازه نمی\u200cدهد که کلیدی را ارسال کنید.", false},
		{"Якщо ключ не вказано, React використовує індекс елемента.", false},
		{"useId не має використовуватися для генерації ключів у списках.", false},
		{"אם לא מצוין אחרת, Prettier משתמש ברווחים.", false},
		{"התוסף אינו כולל את Safari.", false},
	} {
		if got := SaysNoAnswer(tt.reply); got != tt.want {
			t.Errorf("SaysNoAnswer(%q) = %v, want %v", tt.reply, got, tt.want)
		}
	}
}

// Round ten: Indonesian, Japanese and Korean declines as models word them,
// about what the documents say; answers in those languages that say what a
// thing does not do are no declines. Before, each decline beside an answer
// was marked ❔ as an uncited claim.
func TestSaysNoAnswerRoundTen(t *testing.T) {
	for _, tt := range []struct {
		reply string
		want  bool
	}{
		{"Dokumen tidak menyebutkan versi React yang dibutuhkan.", true},
		{"Dokumentasi tidak menjelaskan cara memasang React di Safari.", true},
		{"Tidak ada informasi tentang harga langganan dalam dokumen.", true},
		{"Saya tidak menemukan informasi tersebut dalam bagian yang diberikan.", true},
		{"Bagian-bagian tersebut tidak membahas rendering di server.", true},
		{"ドキュメントにはサーバーレンダリングについての記載はありません。", true},
		{"提供された文書には、その情報は記載されていません。", true},
		{"資料ではこの点について言及されていません。", true},
		{"문서에는 서버 렌더링에 대한 정보가 없습니다.", true},
		{"제공된 문서에서는 가격이 언급되어 있지 않습니다.", true},
		{"해당 내용은 문서에서 찾을 수 없습니다.", true},
		// Answers.
		{"State tidak dibagi antar komponen.", false},
		{"Jika key tidak disebutkan, React memakai indeks elemen.", false},
		{"useState は state を共有しません。", false},
		{"키가 없으면 React는 인덱스를 사용합니다.", false},
		{"이 훅은 서버에서 실행되지 않습니다.", false},
	} {
		if got := SaysNoAnswer(tt.reply); got != tt.want {
			t.Errorf("SaysNoAnswer(%q) = %v, want %v", tt.reply, got, tt.want)
		}
	}
}
