package text

import "testing"

func TestGuessLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"How many users does Alipay have?", "en"},
		{"Quelles entreprises étaient présentes à la réunion de vendredi ?", "fr"},
		{"Qui est Liu Xu ?", "fr"},
		{"Pourquoi l'ouverture de Tencent est-elle progressive ?", "fr"},
		{"كم عدد مستخدمي Alipay؟", "ar"},
		{"支付寶", "zh"},
		{"Wie viele Nutzer hat Alipay?", "de"},
		{"Quantos usuários tem o Alipay?", "pt"},
		{"كم عدد مستخدمي Alipay و WeChat Pay؟", "ar"},
		{"Alipay", "en"},
		{"12345", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := GuessLanguage(tt.text); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
