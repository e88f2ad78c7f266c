package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/openaitest"
)

// englishDevtools is an English page in the form of React's docs (made up
// here), for questions in languages no document is written in.
var englishDevtools = fstest.MapFS{
	"en/devtools.md": {Data: []byte("---\ntitle: React Developer Tools\n---\n\n## Safari and other browsers {/*safari-and-other-browsers*/}\n\n" +
		"For other browsers (for example, Safari), install the [`react-devtools`](https://www.npmjs.com/package/react-devtools) npm package.\n")},
}

// A Bengali, a Tamil and an Urdu question (and a Serbian, Georgian,
// Armenian, Lao, Khmer and Burmese one) that an English page does not
// answer, naming what it mentions (Safari), are declined in their own
// language through discordgo and the fakes (issue 10): without a model,
// with the message that the question is in another language than the
// documents (naming English in the question's language), and when a
// model declines, with the abstention. The detector named all three, but
// the catalogue had none of them: all six were English. The texts are
// written out, so that an English fallback fails.
func TestAbstentionInBengaliTamilUrdu(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang, question, otherLanguage, notCovered string
	}{
		{"bn", "Safari-র বার্ষিক সাবস্ক্রিপশনের দাম কত?",
			"আপনার প্রশ্নটি নথিগুলোর ভাষা (ইংরেজি) থেকে ভিন্ন ভাষায়", "নথিগুলোতে এই বিষয়ে কিছু বলা নেই।"},
		{"ta", "Safari ஆண்டுச் சந்தாவின் விலை என்ன?",
			"உங்கள் கேள்வி ஆவணங்களின் மொழியிலிருந்து (ஆங்கிலம்) வேறு மொழியில் உள்ளது", "ஆவணங்கள் இதைப் பற்றிக் குறிப்பிடவில்லை."},
		{"ur", "Safari کی سالانہ رکنیت کی قیمت کیا ہے؟",
			"آپ کا سوال دستاویزات کی زبان (انگریزی) سے مختلف زبان میں ہے", "دستاویزات میں اس موضوع کا ذکر نہیں ہے۔"},
		// The other languages the detector names by their script, whose
		// catalogues came with these (issue 10).
		{"sr", "Колико кошта годишња претплата за Safari?",
			"Ваше питање је на другом језику од докумената (енглески)", "Документи не обрађују ову тему."},
		{"ka", "რა ღირს Safari-ის წლიური გამოწერა?",
			"თქვენი კითხვა დოკუმენტების ენისგან (ინგლისური) განსხვავებულ ენაზეა", "დოკუმენტები ამ თემას არ ეხება."},
		{"hy", "Որքա՞ն արժե Safari-ի տարեկան բաժանորդագրությունը։",
			"Ձեր հարցը փաստաթղթերի լեզվից (անգլերեն) տարբեր լեզվով է", "Փաստաթղթերը չեն անդրադառնում այս թեմային։"},
		{"lo", "ການສະໝັກໃຊ້ Safari ລາຍປີລາຄາເທົ່າໃດ?",
			"ຄຳຖາມຂອງທ່ານເປັນພາສາອື່ນທີ່ບໍ່ແມ່ນພາສາຂອງເອກະສານ (ອັງກິດ)", "ເອກະສານບໍ່ໄດ້ກ່າວເຖິງເລື່ອງນີ້"},
		{"km", "តើការជាវ Safari ប្រចាំឆ្នាំមានតម្លៃប៉ុន្មាន?",
			"សំណួររបស់អ្នកជាភាសាផ្សេងពីភាសារបស់ឯកសារ (អង់គ្លេស)", "ឯកសារមិននិយាយអំពីប្រធានបទនេះទេ។"},
		{"my", "Safari နှစ်စဉ်စာရင်းသွင်းခ ဘယ်လောက်လဲ။",
			"သင်၏ မေးခွန်းသည် စာရွက်စာတမ်းများ၏ ဘာသာစကား (အင်္ဂလိပ်)", "စာရွက်စာတမ်းများတွင် ဤအကြောင်းအရာ မပါဝင်ပါ။"},
	}
	declines := func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: none"}
		}
		return openaitest.Reply{Text: "NOT_IN_CORPUS"}
	}
	for _, c := range cases {
		for _, model := range []bool{false, true} {
			name, want := c.lang+" extractive", c.otherLanguage
			if model {
				name, want = c.lang+" model declines", c.notCovered
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				s := setup{corpus: englishDevtools, noLLM: !model}
				if model {
					s.aiOpts = []openaitest.Option{openaitest.WithResponder(declines)}
				}
				h := start(t, s)
				a := waitContent(h, ask(h, user(1), generalID, c.question, false), want)
				for _, english := range []string{"does not cover", "Nearest documents", "could not verify", "another language", "Sources"} {
					if strings.Contains(a.Content, english) {
						t.Errorf("abstention has English %q:\n%s", english, a.Content)
					}
				}
				h.noViolations()
			})
		}
	}
}
