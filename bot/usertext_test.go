package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/llm"
	"corpusbot/retrieval"
)

func TestUserText(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"empty", fmt.Errorf("ask: %w", answer.ErrEmptyQuestion), textEmptyQuestion},
		{"too long", fmt.Errorf("ask: %w", &answer.TooLongError{Len: 1600, Limit: 1500}), "That question is too long: the limit is 1500 characters. Please shorten it."},
		{"unknown document", fmt.Errorf("summarize %q: %w", "x", answer.ErrUnknownDocument), textUnknownDoc},
		{"nothing new", answer.ErrNothingNew, textNothingNew},
		{"empty reply", fmt.Errorf("answer: %w", answer.ErrEmptyReply), textEmptyReply},
		{"no terms", fmt.Errorf("search: %w", retrieval.ErrNoTerms), textNoTerms},
		{"rate limited", fmt.Errorf("ask: %w", llm.ErrRateLimited), textRateLimited},
		{"timeout", fmt.Errorf("ask: %w", llm.ErrTimeout), textTimeout},
		{"unauthorized", llm.ErrUnauthorized, textMisconfigured},
		{"bad request", llm.ErrBadRequest, textMisconfigured},
		{"context too long", llm.ErrContextTooLong, textContextTooLong},
		{"incomplete", llm.ErrIncomplete, textIncomplete},
		{"unavailable", fmt.Errorf("ask: %w", llm.ErrUnavailable), textUnavailable},
		{"cancelled", fmt.Errorf("ask: %w", context.Canceled), textInterrupted},
		{"other", errors.New("disk on fire: /var/lib/secret"), textFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := userText(tc.err, "en")
			if got != tc.want {
				t.Errorf("userText(%v) = %q, want %q", tc.err, got, tc.want)
			}
			if strings.Contains(got, "disk on fire") || len([]rune(got)) > 200 {
				t.Errorf("userText(%v) = %q: want short, with no error detail", tc.err, got)
			}
		})
	}
}

func TestCooldownText(t *testing.T) {
	for _, tc := range []struct {
		wait time.Duration
		want string
	}{
		{time.Second, "wait 1 second "},
		{1500 * time.Millisecond, "wait 2 seconds "},
		{9 * time.Second, "wait 9 seconds "},
	} {
		if got := cooldownText(tc.wait, "en"); !strings.Contains(got, tc.want) {
			t.Errorf("cooldownText(%v) = %q, want it to contain %q", tc.wait, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	err := errors.New(`Patch "https://discord.com/api/v9/webhooks/123/aW50ZXJhY3Rpb246MTIz.abc-DEF_9/messages/@original": dial tcp: refused; ` +
		`Post "https://discord.com/api/v9/interactions/456/tok.en_1/callback": EOF`)
	got := redact(err)
	for _, secret := range []string{"aW50ZXJhY3Rpb246MTIz", "tok.en_1"} {
		if strings.Contains(got, secret) {
			t.Errorf("redact kept %q: %s", secret, got)
		}
	}
	if !strings.Contains(got, "/webhooks/123/[redacted]/messages/@original") || !strings.Contains(got, "/interactions/456/[redacted]/callback") {
		t.Errorf("redact(%v) = %q, want the routes kept and tokens replaced", err, got)
	}
}

// Messages asking for a question give an example from the documents
// served, escaped, and none when no title will do.
func TestWithExample(t *testing.T) {
	docs := func(titles ...string) []corpus.Document {
		var out []corpus.Document
		for _, t := range titles {
			out = append(out, corpus.Document{Title: t})
		}
		return out
	}
	tests := []struct {
		name string
		docs []corpus.Document
		want string
	}{
		{"a title", docs("Index", "Configure the release pipeline"), "Ask me a question about the documents, for example about *Configure the release pipeline*."},
		{"escaped", docs("Use ~tilde~ paths here"), "Ask me a question about the documents, for example about *Use \\~tilde\\~ paths here*."},
		{"none fits", docs("README"), textEmptyQuestion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := withExample("en", i18n.EmptyQuestion, tc.docs); got != tc.want {
				t.Errorf("withExample = %q, want %q", got, tc.want)
			}
		})
	}
	if strings.Contains(strings.ToLower(textEmptyQuestion+textNoWords), "alipay") {
		t.Error("a fixed example from the embedded articles is back")
	}
}

// Every error and wait text is in the reader's language, with waits and
// counts in their plural forms.
func TestUserTextLanguages(t *testing.T) {
	tests := []struct {
		name, lang string
		got        func(lang string) string
		want       string
	}{
		{"rate limited", "de", func(l string) string { return userText(llm.ErrRateLimited, l) },
			"Das Sprachmodell drosselt gerade meine Anfragen. Bitte versuchen Sie es in einer Minute noch einmal."},
		{"model timeout", "pt", func(l string) string { return userText(fmt.Errorf("ask: %w", llm.ErrTimeout), l) },
			"O modelo de linguagem demorou demais para responder. Tente novamente."},
		{"unavailable", "ar", func(l string) string { return userText(llm.ErrUnavailable, l) },
			"النموذج اللغوي غير متاح الآن. يُرجى المحاولة لاحقًا."},
		{"answer timeout", "ru", func(l string) string {
			return userText(answerTimeoutError{limit: 2 * time.Minute, err: context.DeadlineExceeded}, l)
		}, "⏱️ Ответ не уложился в 2 минуты, поэтому он был остановлен. Попробуйте ещё раз или задайте более узкий вопрос."},
		{"too long", "de", func(l string) string {
			return userText(fmt.Errorf("ask: %w", &answer.TooLongError{Len: 2000, Limit: 1500}), l)
		}, "Diese Frage ist zu lang: Erlaubt sind höchstens 1500 Zeichen. Bitte kürzen Sie sie."},
		{"busy, Arabic dual", "ar", func(l string) string { return userText(busyError{retry: 2 * time.Second}, l) },
			"أجيب الآن عن أسئلة كثيرة في الوقت نفسه. يُرجى المحاولة مرة أخرى بعد ثانيتين."},
		{"busy, Russian few", "ru", func(l string) string { return busyText(22*time.Second, l) },
			"Я сейчас отвечаю на слишком много вопросов сразу. Попробуйте ещё раз через 22 секунды."},
		{"cooldown, one second", "pt", func(l string) string { return cooldownText(time.Second, l) },
			"Você está perguntando mais rápido do que consigo acompanhar. Aguarde 1 segundo antes da próxima pergunta."},
		{"cooldown, minutes", "ja", func(l string) string { return cooldownText(3*time.Minute, l) },
			"質問のペースが速すぎて対応が追いつきません。次の質問まで3分お待ちください。"},
		{"queue, one ahead", "de", func(l string) string { return queuedText(1, l) },
			"⏳ Eine Frage ist vor Ihrer an der Reihe; ich antworte, so schnell ich kann."},
		{"queue, Arabic few", "ar", func(l string) string { return queuedText(4, l) },
			"⏳ أمام سؤالك 4 أسئلة؛ سأجيب في أقرب وقت ممكن."},
		{"queue full", "zh-Hant", func(l string) string { return queuedText(-1, l) },
			"⏳ 有很多問題在等待；一有空位，你的問題就會加入佇列。"},
		{"channel refusal", "fr", func(l string) string { return access{channels: []string{"1", "2"}}.refusal(false, l) },
			"Je ne réponds que dans <#1>, <#2>."},
		{"example", "es", func(l string) string {
			return withExample(l, i18n.NoWords, []corpus.Document{{Title: "Configure the release pipeline"}})
		}, "Esa pregunta no tiene palabras que pueda buscar en los documentos. Pruebe con algunas palabras, por ejemplo sobre *Configure the release pipeline*."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got(tc.lang); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// The history of a conversation leaves out the rendered Sources list,
// whatever its language.
func TestAnswerBodyDropsSourcesInAnyLanguage(t *testing.T) {
	for _, lang := range i18n.Languages() {
		content := "Die Aufsicht griff ein [1].\n\n**" + i18n.Text(lang, i18n.Sources) + "**\n[1] Alipay — alipay.en"
		if got := answerBody(content); got != "Die Aufsicht griff ein [1]." {
			t.Errorf("%s: answerBody = %q", lang, got)
		}
	}
}
