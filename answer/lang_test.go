package answer

import (
	"context"
	"strings"
	"testing"
	"time"

	"corpusbot/i18n"
	"corpusbot/text"
	"corpusbot/verify"
)

// What the reader sees follows the question's language, else the
// conversation's, else the language the caller gives (the Discord
// locale), else English.
func TestAskReplyLanguage(t *testing.T) {
	p := newPipeline(t, embeddedCorpus(t), nil)
	tests := []struct {
		name     string
		q        Question
		wantLang string
	}{
		{"german question, english locale", Question{Text: "Wie viele Einwohner hat Brasilien?", Lang: "en-US"}, "de"},
		{"portuguese question", Question{Text: "Quantos habitantes tem o Brasil?", Lang: "en-US"}, "pt"},
		{"arabic question with latin names", Question{Text: "كم عدد سكان Brasil حسب FIFA؟", Lang: "en-US"}, "ar"},
		{"one word, german locale", Question{Text: "Bundesliga", Lang: "de"}, "de"},
		{"one word, brazilian locale", Question{Text: "Bundesliga", Lang: "pt-BR"}, "pt"},
		{"one word, taiwanese locale", Question{Text: "Bundesliga", Lang: "zh-TW"}, "zh-Hant"},
		{"one word, no locale", Question{Text: "Bundesliga"}, "en"},
		{"german question of a shared word, german locale", Question{Text: "Was bedeutet Bundesliga?", Lang: "de"}, "de"},
		{"german question of a shared word, no locale", Question{Text: "Was bedeutet Bundesliga?"}, "de"}, // bedeutet settles it
		{"a shared word and a name, no locale", Question{Text: "Was Bundesliga?"}, "en"},
		{"korean question, english locale", Question{Text: "브라질의 인구는 몇 명입니까?", Lang: "en-US"}, "ko"},
		{"one word, norwegian locale", Question{Text: "Bundesliga", Lang: "no"}, "nb"},
		{"danish question, danish locale", Question{Text: "Hvor mange indbyggere har Brasilien?", Lang: "da"}, "da"},
		{"croatian question, croatian locale", Question{Text: "Koliko je stanovnika imao Brazil?", Lang: "hr"}, "hr"},
		{"one word in a croatian conversation", Question{
			Text:    "Bundesliga",
			History: []Turn{{Role: "user", Text: "Zašto je Alipay morao izdvojiti poslovanje s mikrokreditima?"}, {Role: "assistant", Text: "Ne znam."}},
			Lang:    "hr",
		}, "hr"},
		{"one word in a spanish conversation", Question{
			Text:    "Bundesliga",
			History: []Turn{{Role: "user", Text: "¿Cuántos habitantes tiene Brasil?"}, {Role: "assistant", Text: "No lo sé."}},
			Lang:    "fr",
		}, "es"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Ask(context.Background(), tt.q)
			if err != nil {
				t.Fatalf("Ask: %v", err)
			}
			if !res.Abstained {
				t.Fatalf("got an answer %q, want an abstention", res.Text)
			}
			if res.Lang != tt.wantLang {
				t.Errorf("got language %q, want %q", res.Lang, tt.wantLang)
			}
			// A question in none of the documents' languages (ar, en,
			// fr) is told so, in its own: see TestAbstainInAnotherLanguage.
			want, other := i18n.Text(tt.wantLang, i18n.NotCovered), i18n.Text(tt.wantLang, i18n.OtherLanguage, i18n.LanguageNames(tt.wantLang, []string{"ar", "en", "fr"}))
			if res.Text != want && res.Text != other {
				t.Errorf("got %q, want %q or %q", res.Text, want, other)
			}
			if want := i18n.Text(tt.wantLang, i18n.Nearest); res.NearestHeading() != want {
				t.Errorf("got heading %q, want %q", res.NearestHeading(), want)
			}
		})
	}
}

// A question that does not say its language is answered in the reader's:
// the model is told which; one that does is answered in its own.
func TestAskTellsModelReaderLanguage(t *testing.T) {
	tests := []struct {
		name, q, lang, want, notWant string
	}{
		{"names only, german reader", "Alipay Ant Group", "de", "Write in German", ""},
		{"english question, german reader", "Why was Alipay told to spin off its micro-loan business?", "de", "", "Write in German"},
		{"names only, no locale", "Alipay Ant Group", "", "", "Write in"},
		{"names only, polish reader", "Alipay Ant Group", "pl", "Write in Polish", ""},
		{"names only, norwegian reader", "Alipay Ant Group", "no", "Write in Norwegian", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, model := fakeLLM(t, 5*time.Second, 0)
			srv.SetResponder(citingResponder(""))
			p := newPipeline(t, embeddedCorpus(t), model)
			if _, err := p.Ask(context.Background(), Question{Text: tt.q, Lang: tt.lang}); err != nil {
				t.Fatalf("Ask: %v", err)
			}
			reqs := answerRequests(srv)
			if len(reqs) == 0 {
				t.Fatal("the model was not asked")
			}
			system := reqs[0].Messages[0].Content
			if tt.want != "" && !strings.Contains(system, tt.want) {
				t.Errorf("system prompt lacks %q:\n%s", tt.want, system)
			}
			if tt.notWant != "" && strings.Contains(system, tt.notWant) {
				t.Errorf("system prompt has %q:\n%s", tt.notWant, system)
			}
		})
	}
}

// A document's summary has no topic to tell its language: it follows the
// reader's; a topic's follows the topic.
func TestSummaryReplyLanguage(t *testing.T) {
	c := embeddedCorpus(t)
	p := newPipeline(t, c, nil)
	doc := c.Docs[0].ID
	tests := []struct {
		name     string
		r        SummaryRequest
		wantLang string
	}{
		{"document, japanese reader", SummaryRequest{DocID: doc, Lang: "ja"}, "ja"},
		{"document, brazilian reader", SummaryRequest{DocID: doc, Lang: "pt-BR"}, "pt"},
		{"document, no locale", SummaryRequest{DocID: doc}, "en"},
		{"german topic, russian reader", SummaryRequest{Topic: "die Geschäfte von Alipay und die Kredite", Lang: "ru"}, "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Summarize(context.Background(), tt.r)
			if err != nil {
				t.Fatalf("Summarize: %v", err)
			}
			if res.Lang != tt.wantLang {
				t.Errorf("got language %q, want %q", res.Lang, tt.wantLang)
			}
			if !res.Abstained {
				if want := i18n.Text(tt.wantLang, i18n.ExtractiveNote); res.ExtractiveNote() != want {
					t.Errorf("got note %q, want %q", res.ExtractiveNote(), want)
				}
			}
		})
	}
}

// A briefing written by the model is in the reader's language.
func TestBriefingWrittenInReaderLanguage(t *testing.T) {
	srv, model := fakeLLM(t, 5*time.Second, 0)
	srv.SetResponder(citingResponder(""))
	p := newPipeline(t, embeddedCorpus(t), model)
	res, err := p.Brief(context.Background(), BriefingRequest{Lang: "es-419"})
	if err != nil {
		t.Fatalf("Brief: %v", err)
	}
	if res.Lang != "es" {
		t.Errorf("got language %q, want es", res.Lang)
	}
	reqs := answerRequests(srv)
	if len(reqs) == 0 || !strings.Contains(reqs[0].Text(), "Write in Spanish") {
		t.Errorf("the model was not told to write in Spanish")
	}
}

// The model can be told every language the reader may be shown.
func TestEveryCatalogueLanguageHasAName(t *testing.T) {
	for _, l := range i18n.Languages() {
		if langName(l) == "" {
			t.Errorf("catalogue language %s has no name for the model", l)
		}
	}
	// A document's language is named to the model when it rewrites a
	// question into it, whatever the catalogue holds.
	for _, l := range text.Languages() {
		if langName(l) == "" {
			t.Errorf("detected language %s has no name for the model", l)
		}
	}
}

// The language a summary or briefing of a topic is written in, and shown
// in: the topic's, unless the reader's locale settles what the detector
// confuses.
func TestReplyLangs(t *testing.T) {
	tests := []struct {
		asked, topic, write, show string
	}{
		{"ru", "die Geschäfte von Alipay und die Kredite", "de", "de"},
		{"pt-BR", "", "pt", "pt"},
		{"", "Alipay", "en", "en"},
		// Hebrew is named (round eight) and catalogued: the model writes
		// it and the notes are Hebrew; so are Georgian and Lao (issue 10:
		// every language the detector names is catalogued).
		{"pt-BR", "העסקים של עליפיי וההלוואות", "he", "he"},
		{"pt-BR", "ალიპეის ბიზნესი და სესხები", "ka", "ka"},
		{"pt-BR", "ທຸລະກິດເງິນກູ້ຂອງ Alipay", "lo", "lo"},
		{"da", "Alipays forretning med mikrolån og hvorfor den blev udskilt", "da", "da"},
		{"", "Alipays forretning med mikrolån og hvorfor den blev udskilt", "da", "da"},
		{"hr", "Zašto je Alipay morao izdvojiti poslovanje s mikrokreditima", "hr", "hr"},
		{"en-US", "Чому Alipay мусила виділити бізнес мікрокредитів", "uk", "uk"},
	}
	for _, tt := range tests {
		if write, show := replyLangs(tt.asked, tt.topic); write != tt.write || show != tt.show {
			t.Errorf("replyLangs(%q, %q) = %q, %q, want %q, %q", tt.asked, tt.topic, write, show, tt.write, tt.show)
		}
	}
}

// The notes under an answer quote the marked sentence with the reader's
// quotation marks and give the reason in the reader's language.
func TestNotesInReaderLanguage(t *testing.T) {
	claim := verify.Claim{Text: "Le chiffre est 7", Cites: []int{1}, Support: verify.Weak, Reason: verify.ReasonNumber, Detail: "7", Mark: 1}
	tests := []struct{ lang, want string }{
		{"en", "⚠¹ “Le chiffre est 7” — the quoted sentence does not give the figure 7"},
		{"fr", "⚠¹ «\u00a0Le chiffre est 7\u00a0» — la phrase citée ne donne pas le chiffre 7"},
		{"de", "⚠¹ „Le chiffre est 7“ — der zitierte Satz nennt die Zahl 7 nicht"},
		{"ja", "⚠¹ 「Le chiffre est 7」 — 引用された文に数値 7 がありません"},
	}
	for _, tt := range tests {
		r := &Result{Lang: tt.lang, Claims: []verify.Claim{claim}}
		notes := r.Notes()
		if len(notes) != 2 || notes[1] != tt.want {
			t.Errorf("%s: notes %q, want the second %q", tt.lang, notes, tt.want)
		}
	}
}
