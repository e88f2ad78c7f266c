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
