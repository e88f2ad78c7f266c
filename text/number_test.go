package text

import (
	"strings"
	"testing"
)

func TestMissingFigure(t *testing.T) {
	for _, tc := range []struct {
		claim, evidence string
		missing         string // the figure reported, "" for none
	}{
		// The cases: scale words and numerals of other languages.
		{"Alipay has more than 1 billion users", "يبلغ عدد مستخدمي أليباي مليار مستخدم", ""},
		{"Alipay has more than 1 billion users", "يبلغ عدد مستخدمي أليباي أكثر من 1.1 مليار مستخدم", ""},
		{"Alipay has more than 2 billion users", "يبلغ عدد مستخدمي أليباي مليار مستخدم", "2 billion"},
		{"Tencent boasts 450 million users", "腾讯拥有4.5亿实名用户", ""},
		{"Tencent boasts 450 million users", "腾讯拥有4,5 億实名用户", ""},
		{"Tencent boasts 450 million users", "腾讯拥有四亿五千万用户", ""},
		{"Tencent boasts 45 million users", "腾讯拥有4.5亿实名用户", "45 million"},
		{"Tencent boasts 450 users", "腾讯拥有4.5亿实名用户", "450"},
		{"Tencent boasts 4.5 billion users", "腾讯拥有4.5亿实名用户", "4.5 billion"},
		{"le groupe vaut 1,5 milliard", "the group is worth 1.5 billion", ""},
		{"the group is worth 1.5 billion", "le groupe vaut 1,5 milliard d'euros", ""},
		{"the group is worth 1.5 billion", "die Gruppe ist 1,5 Milliarden wert", ""},
		{"the group is worth 1.5 billion", "die Gruppe ist 15 Milliarden wert", "1.5 billion"},
		{"450 million users", "٤٥٠ مليون مستخدم", ""},
		{"450 users", "４５０人", ""},
		{"1,000,000 copies", "1.000.000 Exemplare", ""},
		{"1,000,000 copies", "1 000 000 exemplaires", ""},
		{"1,000,000 copies", "un million d'exemplaires", ""},
		{"2,000,000 copies", "un million d'exemplaires", "2,000,000"},
		{"30% of users", "30 % des utilisateurs", ""},
		{"30% of users", "٣٠٪ من المستخدمين", ""},
		{"30% of users", "30 Prozent der Nutzer", ""},
		{"30% of users", "kullanıcıların %30'u", ""},
		{"30% of users", "百分之三十的用户", ""},
		{"30% of users", "30 users", "30%"},
		{"40% of users", "30 % des utilisateurs", "40%"},
		{"4.5 million people", "4,5 Millionen Menschen", ""},
		{"450 million people", "450 millones de personas", ""},
		{"450 million people", "450 миллионов человек", ""},
		{"2 million people", "два миллиона человек", ""},
		{"24 people", "vierundzwanzig Menschen", ""},
		{"24 people", "vingt-quatre personnes", ""},
		{"24 people", "أربعة وعشرون شخصا", ""},
		// Rounding a fair reader allows, and figures no reader would.
		{"about 450 million", "448 millions", ""},
		{"450", "45", "450"},
		{"2.435 mm", "1⁄2 inch", "2.435"},
		// A year, a decade, a century.
		{"in 2031 regulators acted", "en 2013, les régulateurs ont agi", "2031"},
		{"since the 1990s", "seit den 90er Jahren", ""},
		{"since the 1990s", "منذ التسعينيات", ""},
		{"in the 18th century", "au XVIIIe siècle, 18e siècle", ""},
		{"in the 18th century", "في القرن الثامن عشر", ""},
		{"the 20th century", "in the 1990s", ""},
		// Ranges share their scale and their percent.
		{"30 to 50 thousand", "30 000 à 50 000", ""},
		{"6% to 9%", "six to nine percent", ""},
		// Names, codes and months in numbers are no figures to check.
		{"COVID-19 spread", "la covid s'est répandue", ""},
		{"in 1961年7月", "in July 1961", ""},
		{"1961年8月", "1961年7月", "8"},
		{"version 1.6.0", "version 1.6.0", ""},
		{"version 1.6.1", "version 1.6.0", "1.6.1"},
		// Numbers a claim spells are not checked: "one of them".
		{"one of the founders", "l'un des fondateurs", ""},
		// Ranges in Greek, Hindi and Romanian share their scale.
		{"30 έως 50 χιλιάδες", "between 30000 and 50000", ""},
		{"30 से 50 हज़ार", "between 30000 and 50000", ""},
		{"de la 30 la 50 de mii", "between 30000 and 50000", ""},
		{"30 până la 50 de mii", "between 30000 and 50000", ""},
		{"7 to 10 percent", "7 έως 10 τοις εκατό", ""},
		{"40 έως 50 χιλιάδες", "between 30000 and 50000", "40"},
		// Roman numerals counting centuries or ranks, in capitals.
		{"in the 19th century", "en el siglo XIX", ""},
		{"in the 20th century", "в XX веке", ""},
		{"in the 18th century", "au XVIIIe siècle", ""},
		{"in the 5th century", "au Ve siècle", ""},
		{"in the 19th century", "în secolul al XIX-lea", ""},
		{"in the 19th century", "XIX. yüzyılda", ""},
		{"in the 18th century", "en el siglo XIX", "18th"},
		{"the 1990s", "в XX веке", "1990s"},
		{"Super Bowl 33", "Super Bowl XXXIII", ""},
		{"Louis 14", "Louis XIV", ""},
		{"Louis 14", "louis xiv", "14"},       // no capitals: words, not numerals
		{"in the 5th century", "au V", "5th"}, // one letter needs a century word
		{"2 guests", "VIP guests", "2"},       // a name that starts like a numeral
		{"8 years", "IIX years", "8"},         // not a numeral's standard form
		{"10 years", "VV years", "10"},
		// Ordinals in words, from CLDR's spell-out rules and Wiktionary.
		{"the 12th", "le douzième", ""},
		{"the 19th century", "le dix-neuvième siècle", ""},
		{"the 21st", "le vingt et unième", ""},
		{"the 12th", "el duodécimo", ""},
		{"the 13th", "la decimotercera", ""},
		{"the 21st", "el vigésimo primero", ""},
		{"the 12th", "der zwölfte", ""},
		{"the 19th", "des neunzehnten Jahrhunderts", ""},
		{"the 21st", "im einundzwanzigsten", ""},
		{"the 12th", "ο δωδέκατος", ""},
		{"the 13th", "του δέκατου τρίτου", ""},
		{"the 6th", "έκτη", ""},
		{"the 6th", "εκτός", "6th"}, // "except", not "sixth"
		{"the 12th", "двенадцатого", ""},
		{"the 21st", "в двадцать первом веке", ""},
		{"the 3rd", "третьего", ""},
		{"the 12th", "बारहवाँ", ""},
		{"the 19th century", "उन्नीसवीं सदी", ""},
		{"the 2nd", "दूसरी", ""},
		{"the 12th", "al doisprezecelea", ""},
		{"the 2nd", "a doua", ""},
		{"the 9th", "noua clădire", "9th"}, // "the new", no article before it
		{"the 12th", "on ikinci", ""},
		{"the 12th", "on the second day", "12th"}, // "on" is Turkish ten only before a Turkish unit
		{"the 11th", "القرن الحادي عشر", ""},
		{"the 21st", "القرن الحادي والعشرين", ""},
		{"the 12th", "الثانية عشر", ""},
		{"the 19th century", "القرنين الثامن عشر والتاسع عشر", ""},
		{"the 27th", "القرنين الثامن عشر والتاسع عشر", "27th"},
		{"the 12th", "第十二", ""},
		{"the 40th", "the fortieth", ""},
		{"the 13th", "le douzième", "13th"},
	} {
		f, ok := MissingFigure(tc.claim, []string{tc.evidence}, false)
		if got := map[bool]string{true: f.Text}[ok]; got != tc.missing {
			t.Errorf("MissingFigure(%q, %q) = %q, want %q", tc.claim, tc.evidence, got, tc.missing)
		}
	}
}

func TestFiguresRead(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []float64 // the first reading of each figure
		kind []FigureKind
	}{
		{"4亿5000万", []float64{4.5e8}, []FigureKind{Amount}},
		{"4억 5천만", []float64{4.5e8}, []FigureKind{Amount}},
		{"1,5 mil millones", []float64{1.5e9}, []FigureKind{Amount}},
		{"£30m", []float64{30e6}, []FigureKind{Amount}},
		{"ملياري دولار", []float64{2e9}, []FigureKind{Amount}},
		{"3:08", []float64{3, 8}, []FigureKind{Amount, Amount}},
		{"56,2٪", []float64{56.2}, []FigureKind{Percent}},
		{"37.6 พันล้าน", []float64{37.6e9}, []FigureKind{Amount}},
		{"37 milyondan fazla", []float64{37e6}, []FigureKind{Amount}},
		{"66 de milioane", []float64{66e6}, []FigureKind{Amount}},
		{"quatre-vingt-dix", []float64{90}, []FigureKind{Amount}},
		{"二〇一九年", []float64{2019}, []FigureKind{Amount}},
		{"millions of users", nil, nil},
		{"siglo XIX", []float64{19}, []FigureKind{Century}},
		{"Louis XIV", []float64{14}, []FigureKind{Amount}},
		{"XIX. Jahrhundert", []float64{19}, []FigureKind{Century}},
		{"le dix-neuvième siècle", []float64{19}, []FigureKind{Amount}},
	} {
		figs := Figures(tc.s)
		if len(figs) != len(tc.want) {
			t.Errorf("Figures(%q) = %d figures %+v, want %d", tc.s, len(figs), figs, len(tc.want))
			continue
		}
		for i, f := range figs {
			if f.readings[0].v != tc.want[i] || f.Kind != tc.kind[i] {
				t.Errorf("Figures(%q)[%d] = %v kind %d, want %v kind %d", tc.s, i, f.readings[0].v, f.Kind, tc.want[i], tc.kind[i])
			}
		}
	}
}

func FuzzFigures(f *testing.F) {
	for _, s := range []string{"450 million", "4.5亿", "1.000.000,5", "٣٠٪", "4억 5천만", "vierundzwanzig", "mil millones", "1 000 000", "%30", "百分之三十", "1990s", "18th century", "1.6.0", "1,,2", "9 9 9 9",
		"siglo XIX", "XVIIIe siècle", "secolul al XIX-lea", "XIX. yüzyıl", "Louis XIV", "IIX VV", "au Ve",
		"dix-neuvième", "vingt et unième", "decimotercera", "einundzwanzigsten", "δέκατου τρίτου", "έκτη",
		"двадцать первом", "बारहवाँ", "a doua", "on ikinci", "الحادي والعشرين", "30 έως 50 χιλιάδες",
		"30 से 50 हज़ार", "30 până la 50 de mii"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fig := range Figures(s) {
			if fig.Text == "" {
				t.Fatalf("Figures(%q): a figure without text", s)
			}
			if fig.Kind != Version && len(fig.readings) == 0 {
				t.Fatalf("Figures(%q): %q has no reading", s, fig.Text)
			}
			if !fig.In([]Figure{fig}) && !strings.ContainsAny(fig.Text, "\x00") {
				t.Fatalf("Figures(%q): %q does not state itself", s, fig.Text)
			}
			if fig.from >= fig.to {
				t.Fatalf("Figures(%q): %q spans no token", s, fig.Text)
			}
			// A numeral or a word is evidence, never a claim's figure to
			// check: only digits make one.
			if fig.Spelled && strings.ContainsFunc(fig.Text, func(r rune) bool { return r >= '0' && r <= '9' }) {
				t.Fatalf("Figures(%q): %q has digits yet is read as words", s, fig.Text)
			}
		}
		// A claim's roman numerals and ordinal words are never reported
		// missing: they are not figures a claim is held to.
		if f, ok := MissingFigure(s, nil, false); ok && f.Spelled {
			t.Fatalf("MissingFigure(%q): spelled %q reported", s, f.Text)
		}
		for r := range upperRomans(s) {
			if _, ok := romanValue(r); ok && strings.ToLower(r) != r {
				t.Fatalf("upperRomans(%q): %q not folded", s, r)
			}
		}
	})
}
