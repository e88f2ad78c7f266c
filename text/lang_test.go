package text

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The government believes that big tech companies have too much power over the data of their users.", "en"},
		{"english with Chinese names", "Alipay (支付寶) and Tencent (騰訊) were told by the regulators of the country that they must open their platforms to rivals.", "en"},
		{"french", "Le gouvernement chinois demande une ouverture des plateformes des géants technologiques, selon l’agence.", "fr"},
		{"german", "Die Regierung hat die Unternehmen aufgefordert, ihre Plattformen für die Konkurrenz zu öffnen, und das ist nicht neu.", "de"},
		{"spanish", "El gobierno ha pedido a las empresas que abran sus plataformas a los rivales, según la agencia y los reguladores.", "es"},
		{"italian", "Il governo ha chiesto alle aziende di aprire le loro piattaforme ai concorrenti, per la prima volta con questa forza.", "it"},
		{"arabic with Latin words", "أمرت الهيئات التنظيمية يوم الاثنين بإجراء تغييرات شاملة على Alipay ، أكبر تطبيق للدفع في البلاد، و Ant Group.", "ar"},
		{"persian", "دولت چین از شرکت‌های بزرگ فناوری خواسته است که پلتفرم‌های خود را برای رقبا باز کنند و این یک تغییر بزرگ است.", "fa"},
		{"chinese", "中国监管机构下令支付宝进行全面改革，要求其剥离利润丰厚的小额贷款业务。", "zh"},
		{"japanese", "中国の規制当局は、アリペイに対して大規模な変更を命じました。これは大きなニュースです。", "ja"},
		{"korean", "중국 규제 당국은 알리페이에 대대적인 변화를 명령했습니다.", "ko"},
		{"russian", "Китайские регуляторы потребовали от Alipay выделить бизнес микрозаймов.", "ru"},
		{"greek", "Οι κινεζικές αρχές ζήτησαν από την εταιρεία να αλλάξει.", "el"},
		{"names only", "Alipay Tencent Alibaba WeChat Baidu Huawei Xiaomi ByteDance", "und"},
		{"no letters", "12 345 — 67.8 %", "und"},
		{"empty", "", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectLanguageSamplesLongText(t *testing.T) {
	// Past the sample only the start counts, and a cut inside a rune must
	// not matter.
	text := strings.Repeat("é", langSample/2-1) + "x" + strings.Repeat("ü", 10) + strings.Repeat(" the of and", 1000)
	if got := DetectLanguage(text); got != "und" {
		t.Errorf("got %q, want und from a sample of accented letters alone", got)
	}
}
