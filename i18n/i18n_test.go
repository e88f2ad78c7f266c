package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"corpusbot/text"
)

// verbRE matches a format verb: %%, or % with an optional argument index,
// flags, width and precision, and its letter.
var verbRE = regexp.MustCompile(`%(?:%|(\[\d+\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z]))`)

// verbs lists a format's verbs as "argument:verb", sorted, so that formats
// that take their arguments in another order compare equal.
func verbs(format string) []string {
	var out []string
	arg := 0
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		if m[1] != "" {
			fmt.Sscanf(m[1], "[%d]", &arg)
		} else {
			arg++
		}
		out = append(out, fmt.Sprintf("%d:%s", arg, m[2]))
	}
	slices.Sort(out)
	return out
}

func TestEveryKeyInEveryLanguage(t *testing.T) {
	for k := range numKeys {
		for _, l := range languages {
			if strings.TrimSpace(texts[k][l]) == "" {
				t.Errorf("message %d has no %s text", k, l)
			}
		}
		if len(texts[k]) != len(languages) {
			t.Errorf("message %d has %d languages, want %d: a language the catalogue does not list", k, len(texts[k]), len(languages))
		}
	}
	for c := range numCountKeys {
		for _, l := range languages {
			if counts[c][l][plural.Other] == "" {
				t.Errorf("count %d has no %s form for other", c, l)
			}
		}
		if len(counts[c]) != len(languages) {
			t.Errorf("count %d has %d languages, want %d", c, len(counts[c]), len(languages))
		}
	}
}

func TestFormatVerbsMatchEnglish(t *testing.T) {
	for k := range numKeys {
		want := verbs(texts[k][English])
		for _, l := range languages {
			s := texts[k][l]
			if got := verbs(s); !slices.Equal(got, want) {
				t.Errorf("message %d in %s has verbs %v, English %v: %q", k, l, got, want, s)
			}
			if s != strings.TrimSpace(s) {
				t.Errorf("message %d in %s has space around it: %q", k, l, s)
			}
		}
	}
	for c := range numCountKeys {
		for l, fs := range counts[c] {
			for f, s := range fs {
				// The number, or nothing ("one question").
				if got := verbs(s); len(got) > 1 || len(got) == 1 && got[0] != "1:d" {
					t.Errorf("count %d in %s (form %v) has verbs %v, want only the number: %q", c, l, f, got, s)
				}
			}
		}
	}
}

// TestFormsAreReachable catches a form a language's plural rules never
// choose (a "few" given to French is a typo), and checks that every form
// they do choose for counts up to a million reads well formatted.
func TestFormsAreReachable(t *testing.T) {
	ns := []int{1000, 10000, 100000, 1000000}
	for n := range 1000 {
		ns = append(ns, n)
	}
	for c := range numCountKeys {
		for l, fs := range counts[c] {
			reached := map[plural.Form]bool{plural.Other: true}
			for _, n := range ns {
				reached[pluralForm(l, n)] = true
				if s := Count(l, c, n); strings.Contains(s, "%!") {
					t.Errorf("Count(%s, %d, %d) = %q", l, c, n, s)
				}
			}
			for f := range fs {
				if !reached[f] {
					t.Errorf("count %d in %s has form %v, which %s never uses", c, l, f, l)
				}
			}
		}
	}
}

func TestNoPluralShortcuts(t *testing.T) {
	for k := range numKeys {
		for _, l := range languages {
			if s := texts[k][l]; strings.Contains(s, "(s)") || strings.Contains(s, "(e)s") || strings.Contains(s, "(en)") {
				t.Errorf("message %d in %s writes a plural by shortcut: %q", k, l, s)
			}
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		lang string
		c    CountKey
		n    int
		want string
	}{
		{"en", Seconds, 1, "1 second"},
		{"en", Seconds, 30, "30 seconds"},
		{"en", QuestionsAhead, 1, "⏳ One question is ahead of yours; I'll answer as soon as I can."},
		{"en", QuestionsAhead, 3, "⏳ 3 questions are ahead of yours; I'll answer as soon as I can."},
		{"fr", Minutes, 1, "1 minute"},
		{"fr", Minutes, 2, "2 minutes"},
		{"de", Seconds, 1, "1 Sekunde"},
		{"de", Seconds, 45, "45 Sekunden"},
		{"ru", Seconds, 1, "1 секунду"},
		{"ru", Seconds, 3, "3 секунды"},
		{"ru", Seconds, 5, "5 секунд"},
		{"ru", Seconds, 11, "11 секунд"},
		{"ru", Seconds, 21, "21 секунду"},
		{"ru", Seconds, 22, "22 секунды"},
		{"ru", Seconds, 112, "112 секунд"},
		{"ar", Minutes, 1, "دقيقة واحدة"},
		{"ar", Minutes, 2, "دقيقتين"},
		{"ar", Minutes, 3, "3 دقائق"},
		{"ar", Minutes, 11, "11 دقيقة"},
		{"ar", Minutes, 100, "100 دقيقة"},
		{"ar", Documents, 5, "5 وثائق"},
		{"ar", MoreDocuments, 1, "…ووثيقة أخرى: اكتب جزءًا أطول من العنوان."},
		{"ar", MoreDocuments, 2, "…ووثيقتان أخريان: اكتب جزءًا أطول من العنوان."},
		{"ar", MoreDocuments, 4, "…و4 وثائق أخرى: اكتب جزءًا أطول من العنوان."},
		{"ar", MoreDocuments, 12, "…و12 وثيقة أخرى: اكتب جزءًا أطول من العنوان."},
		{"ja", Seconds, 1, "1秒"},
		{"zh-Hant", Documents, 2, "2 份文件"},
		{"pt", Documents, 2, "2 documentos"},
		{"xx", Seconds, 2, "2 seconds"}, // not in the catalogue: English
		{"en", Words, 9999, "9999 words"},
		{"en", Words, 12345, "12,345 words"},
		{"de", Words, 1234567, "1.234.567 Wörter"},
		{"fr", Words, 20000, "20\u202f000 mots"},
		{"ru", Words, 10001, "10\u00a0001 слово"},
		{"ja", Words, 50000, "50,000語"},
		{"uk", Minutes, 1, "1 хвилину"},
		{"uk", Minutes, 3, "3 хвилини"},
		{"uk", Minutes, 11, "11 хвилин"},
		{"uk", Minutes, 21, "21 хвилину"},
		{"pl", Seconds, 1, "1 sekundę"},
		{"pl", Seconds, 22, "22 sekundy"},
		{"pl", Seconds, 12, "12 sekund"},
		{"pl", Seconds, 21, "21 sekund"},
		{"cs", Documents, 1, "1 dokument"},
		{"cs", Documents, 4, "4 dokumenty"},
		{"cs", Documents, 5, "5 dokumentů"},
		{"hr", Documents, 21, "21 dokument"},
		{"hr", Documents, 23, "23 dokumenta"},
		{"hr", Documents, 11, "11 dokumenata"},
		{"lt", Words, 1, "1 žodis"},
		{"lt", Words, 9, "9 žodžiai"},
		{"lt", Words, 10, "10 žodžių"},
		{"lt", Words, 19, "19 žodžių"},
		{"lt", Words, 21, "21 žodis"},
		{"ro", Minutes, 1, "1 minut"},
		{"ro", Minutes, 19, "19 minute"},
		{"ro", Minutes, 20, "20 de minute"},
		{"ro", Minutes, 101, "101 minute"},
		{"fi", Seconds, 30, "30 sekunnin"},
		{"fi", Documents, 1, "1 asiakirja"},
		{"fi", Documents, 2, "2 asiakirjaa"},
		{"tr", Seconds, 30, "30 saniye"},
		{"hu", Words, 2, "2 szó"},
		{"ko", Seconds, 30, "30초"},
		{"th", Documents, 3, "เอกสาร 3 ฉบับ"},
		{"bg", Passages, 5, "5 откъса"},
		{"el", Passages, 1, "1 απόσπασμα"},
		{"hi", Words, 123456, "1,23,456 शब्द"},
		{"hi", Words, 12345678, "1,23,45,678 शब्द"},
		{"nb", Words, 20000, "20\u00a0000 ord"},
		{"it", Words, 20000, "20.000 parole"},
		{"ko", Words, 20000, "20,000단어"},
	}
	for _, tt := range tests {
		if got := Count(tt.lang, tt.c, tt.n); got != tt.want {
			t.Errorf("Count(%s, %d, %d) = %q, want %q", tt.lang, tt.c, tt.n, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		lang string
		k    Key
		args []any
		want string
	}{
		{"en", NotCovered, nil, "The corpus does not cover this."},
		{"de", Nearest, nil, "Die ähnlichsten Dokumente"},
		{"pt", ShowPassage, []any{2}, "Ver trecho [2]"},
		{"ru", SeveralDocs, []any{"отчёт", Count("ru", Documents, 5)}, "Под «отчёт» подходят 5 документов. Какой из них нужен? Запустите `/summary` ещё раз с его ID (он подставляется при вводе):"},
		{"en", SeveralDocs, []any{"report", Count("en", Documents, 3)}, "3 documents match “report”. Which one? Run `/summary` again with its ID (it autocompletes as you type):"},
		{"ko", Sources, nil, "출처"},
		{"pl", ShowPassage, []any{2}, "Pokaż fragment [2]"},
		{"nb", SeveralDocs, []any{"rapport", Count("nb", Documents, 3)}, "3 dokumenter passer til «rapport». Hvilket mener du? Kjør `/summary` på nytt med ID-en (den fylles ut automatisk mens du skriver):"},
		{"he", NotCovered, nil, "המסמכים אינם עוסקים בנושא הזה."},
		{"fa", NotCovered, nil, "اسناد به این موضوع نمی\u200cپردازند."},
		{"ka", NotCovered, nil, "დოკუმენტები ამ თემას არ ეხება."},
		{"ur", NotCovered, nil, "دستاویزات میں اس موضوع کا ذکر نہیں ہے۔"},
		{"lo", NotCovered, nil, "ເອກະສານບໍ່ໄດ້ກ່າວເຖິງເລື່ອງນີ້"},
		{"xx", NotCovered, nil, "The corpus does not cover this."}, // not in the catalogue: English
		{"", Sources, nil, "Sources"},
	}
	for _, tt := range tests {
		if got := Text(tt.lang, tt.k, tt.args...); got != tt.want {
			t.Errorf("Text(%s, %d) = %q, want %q", tt.lang, tt.k, got, tt.want)
		}
	}
}

func TestFromLocale(t *testing.T) {
	tests := map[string]string{
		// Discord's locales, every one
		"id": "id", "da": "da", "de": "de", "en-GB": "en", "en-US": "en", "es-ES": "es", "es-419": "es",
		"fr": "fr", "hr": "hr", "it": "it", "lt": "lt", "hu": "hu", "nl": "nl", "no": "nb", "pl": "pl",
		"pt-BR": "pt", "ro": "ro", "fi": "fi", "sv-SE": "sv", "vi": "vi", "tr": "tr", "cs": "cs",
		"el": "el", "bg": "bg", "ru": "ru", "uk": "uk", "hi": "hi", "th": "th", "zh-CN": "zh",
		"ja": "ja", "zh-TW": "zh-Hant", "ko": "ko", "": "",
		// BCP 47 and POSIX
		"zh-Hant": "zh-Hant", "zh-Hant-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-Hans": "zh", "zh": "zh",
		"ar-EG": "ar", "de_DE.UTF-8": "de", "pt_PT": "pt", "C": "", "POSIX": "", "C.UTF-8": "",
		"DE": "de", " fr-CA ": "fr", "nb-NO": "nb", "nb_NO.UTF-8": "nb", "nn-NO": "nb", "in_ID": "id",
		"sv_FI": "sv", "ko-KR": "ko", "he-IL": "he", "sr": "sr", "fa": "fa", "fa-IR": "fa", "ka-GE": "ka", "lo-LA": "lo", "km": "km", "my-MM": "my", "xx-YY": "", "nbx": "",
	}
	for in, want := range tests {
		if got := FromLocale(in); got != want {
			t.Errorf("FromLocale(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReply(t *testing.T) {
	tests := []struct {
		name      string
		question  string
		fallbacks []string
		want      string
	}{
		{"arabic with latin brands", "لماذا أُمرت Alipay التابعة لـ Ant Group بفصل أعمال القروض الصغيرة؟", []string{"en-US"}, "ar"},
		{"german", "Warum muss Alipay das Geschäft mit Kleinkrediten abspalten?", []string{"en-US"}, "de"},
		{"portuguese", "Por que o Alipay foi obrigado a separar o negócio de microcrédito?", []string{"en-US"}, "pt"},
		{"portuguese what-is, english client", "O que é o Alipay?", []string{"en-US"}, "pt"},
		{"spanish", "¿Por qué tuvo Alipay que separar su negocio de microcréditos?", nil, "es"},
		{"russian", "Почему Alipay обязали выделить бизнес микрокредитов?", []string{"en-US"}, "ru"},
		{"japanese", "アリペイはなぜ小口融資事業の分離を命じられたのですか？", nil, "ja"},
		{"simplified chinese", "为什么支付宝被要求拆分小额贷款业务？", []string{"zh-TW"}, "zh"},
		{"traditional chinese", "為什麼支付寶被要求拆分小額貸款業務？", []string{"zh-CN"}, "zh-Hant"},
		{"one word, german locale", "Alipay", []string{"de"}, "de"},
		{"one word, portuguese locale", "Kredite", []string{"pt-BR"}, "pt"},
		{"one word, no locale", "Alipay", nil, "en"},
		{"one word, server locale only", "Alipay", []string{"", "fr"}, "fr"},
		{"the user's locale before the server's", "Alipay", []string{"es-ES", "fr"}, "es"},
		{"a locale the catalogue lacks", "Alipay", []string{"xx", "ru"}, "ru"},
		{"hebrew is in the catalogue", "למה נדרשה עליפיי להפריד את עסקי ההלוואות הקטנות?", []string{"pt-BR"}, "he"},
		{"persian is in the catalogue", "چرا علی\u200cپی باید کسب\u200cوکار وام خرد خود را جدا می\u200cکرد؟", []string{"pt-BR"}, "fa"},
		{"georgian is in the catalogue", "რატომ მოუწია Alipay-ს მიკროსესხების ბიზნესის გამოყოფა?", []string{"pt-BR"}, "ka"},
		// tar, said twice, is an Irish stopword ("come"); mengapa ("why")
		// Indonesian's one: the reply was Irish, for an Indonesian reader too.
		{"a repeated topic word, indonesian locale", "Mengapa perintah tar dinamai tar?", []string{"id"}, "id"},
		{"a repeated topic word, no locale", "Mengapa perintah tar dinamai tar?", nil, "id"},
		{"lao is in the catalogue", "ເປັນຫຍັງ Alipay ຕ້ອງແຍກທຸລະກິດເງິນກູ້ຂະໜາດນ້ອຍອອກ?", []string{"pt-BR"}, "lo"},
		{"khmer is in the catalogue", "ហេតុអ្វីបានជា Alipay ត្រូវបំបែកអាជីវកម្មឥណទានខ្នាតតូច?", []string{"pt-BR"}, "km"},
		{"burmese is in the catalogue", "Alipay က ဘာကြောင့် အသေးစားချေးငွေလုပ်ငန်းကို ခွဲထုတ်ရသလဲ။", []string{"pt-BR"}, "my"},
		{"bengali is in the catalogue", "Alipay-কে কেন তার ক্ষুদ্রঋণ ব্যবসা আলাদা করতে হয়েছিল?", []string{"pt-BR"}, "bn"},
		{"tamil is in the catalogue", "Alipay ஏன் அதன் சிறுகடன் வணிகத்தைப் பிரிக்க வேண்டியிருந்தது?", []string{"pt-BR"}, "ta"},
		{"urdu is in the catalogue", "علی پے کو اپنا چھوٹے قرضوں کا کاروبار الگ کیوں کرنا پڑا؟", []string{"pt-BR"}, "ur"},
		{"serbian is in the catalogue", "Зашто је Alipay морао да издвоји посао са микрокредитима?", []string{"pt-BR"}, "sr"},
		{"armenian is in the catalogue", "Ինչու՞ Alipay-ը ստիպված էր առանձնացնել միկրովարկերի բիզնեսը։", []string{"pt-BR"}, "hy"},
		{"korean", "알리페이는 왜 소액 대출 사업을 분리하라는 명령을 받았나요?", []string{"en-US"}, "ko"},
		{"ukrainian", "Чому Alipay зобов'язали виділити бізнес мікрокредитів?", []string{"ru"}, "uk"},
		{"italian", "Perché Alipay è stata costretta a scorporare il credito?", []string{"pt-BR"}, "it"},
		{"turkish", "Alipay neden mikro kredi işini ayırmak zorunda kaldı?", nil, "tr"},
		{"vietnamese", "Tại sao Alipay bị yêu cầu tách mảng cho vay vi mô?", nil, "vi"},
		{"indonesian", "Mengapa Alipay diperintahkan untuk memisahkan bisnis pinjaman mikro?", nil, "id"},
		{"hindi", "अलीपे को सूक्ष्म ऋण कारोबार अलग करने का आदेश क्यों दिया गया?", []string{"en-US"}, "hi"},
		{"thai", "ทำไม Alipay ถูกสั่งให้แยกธุรกิจสินเชื่อรายย่อย", nil, "th"},
		{"swedish", "Varför tvingades Alipay att knoppa av sin verksamhet med mikrolån?", nil, "sv"},
		{"norwegian, detected as no", "Hvorfor ble Alipay pålagt å skille ut virksomheten med mikrolån?", nil, "nb"},
		{"finnish", "Miksi Alipay määrättiin erottamaan mikrolainaliiketoimintansa?", nil, "fi"},
		{"greek", "Γιατί η Alipay υποχρεώθηκε να διαχωρίσει τις μικροπιστώσεις;", nil, "el"},
		{"romanian", "De ce a fost obligată Alipay să separe afacerea cu microcredite?", nil, "ro"},
		{"hungarian", "Miért kellett az Alipaynek leválasztania a mikrohitel-üzletágát?", nil, "hu"},
		{"one word, ukrainian locale", "Alipay", []string{"uk"}, "uk"},
		{"one word, norwegian locale", "Alipay", []string{"no"}, "nb"},
		{"one word, swedish locale", "Alipay", []string{"sv-SE"}, "sv"},
		// Danish and Norwegian, and Bulgarian and Russian, are close: the
		// asker's locale settles what the detector confuses.
		{"danish, danish locale", "Hvorfor blev Alipay pålagt at udskille sin forretning med mikrolån?", []string{"da"}, "da"},
		{"danish, no locale", "Hvorfor blev Alipay pålagt at udskille sin forretning med mikrolån?", nil, "da"},
		{"bulgarian, bulgarian locale", "Защо Alipay беше задължена да отдели бизнеса с микрокредити?", []string{"bg"}, "bg"},
		{"russian, bulgarian server", "Почему Alipay обязали выделить бизнес микрокредитов?", []string{"ru", "bg"}, "ru"},
		// So are Serbian without ђ ћ џ љ њ ј and Russian, Urdu and Persian
		// or Arabic, whatever the reader (text.Confusable): the locale
		// settles them too, at the price Bulgarian's already paid: a
		// Russian question from a Serbian client is answered in Serbian.
		{"serbian without its letters, serbian locale", "Шта ради ова команда?", []string{"sr"}, "sr"},
		{"serbian without its letters, no locale", "Шта ради ова команда?", nil, "ru"},
		{"urdu read as persian, urdu locale", "قریب ترین دستاویزات؟", []string{"ur_PK.UTF-8"}, "ur"},
		{"persian read as arabic, persian locale", "منابع؟", []string{"fa_IR.UTF-8"}, "fa"},
		{"russian, serbian locale", "Почему Alipay обязали выделить бизнес микрокредитов?", []string{"sr"}, "sr"},
		// Polish, Czech, Croatian and Lithuanian, which it once could not name.
		{"polish", "Dlaczego Alipay musiało wydzielić działalność mikropożyczek?", []string{"pl"}, "pl"},
		{"czech", "Proč musela společnost Alipay oddělit podnikání s mikroúvěry?", []string{"cs"}, "cs"},
		{"croatian", "Zašto je Alipay morao izdvojiti poslovanje s mikrokreditima?", []string{"hr"}, "hr"},
		{"croatian, croatian server", "Zašto je Alipay morao izdvojiti poslovanje s mikrokreditima?", []string{"en-US", "hr"}, "hr"},
		{"lithuanian", "Kodėl Alipay buvo įpareigota atskirti mikrokreditų verslą?", []string{"lt"}, "lt"},
		{"english in a polish client", "Why was Alipay told to spin off its micro-loan business?", []string{"pl"}, "en"},
		{"german, german client, polish server", "Warum muss Alipay das Geschäft mit Kleinkrediten abspalten?", []string{"de", "pl"}, "de"},
		{"figures only", "2021?", []string{"ja"}, "ja"},
		// A word or two tells no language by its spelling alone: the
		// detector named "cache" French and "max-age" English, and
		// "/briefing topic:cache HTTP" from an English client on an
		// Italian tree was framed in French (round four). A function word
		// or a letter of its own still tells.
		{"a word, english client", "cache", []string{"en-US"}, "en"},
		{"two words, italian client", "Doctrine cache", []string{"it"}, "it"},
		{"a topic and a name, english client", "cache HTTP", []string{"en-US"}, "en"},
		{"a hyphenated word, italian client", "max-age", []string{"it"}, "it"},
		{"two words with a function word", "Pourquoi Alipay?", []string{"en-US"}, "fr"},
		{"a word in its own script", "Почему?", []string{"en-US"}, "ru"},
		// A Cyrillic word Ukrainian and Russian spell alike but for letters
		// both have: a Ukrainian client's /briefing topic:масиви was framed
		// in Russian (round five). Russian's words still tell.
		{"a ukrainian word, ukrainian client", "масиви", []string{"uk"}, "uk"},
		{"a cyrillic word, no locale", "масиви", nil, "ru"},
		{"russian, ukrainian client", "Что такое массив?", []string{"uk"}, "ru"},
		{"russian letters, ukrainian client", "массивы", []string{"uk"}, "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reply(tt.question, tt.fallbacks...); got != tt.want {
				t.Errorf("Reply(%q, %q) = %q, want %q", tt.question, tt.fallbacks, got, tt.want)
			}
		})
	}
}

// The plural rules come from x/text; a language they did not know would
// give every count the same form.
func TestPluralRulesKnown(t *testing.T) {
	for _, l := range []string{"fr", "de", "es", "pt", "ru", "ar", "uk", "it", "nl", "pl", "cs", "sv", "da", "nb", "fi", "el", "ro", "bg", "hr", "lt", "hi"} {
		if plural.Cardinal.MatchPlural(language.Make(l), 1, 0, 0, 0, 0) == plural.Cardinal.MatchPlural(language.Make(l), 5, 0, 0, 0, 0) {
			t.Errorf("%s: 1 and 5 have the same plural form", l)
		}
	}
}

func TestAll(t *testing.T) {
	got := All(Sources)
	for _, want := range []string{"Sources", "Quellen", "المصادر", "來源"} {
		if !slices.Contains(got, want) {
			t.Errorf("All(Sources) = %q, want %q in it", got, want)
		}
	}
	if n := len(slices.Compact(slices.Sorted(slices.Values(got)))); n != len(got) {
		t.Errorf("All(Sources) repeats a text: %q", got)
	}
}

// The thousands separators are CLDR's, as golang.org/x/text/number writes
// them, but for French, whose narrow no-break space is newer than x/text's
// data, and Arabic and Persian, which the catalogue writes in Western
// digits (as %d does) and CLDR with Arabic ones and their own separator.
// Bengali's separators and lakh grouping are CLDR's, its digits Western:
// CLDR's Bengali digits are compared as such.
func TestGroupedMatchesCLDR(t *testing.T) {
	western := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r > unicode.MaxASCII && unicode.IsDigit(r) {
				return '0' + digitValue(r)
			}
			return r
		}, s)
	}
	for _, l := range languages {
		if l == "fr" || l == "ar" || l == "fa" {
			continue
		}
		p := message.NewPrinter(language.Make(l))
		for _, n := range []int{12345, 123456, 1234567, 123456789} {
			if got, want := grouped(l, n), western(p.Sprint(number.Decimal(n))); got != want {
				t.Errorf("grouped(%s, %d) = %q, CLDR %q", l, n, got, want)
			}
		}
	}
}

// markup are the Discord markdown and mention marks a translation must use
// exactly as the English text does: a mark more or less would bold, strike
// or hide the rest of a message, or ping someone.
var markup = []string{"**", "*", "`", "__", "~~", "||", "@", "<", ">", "#", "\n"}

func TestNoStrayMarkupOrMentions(t *testing.T) {
	for k := range numKeys {
		en := texts[k][English]
		for _, l := range languages {
			s := texts[k][l]
			for _, m := range markup {
				// "**" also counts as two "*"; that is the same on both sides.
				if got, want := strings.Count(s, m), strings.Count(en, m); got != want {
					t.Errorf("message %d in %s has %d %q, English %d: %q", k, l, got, m, want, s)
				}
			}
			if strings.Count(s, "@me") != strings.Count(en, "@me") {
				t.Errorf("message %d in %s lost the @me its code replaces with a mention: %q", k, l, s)
			}
			for _, bad := range []string{"@everyone", "@here", "<@", "<#", "<t:", "http", "](", "[%d]("} {
				if strings.Contains(s, bad) {
					t.Errorf("message %d in %s contains %q: %q", k, l, bad, s)
				}
			}
		}
	}
	for c := range numCountKeys {
		for l, fs := range counts[c] {
			for f, s := range fs {
				for _, m := range append(markup, "](") {
					if strings.Contains(s, m) {
						t.Errorf("count %d in %s (form %v) has markup %q: %q", c, l, f, m, s)
					}
				}
			}
		}
	}
}

// Discord's limits on what the catalogue names: a command's or option's
// description at most 100 characters, the message command's name 32, a
// button's label 80, a thread's name 100.
func TestDiscordLimits(t *testing.T) {
	limits := map[Key]int{
		CmdAsk: 100, OptQuestion: 100, OptPrivate: 100, OptNew: 100, CmdSummary: 100, OptDocument: 100,
		OptSummaryTopic: 100, CmdBriefing: 100, OptBriefingTopic: 100, CmdSearch: 100, OptQuery: 100,
		CmdSources: 100, CmdReload: 100, CmdAskMessage: 32,
		ShowPassage: 80, Helpful: 80, NotHelpful: 80, NewConversation: 80, ThreadName: 100,
	}
	for k, max := range limits {
		for _, l := range languages {
			s := Text(l, k)
			if k == ShowPassage {
				s = Text(l, k, 99)
			}
			if n := utf8.RuneCountInString(s); n > max || n == 0 {
				t.Errorf("message %d in %s is %d characters, Discord allows 1 to %d: %q", k, l, n, max, s)
			}
		}
	}
}

// FromLocale reads what clients and terminals send; whatever it is given,
// it names a catalogue language or none.
func FuzzFromLocale(f *testing.F) {
	for _, s := range []string{"pt-BR", "zh-TW", "no", "nb_NO.UTF-8", "C", "", "zh-Hant-HK", "sr@latin", "-_-", "in"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, locale string) {
		if l := FromLocale(locale); l != "" && !Supported(l) {
			t.Errorf("FromLocale(%q) = %q, not a catalogue language", locale, l)
		}
	})
}

// OfWith trusts the locales where the detector cannot be trusted, and
// otherwise the text.
func TestOfWith(t *testing.T) {
	const (
		croatian = "Zašto je Alipay morao izdvojiti poslovanje s mikrokreditima?"
		french   = "Pourquoi Alipay a-t-il dû séparer son activité de microcrédit ?"
		danish   = "Hvorfor blev Alipay pålagt at udskille sin forretning med mikrolån?"
		english  = "Why was Alipay told to spin off its micro-loan business?"
	)
	tests := []struct {
		text    string
		locales []string
		want    string
	}{
		{croatian, []string{"hr"}, "hr"},
		{croatian, []string{"en-US", "hr"}, "hr"},
		{croatian, nil, "hr"}, // the detector's reading, with nothing to correct it
		{french, []string{"fr", "pl"}, "fr"},
		{french, []string{"pl"}, "pl"},
		{danish, []string{"da"}, "da"},
		{danish, []string{"sv-SE"}, "da"},
		{english, []string{"pl", "hr"}, "en"},
		{"Alipay", []string{"hr"}, ""},
		// Function words shared by Spanish and Portuguese (como) and no
		// content word: the detector's pick (usar's letters lean
		// Portuguese), unless the locale names one of them.
		{"Como usar Grafana?", nil, "pt"},
		{"Como usar Grafana?", []string{"pt-BR"}, "pt"},
		{"Como usar Grafana?", []string{"es-ES"}, "es"},
		{"Como usar Grafana?", []string{"en-US", "pt-BR"}, "pt"},
		{"Como usar Grafana?", []string{"de"}, "pt"}, // German has no say in it
		// Portuguese o, one letter, is commoner in Portuguese speech.
		{"Como uso o Grafana no Linux?", nil, "pt"},
		// One language's own word outweighs the locale: não is Portuguese.
		{"Por que não funciona?", []string{"es-ES"}, "pt"},
		// "was" is English and German: a tie the German locale settles.
		{"Was bedeutet Kubernetes?", []string{"de"}, "de"},
		{"Was Kubernetes?", nil, ""},
		// bedeutet, a German content word, settles it with no locale.
		{"Was bedeutet Kubernetes?", nil, "de"},
	}
	for _, tt := range tests {
		if got := OfWith(tt.text, tt.locales...); got != tt.want {
			t.Errorf("OfWith(%q, %q) = %q, want %q", tt.text, tt.locales, got, tt.want)
		}
	}
}

// allForms returns every text of lang: each message and each form of each
// counted message, named for the error report.
func allForms(lang string) map[string]string {
	out := map[string]string{}
	for k := range numKeys {
		out[fmt.Sprintf("message %d", k)] = texts[k][lang]
	}
	for c := range numCountKeys {
		for f, s := range counts[c][lang] {
			out[fmt.Sprintf("count %d (form %v)", c, f)] = s
		}
	}
	return out
}

// French sets a no-break space before a colon and inside guillemets, and a
// narrow one before ; ! and ?, so that Discord never wraps a line before
// the mark; an ordinary space there is a typo.
func TestFrenchSpacing(t *testing.T) {
	for name, s := range allForms("fr") {
		rs := []rune(s)
		for i, r := range rs {
			var want rune
			switch r {
			case ':', '»':
				want = '\u00a0'
			case ';', '!', '?':
				want = '\u202f'
			default:
				continue
			}
			if i == 0 || rs[i-1] != want {
				t.Errorf("%s in fr: %q at %d wants %U before it: %q", name, r, i, want, s)
			}
		}
		if strings.Contains(s, "« ") || strings.Contains(s, "«") && !strings.Contains(s, "«\u00a0") {
			t.Errorf("%s in fr: « wants a no-break space after it: %q", name, s)
		}
	}
}

// codeRE matches an inline code span: a command or option name the reader
// types, which stays English in every language.
var codeRE = regexp.MustCompile("`[^`]*`")

// signs are the symbols that open or mark a message the same way in every
// language: a translation that drops one changes how the bot's messages
// line up, or names a setting the reader can no longer find.
var signs = []string{"⏳", "⏱️", "↓", "✓", "👍", "👎", "[%d]", "@me", "**", "BM25", "Discord", "OPENAI_API_KEY", "OPENAI_BASE_URL"}

// Every translation keeps English's command and option names (the code
// spans), its citation markers and its signs.
func TestSameMarkersAsEnglish(t *testing.T) {
	for k := range numKeys {
		en := texts[k][English]
		wantCode := codeRE.FindAllString(en, -1)
		slices.Sort(wantCode)
		for _, l := range languages {
			s := texts[k][l]
			code := codeRE.FindAllString(s, -1)
			slices.Sort(code)
			if !slices.Equal(code, wantCode) {
				t.Errorf("message %d in %s has code %q, English %q: %q", k, l, code, wantCode, s)
			}
			for _, sign := range signs {
				if got, want := strings.Count(s, sign), strings.Count(en, sign); got != want {
					t.Errorf("message %d in %s has %d %q, English %d: %q", k, l, got, sign, want, s)
				}
			}
		}
	}
	for c := range numCountKeys {
		en := counts[c][English][plural.Other]
		for l, fs := range counts[c] {
			for f, s := range fs {
				for _, sign := range signs {
					if strings.Contains(s, sign) != strings.Contains(en, sign) {
						t.Errorf("count %d in %s (form %v) and English differ on %q: %q", c, l, f, sign, s)
					}
				}
			}
		}
	}
}

// outsideCode is s without its code spans, citation markers and format
// verbs, which are ASCII in every language.
func outsideCode(s string) string {
	s = strings.ReplaceAll(codeRE.ReplaceAllString(s, ""), "[%d]", "")
	return verbRE.ReplaceAllString(s, "")
}

// Chinese and Japanese write full-width punctuation, Arabic and Persian
// their own comma, semicolon and question mark: an ASCII mark among them
// is a typo.
func TestScriptPunctuation(t *testing.T) {
	ascii := map[string]string{
		"ar": ",;?", "fa": ",;?", "ur": ",;?", "ja": ",;?!:()[]", "zh": ",;?!:()[]", "zh-Hant": ",;?!:()[]",
	}
	for l, marks := range ascii {
		for name, s := range allForms(l) {
			if i := strings.IndexAny(outsideCode(s), marks); i >= 0 {
				t.Errorf("%s in %s has an ASCII %q: %q", name, l, outsideCode(s)[i], s)
			}
		}
	}
}

// The catalogue addresses the reader politely (French vous, German Sie,
// Spanish usted): a familiar pronoun or possessive is a slip.
func TestPoliteRegister(t *testing.T) {
	familiar := map[string][]string{
		"fr": {"tu", "te", "toi", "ton", "ta", "tes", "t'"},
		"de": {"du", "dich", "dir", "dein", "deine", "deiner", "deinen", "deinem", "deines"},
		"es": {"tú", "tu", "tus", "te", "ti", "contigo"},
	}
	word := regexp.MustCompile(`[\p{L}']+`)
	for l, words := range familiar {
		for name, s := range allForms(l) {
			for _, w := range word.FindAllString(outsideCode(s), -1) {
				w = strings.ToLower(w)
				if slices.Contains(words, w) || strings.HasPrefix(w, "t'") && slices.Contains(words, "t'") {
					t.Errorf("%s in %s says %q, the familiar form: %q", name, l, w, s)
				}
			}
		}
	}
}

// A language quotes with the same marks everywhere: the words of a note as
// the query of a search and the title typed into /summary.
func TestQuotedMatchesNoMatch(t *testing.T) {
	for _, l := range languages {
		q := Text(l, Quoted, "x")
		for _, s := range []string{Text(l, NoMatch, "x"), Text(l, SeveralDocs, "x", "2")} {
			if !strings.Contains(s, q) {
				t.Errorf("%s quotes %q, but %q", l, q, s)
			}
		}
	}
}

// Spanish opens a question and an exclamation with ¿ and ¡; Greek asks with
// ";", never "?".
func TestOpeningAndQuestionMarks(t *testing.T) {
	for name, s := range allForms("es") {
		if strings.Count(s, "?") != strings.Count(s, "¿") || strings.Count(s, "!") != strings.Count(s, "¡") {
			t.Errorf("%s in es lacks an opening ¿ or ¡: %q", name, s)
		}
	}
	for name, s := range allForms("el") {
		if strings.Contains(s, "?") {
			t.Errorf("%s in el asks with \"?\", Greek writes \";\": %q", name, s)
		}
	}
}

// Every catalogue language names every catalogue language, as itself
// lists words; a code CLDR does not name is left out.
func TestLanguageNames(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		codes []string
		want  string
	}{
		{"en", []string{"en"}, "English"},
		{"en", []string{"en", "fr"}, "English, French"},
		{"pl", []string{"en"}, "angielski"},
		{"zh", []string{"en", "fr"}, "英语、法语"},
		{"ar", []string{"en", "fr"}, "الإنجليزية، الفرنسية"},
		{"el", []string{"en"}, "Αγγλικά"},
		{"no", []string{"en"}, "engelsk"},
		{"xx", []string{"en"}, "English"},
		{"en", []string{"qqq", "en"}, "English"},
	} {
		if got := LanguageNames(tt.lang, tt.codes); got != tt.want {
			t.Errorf("LanguageNames(%q, %q) = %q, want %q", tt.lang, tt.codes, got, tt.want)
		}
	}
	for _, l := range languages {
		for _, c := range languages {
			if n := LanguageNames(l, []string{c}); n == "" || n == c {
				t.Errorf("LanguageNames(%q, %q) = %q: not named", l, c, n)
			}
		}
	}
}

// digitValue is the value of the decimal digit r of any script: Unicode
// codes the ten digits of a script in a run from its zero.
func digitValue(r rune) rune {
	for z := r; z >= r-9; z-- {
		if !unicode.IsDigit(z) {
			return r - z - 1
		}
	}
	return 9
}

// fallbacks are the languages text.DetectLanguage names that the catalogue
// has no messages in, each deliberately answered in English (a reader who
// writes in one gets English until it is written); none now. Adding a
// language to the detector without a catalogue or an entry here fails
// TestDetectedLanguagesCatalogued.
var fallbacks = map[string]string{}

// Every language the detector names is answered in itself (a catalogue
// language, or one of its codes: "no" is Bokmål), or is a deliberate
// fallback; and no fallback is stale.
func TestDetectedLanguagesCatalogued(t *testing.T) {
	for _, l := range text.Languages() {
		c := catalogued(l)
		_, fallback := fallbacks[l]
		switch {
		case c == "" && !fallback:
			t.Errorf("text.DetectLanguage names %q, which the catalogue lacks and fallbacks does not list: its readers get English", l)
		case c != "" && fallback:
			t.Errorf("%q is in the catalogue (as %q) and in fallbacks: remove it from fallbacks", l, c)
		}
	}
	for l := range fallbacks {
		if !slices.Contains(text.Languages(), l) {
			t.Errorf("fallbacks lists %q, which text.DetectLanguage never names", l)
		}
	}
}

// text.Confusable is the detector's: each misreading it lists is made on
// some line of the catalogue for a reader of its language, and every
// misreading the detector makes on three sentences of twenty letters or
// more of one language, for its reader, is listed (the rest are a word or
// a label: "出典", a Japanese word in kanji alone, is Chinese).
func TestCatalogueMisreadings(t *testing.T) {
	seen, sentences := map[[2]string]int{}, map[[2]string]int{}
	for k := range numKeys {
		for lang, s := range texts[k] {
			code := TextCode(lang)
			got := text.DetectLanguageFor(s, code)
			if got == "und" || got == code {
				continue
			}
			pair := [2]string{code, got}
			seen[pair]++
			if strings.Count(strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) {
					return 'x'
				}
				return -1
			}, s), "x") >= 20 {
				sentences[pair]++
			}
		}
	}
	for pair, n := range sentences {
		if n >= 3 && !text.Confusable(pair[0], pair[1]) {
			t.Errorf("the detector reads %d sentences of %q as %q, for its reader; text.Confusable does not list it", n, pair[0], pair[1])
		}
	}
	for _, lang := range text.Languages() {
		for _, as := range text.Languages() {
			if text.Confusable(lang, as) && seen[[2]string{lang, as}] == 0 {
				t.Errorf("text.Confusable(%q, %q), but no line of the catalogue in %q reads as %q to its reader", lang, as, lang, as)
			}
		}
	}
}

// Tied is the reader's language when the question's evidence is as strong
// for it as for the language detected, and only then.
func TestTied(t *testing.T) {
	for _, c := range []struct {
		s, lang string
		want    bool
	}{
		{"Was Kubernetes?", "de", true}, // was: en, de
		{"Was Kubernetes?", "de-AT", true},
		{"Was Kubernetes?", "fr", false},
		{"Was Kubernetes?", "", false},
		{"Hvorfor ble Alipay pålagt å skille ut virksomheten med mikrolån?", "nb", false}, // detected no: its own
		{"масиви", "uk", true},
		{"массивы", "uk", false}, // ы is Russian's
	} {
		detected := text.DetectLanguage(c.s)
		if got := Tied(c.s, detected, c.lang); got != c.want {
			t.Errorf("Tied(%q, %q, %q) = %v, want %v", c.s, detected, c.lang, got, c.want)
		}
	}
}

// spelledOnly counts text.Words' words: "l'eau" is one word, a function
// word's by its elided article, as "don't" is by itself.
func TestSpelledOnly(t *testing.T) {
	for _, tc := range []struct {
		s, lang string
		want    bool
	}{
		{"cache", "fr", true},
		{"max-age", "en", true},
		{"l'eau", "fr", false},
		{"don't", "en", false},
		{"aujourd'hui demain", "fr", true}, // two words (was three), neither a function word
		{"the cache", "en", false},
		{"café", "fr", false},
		{"one two three", "en", false},
		{"2021", "en", false},
	} {
		if got := spelledOnly(tc.s, tc.lang); got != tc.want {
			t.Errorf("spelledOnly(%q, %s) = %v, want %v", tc.s, tc.lang, got, tc.want)
		}
	}
}
