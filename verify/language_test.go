package verify

import "testing"

func TestOtherLanguage(t *testing.T) {
	tests := []struct {
		name, answer, want, got string
	}{
		{"English to a French reader", "The ministry asked the companies to stop blocking the links of the other sites [1].", "fr", "en"},
		{"French to a French reader", "Le ministère a demandé aux entreprises d'arrêter de bloquer les liens des autres sites [1].", "fr", ""},
		{"French quoting English", "Selon le passage, “the ministry asked the companies to stop blocking the links of the others” [1].", "fr", ""},
		{"French quoting English in guillemets", "Le passage dit « the ministry asked the companies to stop blocking all of the links » [1].", "fr", ""},
		{"a quote within a quote", "Le passage dit “the ministry said “stop” to all of the companies and the others” [1].", "fr", ""},
		{"a short answer", "Yes, in 2021 [1].", "fr", ""},
		{"names only", "Alibaba, Tencent, ByteDance, Baidu, Huawei [1].", "de", ""},
		{"code", "Lancez la commande [1] :\n\n```sh\n# install the chart from the repository of the team\nhelm install my-release ./chart --set the.value=of\n```", "fr", ""},
		{"inline code and links", "Utilisez `helm install --set the.value=of the.key` [1], voir https://helm.sh/docs/intro/using_helm/ [2].", "fr", ""},
		{"marks", "⚠¹ The ministry asked the companies to stop blocking the links of the other sites [1].", "fr", "en"},
		{"Chinese to an English reader", "工业和信息化部要求科技公司停止屏蔽其他网站的链接 [1]。", "en", "zh"},
		{"Chinese to a reader of traditional characters", "工业和信息化部要求科技公司停止屏蔽其他网站的链接 [1]。", "zh-Hant", ""},
		{"English to an Arabic reader", "The ministry asked the companies to stop blocking the links of the other sites [1].", "ar", "en"},
		{"Persian to an Arabic reader", "وزارت از شرکت\u200cها خواست که مسدود کردن پیوندهای سایت\u200cهای دیگر را متوقف کنند [1].", "ar", ""},
		{"Bulgarian to a Russian reader", "Министерството поиска от компаниите да спрат да блокират връзките към другите сайтове [1].", "ru", ""},
		{"Serbian without its letters to a Serbian reader", "Проверите ове реченице у изворима [1].", "sr", ""},
		// To a Ukrainian reader the detector reads Ukrainian as Ukrainian,
		// і or not, unless Russian's letters or words say otherwise; nor
		// does it read Serbian (ј) as Ukrainian (і): each is another
		// language to the other's reader.
		{"Ukrainian without і to a Ukrainian reader", "Нова розмова: наступне запитання почнеться з чистого аркуша [1].", "uk", ""},
		{"Russian to a Ukrainian reader", "Министерство попросило компании прекратить блокировать ссылки на другие сайты [1].", "uk", "ru"},
		{"Ukrainian to a Russian reader", "Міністерство попросило компанії припинити блокувати посилання на інші сайти [1].", "ru", "uk"},
		{"Serbian to a Ukrainian reader", "Министарство је затражило од компанија да престану да блокирају везе других сајтова [1].", "uk", "sr"},
		{"Ukrainian to a Serbian reader", "Міністерство попросило компанії припинити блокувати посилання на інші сайти [1].", "sr", "uk"},
		{"Danish to a Norwegian reader", "Ministeriet bad virksomhederne om at stoppe med at blokere for links til de andre sider [1].", "nb", ""},
		{"Vietnamese to an English reader", "Hook useState trả về một cặp giá trị: biến state và hàm setter để cập nhật nó [1].", "en", "vi"},
		{"Spanish to a Polish reader", "El ministerio pidió a las empresas que dejaran de bloquear los enlaces de los otros sitios [1].", "pl", ""},
		{"English to a Polish reader", "The ministry asked the companies to stop blocking the links of the other sites [1].", "pl", "en"},
		{"no reader's language", "The ministry asked the companies to stop blocking the links of the other sites [1].", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OtherLanguage(tt.answer, tt.want); got != tt.got {
				t.Errorf("OtherLanguage(%q, %q) = %q, want %q (prose %q)", tt.answer, tt.want, got, tt.got, ownProse(tt.answer))
			}
		})
	}
}

// ownStopwords and accentedWords count text.Words' words: an apostrophe
// between letters stays in a word ("don't"), quotes around one do not
// ('the'), and a letter written with a combining mark (NFD) is beyond
// ASCII.
func TestLanguageWordCounts(t *testing.T) {
	for _, tc := range []struct {
		p, got, want string
		n            int
	}{
		{"don't stop the links", "en", "fr", 2}, // don't, the
		{"'the' and 'of'", "en", "fr", 3},
		{"l'eau et le vin", "fr", "en", 2}, // et, le; not l'eau
	} {
		if n := ownStopwords(tc.p, tc.got, tc.want); n != tc.n {
			t.Errorf("ownStopwords(%q, %s, %s) = %d, want %d", tc.p, tc.got, tc.want, n, tc.n)
		}
	}
	for _, tc := range []struct {
		p string
		n int
	}{
		{"Hook useState trả về một cặp giá trị", 6},
		{"tra\u0309 ve\u0302\u0300 mo\u0323\u0302t", 3}, // decomposed: letters and their marks
		{"state 2021 setter", 0},
	} {
		if n := accentedWords(tc.p); n != tc.n {
			t.Errorf("accentedWords(%q) = %d, want %d", tc.p, n, tc.n)
		}
	}
}
