package bot_test

import (
	"context"
	"net/http"
	"testing"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
	"corpusbot/store"
)

// TestAnswersAreRecordedForTheDashboard asks in a thread, in a DM, about
// something the corpus lacks and while the model is down, and checks what
// the store keeps of each: outcome, language, latency, tokens, channel
// kind, sources with what they showed, nearest documents, failure class.
func TestAnswersAreRecordedForTheDashboard(t *testing.T) {
	t.Parallel()
	h := start(t, setup{retries: 1})
	q := h.mention(generalID, user(1), question)
	h.final(q.ID)
	const dm = "250000000000000009"
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: user(2), Content: "Qui a fondé Alipay ?"})
	h.final(dm)
	// China is in the corpus, sourdough is not: the rewrite finds
	// nothing more, and the abstention names the documents that mention it.
	h.ai.Push(openaitest.Text("en: none"))
	waitFinal(h, ask(h, user(3), generalID, "What is the best sourdough recipe in China?", false))
	h.ai.Push(openaitest.Text("en: Alipay micro-loans"))
	for range 4 {
		h.ai.Push(openaitest.Status(http.StatusServiceUnavailable, "overloaded"))
	}
	waitContent(h, ask(h, user(4), generalID, "When did Ant Group list?", false), "unavailable")

	rows, total, err := h.st.Questions(context.Background(), store.QuestionFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if total != 4 {
		t.Fatalf("%d questions recorded, want 4: %+v", total, rows)
	}
	by := map[string]store.QuestionRow{}
	for _, r := range rows {
		by[r.Question] = r
	}
	thread := by[question]
	if thread.Outcome != store.OutcomeAnswered || thread.ChannelKind != store.ChannelThread || thread.Lang != "en" ||
		thread.Latency <= 0 || thread.PromptTokens == 0 || len(thread.Sources) == 0 ||
		thread.Sources[0].Title == "" || thread.Sources[0].LineStart == 0 || thread.Sources[0].Quote == "" {
		t.Errorf("answer in a thread recorded as %+v", thread)
	}
	if r := by["Qui a fondé Alipay ?"]; r.ChannelKind != store.ChannelDM || r.Lang != "fr" {
		t.Errorf("DM recorded as %+v, want channel kind dm, language fr", r)
	}
	if r := by["What is the best sourdough recipe in China?"]; r.Outcome != store.OutcomeAbstained ||
		r.ChannelKind != store.ChannelGuild || len(r.Nearest) == 0 {
		t.Errorf("abstention recorded as %+v, want abstained in a channel, with nearest documents", r)
	}
	if r := by["When did Ant Group list?"]; r.Outcome != store.OutcomeFailed || r.Failure != "unavailable" || r.Answer != "" || r.Lang != "en" {
		t.Errorf("failure recorded as %+v, want failed, class unavailable, no text, language en", r)
	}
}
