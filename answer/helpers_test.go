package answer

import (
	"context"
	"io/fs"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/corpus"
	"corpusbot/internal/openaitest"
	"corpusbot/llm"
	"corpusbot/prompts"
	"corpusbot/verify"
)

var embedded struct {
	once sync.Once
	c    *corpus.Corpus
	err  error
}

// embeddedCorpus loads the shipped documents once per test binary; the
// corpus is read-only, so tests share it.
func embeddedCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	embedded.once.Do(func() {
		embedded.c, embedded.err = corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{})
	})
	if embedded.err != nil {
		t.Fatalf("load embedded corpus: %v", embedded.err)
	}
	return embedded.c
}

func loadFS(t testing.TB, fsys fs.FS) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(context.Background(), fsys, corpus.Config{})
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	return c
}

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(b), "\n"))
	return len(b), nil
}

// newPipeline builds a pipeline over c; model may be nil.
func newPipeline(t testing.TB, c *corpus.Corpus, model Model) *Pipeline {
	t.Helper()
	p, err := New(Config{Logger: testLogger(t)}, c, model)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

// fakeLLM starts the fake server and a real llm client for it.
func fakeLLM(t testing.TB, timeout time.Duration, retries int) (*openaitest.Server, *llm.Client) {
	t.Helper()
	srv := openaitest.New(t)
	cl, err := llm.New(llm.Config{
		BaseURL:    srv.URL(),
		Timeout:    timeout,
		MaxRetries: retries,
		RetryBase:  10 * time.Millisecond,
		Logger:     testLogger(t),
	})
	if err != nil {
		t.Fatalf("llm.New: %v", err)
	}
	return srv, cl
}

// isRewrite tells the query rewriting call from the others.
func isRewrite(r openaitest.Request) bool {
	return strings.Contains(r.Text(), "search queries for a keyword search engine")
}

// answerRequests are the requests that were not rewrites.
func answerRequests(srv *openaitest.Server) []openaitest.Request {
	var out []openaitest.Request
	for _, r := range srv.Requests() {
		if !isRewrite(r) {
			out = append(out, r)
		}
	}
	return out
}

func rewriteCalls(srv *openaitest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if isRewrite(r) {
			n++
		}
	}
	return n
}

// userMessage is the last user message of a request: the prompt with the
// passages.
func userMessage(r openaitest.Request) string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content
		}
	}
	return ""
}

var passageRE = regexp.MustCompile(`(?s)<passage n="(\d+)" doc="([^"]*)" title="[^"]*">\n(.*?)\n</passage>`)

// promptPassage is one passage block as the model received it.
type promptPassage struct{ n, doc, text string }

func promptPassages(prompt string) []promptPassage {
	var out []promptPassage
	for _, m := range passageRE.FindAllStringSubmatch(prompt, -1) {
		out = append(out, promptPassage{m[1], m[2], m[3]})
	}
	return out
}

// passageWith returns the number of the prompt's passage containing s, or "".
func passageWith(prompt, s string) string {
	for _, p := range promptPassages(prompt) {
		if strings.Contains(p.text, s) {
			return p.n
		}
	}
	return ""
}

// citingResponder answers rewrites with rewrites and other requests with
// one sentence citing the first passage, like a model that follows the
// rules.
func citingResponder(rewrites string) func(openaitest.Request) openaitest.Reply {
	return func(r openaitest.Request) openaitest.Reply {
		if isRewrite(r) {
			return openaitest.Reply{Text: rewrites}
		}
		ps := promptPassages(userMessage(r))
		if len(ps) == 0 {
			return openaitest.Reply{Text: prompts.NoAnswer}
		}
		return openaitest.Reply{Text: "The first passage says so [" + ps[0].n + "] «" + firstWords(ps[0].text, 6) + "»."}
	}
}

// cannedModel answers every call at once with the same text: the pipeline
// without a network, for benchmarks.
type cannedModel struct{ reply string }

func (m cannedModel) Complete(context.Context, llm.Request) (llm.Response, error) {
	return llm.Response{Content: m.reply, FinishReason: "stop"}, nil
}

func (m cannedModel) Stream(_ context.Context, _ llm.Request, onDelta func(string) error) (llm.Response, error) {
	if err := onDelta(m.reply); err != nil {
		return llm.Response{}, err
	}
	return llm.Response{Content: m.reply, FinishReason: "stop"}, nil
}

// backed cites the prompt's passage holding quote, backed by it, as a
// model following the quote rule writes: [n] «quote». The test fails when
// no passage holds it.
func backed(t testing.TB, prompt, quote string) string {
	t.Helper()
	n := passageWith(prompt, quote)
	if n == "" {
		t.Errorf("no passage of the prompt holds %q", quote)
		return "[1] «" + quote + "»"
	}
	return "[" + n + "] «" + quote + "»"
}

// testReader makes readers over the first given passages of the embedded
// corpus, each a block of its own, for stream tests without a model: each
// call of reader is a fresh one, nothing cached.
func testReader(t testing.TB, given int) (reader func() *verify.Reader, blocks []*block) {
	t.Helper()
	p := newPipeline(t, embeddedCorpus(t), nil)
	st := p.state.Load()
	pk := newPacker(st, 1<<20, given, false)
	for it := 0; it < len(st.items) && len(pk.blocks) < given; it++ {
		pk.add(it)
	}
	return func() *verify.Reader { return verify.NewReader(givenBlocks{st, pk.blocks}, st.index, "question") }, pk.blocks
}

// firstWords is the first n words of text as a model would quote them.
func firstWords(text string, n int) string {
	f := strings.Fields(text)
	return strings.Join(f[:min(n, len(f))], " ")
}

// askCase is a question and a phrase its extractive answer must hold; ""
// when it must abstain.
type askCase struct {
	question, want string
}

// checkAsks asks p each question and reports answers that miss their
// phrase and answers that should have been abstentions.
func checkAsks(t *testing.T, p *Pipeline, cases []askCase) {
	t.Helper()
	for _, tt := range cases {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.want == "" && !res.Abstained:
			t.Errorf("%q: answered %q, want an abstention", tt.question, res.Text)
		case tt.want != "" && (res.Abstained || !strings.Contains(res.Text, tt.want)):
			t.Errorf("%q: %q (abstained %v), want %q", tt.question, res.Text, res.Abstained, tt.want)
		}
	}
}
