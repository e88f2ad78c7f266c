package answer

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"corpusbot/llm"
	"corpusbot/text"
)

// evalConversation is one conversation of testdata/conversations: each
// turn names the passage it needs (a phrase of it, in a document) and the
// standalone question a model should rewrite it into.
type evalConversation struct {
	ID     string `json:"id"`
	Corpus string `json:"corpus"` // "embedded", "k8s" or "k8s2"
	Lang   string `json:"lang"`
	Split  string `json:"split"` // "tune", "test" or "test2"
	Turns  []struct {
		Q          string `json:"q"`
		Standalone string `json:"standalone"`
		Doc        string `json:"doc"`
		Needle     string `json:"needle"`
	} `json:"turns"`
}

func loadConversations(t testing.TB) []evalConversation {
	t.Helper()
	b, err := os.ReadFile("testdata/conversations/conversations.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Conversations []evalConversation `json:"conversations"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("conversations.json: %v", err)
	}
	return f.Conversations
}

// scriptedRewriter plays a model that rewrites well: for a question that
// continues a conversation it writes the standalone form the data gives,
// and a keyword line of it in the question's language. It answers nothing
// else: the evaluation stops at the prompt.
type scriptedRewriter struct {
	standalone map[string]string // question → standalone form
	lang       map[string]string // question → its language
	mu         sync.Mutex
	calls      int
}

var questionRE = regexp.MustCompile(`(?s)<question>\n(.*?)\n</question>`)

func (s *scriptedRewriter) Complete(_ context.Context, req llm.Request) (llm.Response, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	msg := req.Messages[len(req.Messages)-1].Content
	m := questionRE.FindStringSubmatch(msg)
	if m == nil {
		return llm.Response{}, fmt.Errorf("scripted model: no question in %q", msg)
	}
	q := strings.TrimSpace(m[1])
	sa, ok := s.standalone[q]
	if !ok {
		return llm.Response{}, fmt.Errorf("scripted model: unknown question %q", q)
	}
	// Keywords only, as the prompt asks: no question words.
	reply := s.lang[q] + ": " + searchWords(sa)
	if strings.Contains(msg, "<history>") {
		reply = "q: " + sa + "\n" + reply
	}
	return llm.Response{Content: reply}, nil
}

func (s *scriptedRewriter) Stream(context.Context, llm.Request, func(string) error) (llm.Response, error) {
	return llm.Response{}, fmt.Errorf("scripted model: no answers")
}

// passagesBeforePrompt runs a question through the pipeline up to the prompt and
// returns the passages it would give the model, as "docID\x00text".
func passagesBeforePrompt(ctx context.Context, p *Pipeline, q string, history []Turn) ([]string, error) {
	st := p.state.Load()
	cands, _, _, err := p.retrieve(ctx, st, q, history, text.GuessLanguage(q))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range p.pack(st, p.admitted(st, cands), p.cfg.ContextTokens, p.cfg.K) {
		out = append(out, st.corpus.Docs[b.doc].ID+"\x00"+b.text)
	}
	return out, nil
}

// oldQueries is the follow-up rule this work replaced, kept as the
// baseline: five words or fewer, or an opening cue, searched with the
// previous question.
func oldQueries(q string, history []Turn) []string {
	var prev string
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Role == "user" && clean(history[i].Text) != "" {
			prev = clean(history[i].Text)
			break
		}
	}
	follow := text.CountWords(q) <= 5
	for _, cue := range []string{"and ", "but ", "what about", "how about", "why ", "what else", "who else", "tell me more", "more on",
		"et ", "mais ", "pourquoi", "et pour", "qu'en est-il"} {
		follow = follow || strings.HasPrefix(strings.ToLower(q), cue)
	}
	if prev == "" || !follow {
		return []string{q}
	}
	return []string{q, text.Clip(prev, 501) + " " + q}
}

// passagesFor packs the candidates of queries that Ask would admit: as
// without a model (admit) or as with one.
func passagesFor(p *Pipeline, queries []string, admit bool) []string {
	st := p.state.Load()
	cands := p.search(st, queries)
	if admit {
		cands = p.admitted(st, cands)
	} else {
		cands = st.relevantOnly(cands)
	}
	var out []string
	for _, b := range p.pack(st, cands, p.cfg.ContextTokens, p.cfg.K) {
		out = append(out, st.corpus.Docs[b.doc].ID+"\x00"+b.text)
	}
	return out
}

// reached reports whether the needed passage is among the first n of the
// prompt's.
func reached(passages []string, doc, needle string, n int) bool {
	for _, ps := range passages[:min(n, len(passages))] {
		id, text, _ := strings.Cut(ps, "\x00")
		if id == doc && strings.Contains(text, needle) {
			return true
		}
	}
	return false
}

// evalScore is turns whose needed passage reached the prompt, of all.
type evalScore struct{ hit, all int }

func (s evalScore) String() string {
	if s.all == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d (%.0f%%)", s.hit, s.all, 100*float64(s.hit)/float64(s.all))
}

func (s evalScore) share() float64 { return float64(s.hit) / float64(max(s.all, 1)) }

// runConversations asks every conversation turn by turn, with and without
// the scripted model, and scores the turns by split, corpus and language.
// follow-ups reports each turn's outcome for the log.
func runConversations(t *testing.T, convs []evalConversation) map[string]*evalScore {
	t.Helper()
	ctx := context.Background()
	corpora := map[string]*Pipeline{}
	model := &scriptedRewriter{standalone: map[string]string{}, lang: map[string]string{}}
	for _, c := range convs {
		for _, turn := range c.Turns {
			model.standalone[turn.Q] = turn.Standalone
			model.lang[turn.Q] = c.Lang
		}
	}
	k8s, k8s2 := loadFS(t, os.DirFS("testdata/conversations/k8s")), loadFS(t, k8s2FS(t))
	scores := map[string]*evalScore{}
	add := func(key string, hit bool) {
		if scores[key] == nil {
			scores[key] = &evalScore{}
		}
		scores[key].all++
		if hit {
			scores[key].hit++
		}
	}
	for _, mode := range []string{"no model", "model", "old rule", "standalone"} {
		var m Model
		if mode == "model" {
			m = model
		}
		corpora["embedded"] = newPipeline(t, embeddedCorpus(t), m)
		corpora["k8s"] = newPipeline(t, k8s, m)
		corpora["k8s2"] = newPipeline(t, k8s2, m)
		for _, c := range convs {
			p := corpora[c.Corpus]
			if p == nil {
				t.Fatalf("%s: unknown corpus %q", c.ID, c.Corpus)
			}
			var history []Turn
			for i, turn := range c.Turns {
				if !docHas(p, turn.Doc, turn.Needle) {
					t.Errorf("%s turn %d: document %s has no %q", c.ID, i+1, turn.Doc, turn.Needle)
				}
				var ps []string
				var err error
				switch mode {
				case "old rule":
					ps = passagesFor(p, oldQueries(turn.Q, history), true)
				case "standalone":
					ps = passagesFor(p, []string{turn.Standalone}, false)
				default:
					ps, err = passagesBeforePrompt(ctx, p, turn.Q, history)
				}
				if err != nil {
					t.Fatalf("%s turn %d: %v", c.ID, i+1, err)
				}
				hit := reached(ps, turn.Doc, turn.Needle, len(ps))
				add(c.Split+"|"+mode+"|all, in the first 3", reached(ps, turn.Doc, turn.Needle, 3))
				if !hit {
					t.Logf("%s, %s turn %d missed: %q", mode, c.ID, i+1, turn.Q)
				}
				for _, key := range []string{
					c.Split + "|" + mode + "|all",
					c.Split + "|" + mode + "|" + c.Corpus + " " + c.Lang,
					c.Split + "|" + mode + "|later turns",
				} {
					if strings.HasSuffix(key, "later turns") && i == 0 {
						continue
					}
					add(key, hit)
				}
				history = append(history, Turn{Role: "user", Text: turn.Q}, Turn{Role: "assistant", Text: "(the answer)"})
			}
		}
	}
	return scores
}

// k8s2FS is the corpus of the "test2" conversations: the Kubernetes
// sample with the Annotations pages added, so that the old splits keep
// their corpus and their figures.
func k8s2FS(t testing.TB) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, dir := range []string{"testdata/conversations/k8s", "testdata/conversations/k8s-annotations"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if filepath.Base(name) == "README.md" {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			m[filepath.Base(name)] = &fstest.MapFile{Data: b}
		}
	}
	return m
}

func docHas(p *Pipeline, doc, needle string) bool {
	for _, d := range p.Documents() {
		if d.ID != doc {
			continue
		}
		for _, ps := range d.Passages {
			if strings.Contains(ps.Text, needle) {
				return true
			}
		}
	}
	return false
}

// TestConversationsReachThePrompt is the measurement of issue 13: in
// multi-turn conversations in English, French, Arabic and Chinese, over
// the embedded news corpus and a sample of the Kubernetes documentation,
// the share of turns whose needed passage reaches the prompt. The rules
// were tuned on the "tune" half only; the goals are checked on the
// held-out "test" half and on "test2", written after the rules (and before
// the document floor, which was chosen on other tuning data): every turn
// with a model that rewrites follow-ups, at least 4 in 5 without a model.
// "no model" and "old rule" admit what a model-less Ask admits (the focus
// rule's lower floor), "model" and "standalone" what Ask with a model
// does. Figures: docs/benchmarks.md.
func TestConversationsReachThePrompt(t *testing.T) {
	scores := runConversations(t, loadConversations(t))
	keys := make([]string, 0, len(scores))
	for k := range scores {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-45s %s", k, scores[k])
	}
	for _, split := range []string{"test", "test2"} {
		// With a model, a follow-up must do as well as its standalone form
		// asked alone: the conversation loses nothing; and every follow-up
		// reaches the prompt.
		if s, o := scores[split+"|model|all"], scores[split+"|standalone|all"]; s == nil || o == nil || s.hit < o.hit {
			t.Errorf("%s: with a model, turns reaching the prompt: %v, want at least the %v of the standalone questions", split, s, o)
		}
		if s := scores[split+"|model|later turns"]; s == nil || s.hit < s.all {
			t.Errorf("%s: with a model, follow-ups reaching the prompt: %v, want all", split, s)
		}
		if s := scores[split+"|no model|all"]; s == nil || s.share() < 0.8 {
			t.Errorf("%s: without a model, turns reaching the prompt: %v, want at least 4 in 5", split, s)
		}
	}
	// The first held-out set, first questions included.
	if s := scores["test|model|all"]; s == nil || s.hit < s.all {
		t.Errorf("test: with a model, turns reaching the prompt: %v, want all", s)
	}
}

// TestConversationData checks that every turn's needed passage exists:
// a needle that matches nothing would count as a miss of retrieval.
func TestConversationData(t *testing.T) {
	corpora := map[string]*Pipeline{
		"embedded": newPipeline(t, embeddedCorpus(t), nil),
		"k8s":      newPipeline(t, loadFS(t, os.DirFS("testdata/conversations/k8s")), nil),
		"k8s2":     newPipeline(t, loadFS(t, k8s2FS(t)), nil),
	}
	for _, c := range loadConversations(t) {
		p := corpora[c.Corpus]
		if p == nil {
			t.Errorf("%s: unknown corpus %q", c.ID, c.Corpus)
			continue
		}
		if n := len(c.Turns); n < 3 || n > 5 {
			t.Errorf("%s: %d turns, want 3 to 5", c.ID, n)
		}
		for i, turn := range c.Turns {
			if turn.Q == "" || turn.Standalone == "" {
				t.Errorf("%s turn %d: question or standalone form missing", c.ID, i+1)
			}
			if !docHas(p, turn.Doc, turn.Needle) {
				t.Errorf("%s turn %d: document %s has no passage with %q", c.ID, i+1, turn.Doc, turn.Needle)
			}
		}
	}
}
