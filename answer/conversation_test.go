package answer

import "testing"

// The follow-up rules per language: a question that points back, opens as
// an ellipsis or names nothing of its own continues the conversation; one
// that names what it asks about stands alone, whatever its length.
func TestFollowUp(t *testing.T) {
	tests := []struct {
		lang, q string
		want    bool
	}{
		// English
		{"en", "Does he still run the company today?", true},
		{"en", "Who is its parent company?", true},
		{"en", "And Tencent?", true},
		{"en", "What about the users of WeChat in the whole of China?", true},
		{"en", "How many were sent?", true},
		{"en", "How many were sent over the Lunar New Year?", false}, // names something it can be searched by
		{"en", "Why?", true},
		{"en", "Who founded Ant Group?", false},
		{"en", "What did the Forrester analyst say about late arrivals?", false},
		{"en", "What is kube-public for?", false},
		// French
		{"fr", "Que se passe-t-il s'ils échouent ?", true},
		{"fr", "Et pendant la pandémie ?", true},
		{"fr", "Comment se fait leur ouverture ?", true},
		{"fr", "Qu'en est-il des utilisateurs ?", true},
		{"fr", "Combien de namespaces initiaux crée Kubernetes ?", false},
		{"fr", "Quel exemple de problème causé par le blocage mutuel cite Liu ?", false},
		// Arabic: attached pronouns, the conjunction و before a question word
		{"ar", "كم عدد مستخدميه؟", true},
		{"ar", "ما هي الشركة الأم له؟", true},
		{"ar", "ماذا حدث لإطلاقها في سوق الأوراق المالية؟", true},
		{"ar", "وماذا عن الروابط؟", true},
		{"ar", "لماذا أمرت الهيئات التنظيمية في الصين بتغييرات على Alipay؟", false},
		// Chinese
		{"zh", "什么时候应该使用它？", true},
		{"zh", "那 DNS 条目是什么形式？", true},
		{"zh", "节点在其中吗？", true},
		{"zh", "还有腾讯呢？", true},
		{"zh", "Kubernetes 会创建哪些初始名字空间？", false},
		// German, Spanish, Russian, Japanese, Portuguese
		{"de", "Wer hat sie gegründet?", true},
		{"de", "Und was sagt die Regierung?", true},
		{"de", "Wer hat Ant Group gegründet?", false},
		{"es", "¿Quién la fundó y cuándo lo hizo?", true},
		{"es", "¿Quién fundó Ant Group?", false},
		{"ru", "Кто его основал?", true},
		{"ru", "Кто основал Ant Group?", false},
		{"ja", "それはいつ始まりましたか？", true},
		{"ja", "Ant Group を設立したのは誰ですか？", false},
		{"pt", "Quem a fundou e quando isso aconteceu?", true},
		{"pt", "Quem fundou a Ant Group?", false},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.q, func(t *testing.T) {
			if got := followUp(tt.q, tt.lang); got != tt.want {
				t.Errorf("followUp(%q, %s) = %v, want %v", tt.q, tt.lang, got, tt.want)
			}
		})
	}
}

func TestParseStandalone(t *testing.T) {
	tests := []struct{ reply, want string }{
		{"q: Who founded Ant Group?\nen: Ant Group founder", "Who founded Ant Group?"},
		{"- **Q**: « Qui a fondé Ant Group ? »\nfr: fondateur", "Qui a fondé Ant Group ?"},
		{"q：蚂蚁集团的创始人是谁？", "蚂蚁集团的创始人是谁？"},
		{"en: Ant Group founder", ""},
		{"q:   \nen: x", ""},
	}
	for _, tt := range tests {
		if got := parseStandalone(tt.reply); got != tt.want {
			t.Errorf("parseStandalone(%q) = %q, want %q", tt.reply, got, tt.want)
		}
	}
}
