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
	// Discord's Norwegian client is "no": the catalogue's Bokmål.
	fmt.Println(i18n.Reply("Alipay", "no"))
	// The detector cannot name Croatian (it reads this as French): the
	// asker's Croatian client decides.
	fmt.Println(i18n.Reply("Zašto je Alipay morao izdvojiti poslovanje s mikrokreditima?", "hr"))
	// Output:
	// de
	// pt
	// zh-Hant
	// en
	// nb
	// hr
}

func ExampleCount() {
	wait := i18n.Count("ru", i18n.Seconds, 22)
	fmt.Println(i18n.Text("ru", i18n.Busy, wait))
	fmt.Println(i18n.Count("ar", i18n.Minutes, 2))
	fmt.Println(i18n.Text("pl", i18n.Busy, i18n.Count("pl", i18n.Seconds, 5)))
	// Output:
	// Я сейчас отвечаю на слишком много вопросов сразу. Попробуйте ещё раз через 22 секунды.
	// دقيقتين
	// Odpowiadam teraz na zbyt wiele pytań naraz. Spróbuj ponownie za 5 sekund.
}
