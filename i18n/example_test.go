package i18n_test

import (
	"fmt"

	"corpusbot/i18n"
)

func ExampleReply() {
	// The question's language wins; a question that does not tell falls
	// back to the asker's Discord locale, then the server's.
	fmt.Println(i18n.Reply("Warum wurde Alipay aufgespalten?", "en-US"))
	fmt.Println(i18n.Reply("Alipay", "pt-BR", "en-US"))
	fmt.Println(i18n.Reply("Alipay", "", "zh-TW"))
	fmt.Println(i18n.Reply("Alipay"))
	// Output:
	// de
	// pt
	// zh-Hant
	// en
}

func ExampleCount() {
	wait := i18n.Count("ru", i18n.Seconds, 22)
	fmt.Println(i18n.Text("ru", i18n.Busy, wait))
	fmt.Println(i18n.Count("ar", i18n.Minutes, 2))
	// Output:
	// Я сейчас отвечаю на слишком много вопросов сразу. Попробуйте ещё раз через 22 секунды.
	// دقيقتين
}
