package answer

import (
	"testing"

	"corpusbot/i18n"
)

// A model that declines in the language of the fifth adversarial round's
// trees (Ukrainian, Vietnamese, Persian) or another the bot answers in
// abstains as the corpus not covering the question, not as an answer it
// could not verify. Its wording is the model's, not the prompt's marker.
func TestDeclineInMoreLanguages(t *testing.T) {
	for _, reply := range []string{
		"Документи не містять відомостей про речника міністерства.",
		"У наданих фрагментах немає інформації про це.",
		"В документах не упоминается, кто является пресс-секретарём.",
		"Các tài liệu không đề cập đến người phát ngôn của bộ.",
		"Tôi không tìm thấy thông tin này trong các đoạn văn.",
		"اسناد در این مورد اطلاعاتی ندارند.",
		"در متن\u200cها به سخنگوی وزارتخانه اشاره\u200cای نشده است.",
		"Die Dokumente enthalten keine Angaben dazu.",
		"Los documentos no mencionan quién es el portavoz.",
		// Round six.
		"दस्तावेज़ों में मंत्रालय के प्रवक्ता के बारे में जानकारी नहीं है।",
		"เอกสารไม่ได้กล่าวถึงโฆษกของกระทรวง",
		"Τα έγγραφα δεν αναφέρουν ποιος είναι ο εκπρόσωπος.",
		"Dokumenty nie zawierają informacji o rzeczniku ministerstwa.",
		// Round seven: Portuguese (a Discord locale), Italian, Bengali, Hebrew.
		"Os documentos não mencionam quem é o porta-voz do ministério.",
		"Não há informação sobre o porta-voz nos trechos fornecidos.",
		"Os documentos não tratam deste assunto.",
		"I documenti non menzionano chi sia il portavoce.",
		"নথিগুলোতে মন্ত্রণালয়ের মুখপাত্র সম্পর্কে কোনো তথ্য নেই।",
		"নথিতে মুখপাত্রের উল্লেখ নেই।",
		"নথিতে মুখপাত্রের কথা উল্লেখ করা হ\u09dfনি।", // য় as one letter, as a model may write it
		"המסמכים אינם מזכירים את דובר המשרד.",
		"אין מידע על דובר המשרד במסמכים.",
	} {
		t.Run(reply, func(t *testing.T) {
			res := askWith(t, spokesmanQuestion, rewriteNone, func(string) string { return reply })
			if !res.Abstained || res.Text != say("en", i18n.NotCovered) {
				t.Errorf("got abstained=%v %q, want %q", res.Abstained, res.Text, say("en", i18n.NotCovered))
			}
		})
	}
}
