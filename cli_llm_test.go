package main

import (
	"regexp"
	"strings"
	"testing"

	"corpusbot/i18n"
	"corpusbot/internal/openaitest"
)

// passageNumber finds the number the prompt gave to the passage holding text.
func passageNumber(prompt, text string) string {
	re := regexp.MustCompile(`<passage n="(\d+)"[^>]*>`)
	locs := re.FindAllStringSubmatchIndex(prompt, -1)
	at := strings.Index(prompt, text)
	n := ""
	for _, l := range locs {
		if l[0] < at {
			n = prompt[l[2]:l[3]]
		}
	}
	return n
}

func TestAskWithLLMStreamsCitedAnswer(t *testing.T) {
	llm := openaitest.New(t)
	llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
		prompt := r.Text()
		n := passageNumber(prompt, "control of data")
		if n == "" { // the query-rewriting call, or a prompt without the passage
			return openaitest.Reply{Text: "Alipay micro-loan spin-off"}
		}
		return openaitest.Reply{Text: "Regulators want to end big tech's control of data [" + n + "] «monopoly power comes from their control of data», so Alipay must spin off its micro-loan business [" + n + "] «spin off its profitable micro-loan business»."}
	})
	env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}
	out, errOut, code := runCLI(t, env, "ask", "Why was Alipay told to spin off its micro-loan business?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"control of data [1]", "micro-loan business [1].", "Sources:", "[1] ", "alipay-ordered-to-spin-off-micro-loans.en"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(errOut, "No LLM configured") {
		t.Error("an LLM was configured, but the extractive note was printed")
	}
	streamed := false
	for _, r := range llm.Requests() {
		streamed = streamed || r.Stream
	}
	if !streamed {
		t.Error("ask did not stream from the LLM")
	}
}

func TestAskLLMFailuresGiveOneLine(t *testing.T) {
	tests := []struct {
		name string
		step openaitest.Step
		want string
	}{
		{"unauthorized", openaitest.Status(401, "Incorrect API key provided"), "rejected the API key"},
		{"bad request", openaitest.Status(404, "model not found"), "check OPENAI_MODEL"},
		{"server down", openaitest.Status(503, "overloaded"), "unavailable right now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			llm := openaitest.New(t)
			for range 10 {
				llm.Push(tt.step)
			}
			env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_MAX_RETRIES": "0", "OPENAI_API_KEY": "sk-test-secret-123"}
			_, errOut, code := runCLI(t, env, "ask", "Who is the spokesman of the Ministry of Industry and Information Technology?")
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q lacks %q", errOut, tt.want)
			}
			if strings.Contains(errOut, "sk-test-secret-123") {
				t.Errorf("stderr reveals the API key: %q", errOut)
			}
		})
	}
}

func TestAskOutOfCorpusAbstainsWithoutLLM(t *testing.T) {
	llm := openaitest.New(t)
	env := map[string]string{"OPENAI_BASE_URL": llm.URL()}
	out, errOut, code := runCLI(t, env, "ask", "What is the population of Brazil?")
	if code != 0 {
		t.Fatalf("exit %d (an abstention is an answer): %s", code, errOut)
	}
	if !strings.Contains(out, "does not cover") {
		t.Errorf("output %q: want an abstention", out)
	}
	if n := llm.Calls(); n != 0 {
		t.Errorf("LLM called %d times for an out-of-corpus question, want 0", n)
	}
}

// In the terminal too, a sentence whose quote is not in its passage is
// marked where it stands and explained below the answer, in the question's
// language; a cut-off answer says so.
func TestAskWithLLMMarksUnverifiedSentences(t *testing.T) {
	llm := openaitest.New(t)
	llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
		prompt := r.Text()
		n := passageNumber(prompt, "control of data")
		if n == "" {
			return openaitest.Reply{Text: "en: Alipay micro-loan spin-off"}
		}
		return openaitest.Reply{Text: "Le gouvernement veut mettre fin au contrôle des données [" + n + "] «monopoly power comes from their control of data». " +
			"Le porte-parole est Zhao Zhiguo [" + n + "] «Zhao Zhiguo a dit». Et puis le", FinishReason: "length"}
	})
	env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}
	out, errOut, code := runCLI(t, env, "ask", "Pourquoi Alipay doit-elle se séparer de son activité de microcrédit ?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"contrôle des données [1].", "⚠¹ Le porte-parole est Zhao Zhiguo [1].",
		i18n.Text("fr", i18n.CheckSentences), i18n.Text("fr", i18n.WhyNotFound, "[1]"), i18n.Text("fr", i18n.CutLength),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Et puis le") {
		t.Errorf("the sentence cut at the token limit is shown:\n%s", out)
	}
}

// A model that says one verified sentence ten times: the terminal shows it
// once, streamed or not, and the other sentence in its place.
func TestAskWithLLMShowsARepeatOnce(t *testing.T) {
	const claim = "Regulators want to end big tech's control of data"
	llm := openaitest.New(t)
	llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
		n := passageNumber(r.Text(), "control of data")
		if n == "" {
			return openaitest.Reply{Text: "Alipay micro-loan spin-off"}
		}
		one := claim + " [" + n + "] «monopoly power comes from their control of data». "
		return openaitest.Reply{Text: strings.Repeat(one, 10) + "Alipay must spin off its micro-loan business [" + n + "] «spin off its profitable micro-loan business»."}
	})
	env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}
	out, errOut, code := runCLI(t, env, "ask", "Why was Alipay told to spin off its micro-loan business?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(out, claim); n != 1 || !strings.Contains(out, "micro-loan business [1].") {
		t.Errorf("the repeated sentence is shown %d times, want once, then the other:\n%s", n, out)
	}
}

// A code block a model writes is checked in the terminal too: code copied
// from its passage is shown as it is, code no passage holds is marked on
// the line above its fence and the note says why, in the question's
// language.
func TestAskWithLLMMarksMadeUpCode(t *testing.T) {
	const madeUp = "alipay-cli spin-off --micro-loans"
	llm := openaitest.New(t)
	llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
		n := passageNumber(r.Text(), "control of data")
		if n == "" {
			return openaitest.Reply{Text: "en: Alipay micro-loan spin-off"}
		}
		return openaitest.Reply{Text: "Alipay must spin off its micro-loan business [" + n + "] «spin off its profitable micro-loan business»:\n" +
			"```\nspin off its profitable\nmicro-loan business\n```\n\nThen:\n```sh\n" + madeUp + "\n```"}
	})
	env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}
	for _, tc := range []struct{ question, note string }{
		{"Why was Alipay told to spin off its micro-loan business?", "this line of code is in none of the cited passages"},
		{"Pourquoi Alipay a-t-il dû séparer son activité de microcrédit ?", "cette ligne de code ne figure dans aucun des passages cités"},
	} {
		out, errOut, code := runCLI(t, env, "ask", tc.question)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "⚠¹\n```sh\n"+madeUp+"\n```") || strings.Count(out, "⚠") != 2 {
			t.Errorf("%s: the made-up code is not marked above its fence, once, with one note:\n%s", tc.question, out)
		}
		if !strings.Contains(out, "```\nspin off its profitable\nmicro-loan business\n```") {
			t.Errorf("%s: the copied code is not shown as written:\n%s", tc.question, out)
		}
		noted := false
		for _, l := range strings.Split(out, "\n") {
			noted = noted || strings.HasPrefix(l, "⚠¹ ") && strings.Contains(l, madeUp) && strings.HasSuffix(l, " — "+tc.note)
		}
		if !noted {
			t.Errorf("%s: no note explains the mark:\n%s", tc.question, out)
		}
	}
}
