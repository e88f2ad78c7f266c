package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/internal/storetest"
	"corpusbot/secret"
	"corpusbot/store"
)

func secretToken() secret.String { return secret.New("test-token") }

// call is one recorded Discord API call: its method and JSON body.
type call struct {
	method  string
	channel string
	body    string
}

// fakeAPI records what the handlers send and answers with made-up IDs.
type fakeAPI struct {
	mu       sync.Mutex
	calls    []call
	next     int
	channels map[string]*discordgo.Channel
	fail     map[string]error // method → error
}

func newFakeAPI() *fakeAPI {
	return &fakeAPI{channels: map[string]*discordgo.Channel{}, fail: map[string]error{}}
}

func (f *fakeAPI) record(method, channel string, body any) error {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep <#id> readable in assertions
	_ = enc.Encode(body)
	js := strings.TrimSpace(buf.String())
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call{method: method, channel: channel, body: string(js)})
	return f.fail[method]
}

func (f *fakeAPI) id() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	return strconv.Itoa(900000 + f.next)
}

func (f *fakeAPI) recorded() []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

func (f *fakeAPI) ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	if err := f.record("send", channelID, data); err != nil {
		return nil, err
	}
	return &discordgo.Message{ID: f.id(), ChannelID: channelID, Content: data.Content}, nil
}

func (f *fakeAPI) ChannelMessageEditComplex(m *discordgo.MessageEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	if err := f.record("edit", m.Channel, m); err != nil {
		return nil, err
	}
	return &discordgo.Message{ID: m.ID, ChannelID: m.Channel}, nil
}

func (f *fakeAPI) ChannelTyping(channelID string, _ ...discordgo.RequestOption) error {
	return f.record("typing", channelID, nil)
}

func (f *fakeAPI) Channel(channelID string, _ ...discordgo.RequestOption) (*discordgo.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if c, ok := f.channels[channelID]; ok {
		return c, nil
	}
	return &discordgo.Channel{ID: channelID, Type: discordgo.ChannelTypeGuildText}, nil
}

func (f *fakeAPI) MessageThreadStartComplex(channelID, messageID string, data *discordgo.ThreadStart, _ ...discordgo.RequestOption) (*discordgo.Channel, error) {
	if err := f.record("thread", channelID, data); err != nil {
		return nil, err
	}
	return &discordgo.Channel{ID: messageID, ParentID: channelID, Type: discordgo.ChannelTypeGuildPublicThread}, nil
}

func (f *fakeAPI) UserChannelCreate(recipientID string, _ ...discordgo.RequestOption) (*discordgo.Channel, error) {
	if err := f.record("dm", recipientID, nil); err != nil {
		return nil, err
	}
	return &discordgo.Channel{ID: "dm-" + recipientID, Type: discordgo.ChannelTypeDM}, nil
}

func (f *fakeAPI) InteractionRespond(i *discordgo.Interaction, resp *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	return f.record("respond", i.ChannelID, resp)
}

func (f *fakeAPI) InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	if err := f.record("webhook-edit", i.ChannelID, e); err != nil {
		return nil, err
	}
	return &discordgo.Message{ID: "original"}, nil
}

func (f *fakeAPI) FollowupMessageCreate(i *discordgo.Interaction, _ bool, p *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	if err := f.record("followup", i.ChannelID, p); err != nil {
		return nil, err
	}
	return &discordgo.Message{ID: f.id()}, nil
}

func (f *fakeAPI) FollowupMessageEdit(i *discordgo.Interaction, id string, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	if err := f.record("followup-edit", i.ChannelID, e); err != nil {
		return nil, err
	}
	return &discordgo.Message{ID: id}, nil
}

func (f *fakeAPI) ChannelMessageDelete(channelID, messageID string, _ ...discordgo.RequestOption) error {
	return f.record("delete", channelID, messageID)
}

func (f *fakeAPI) InteractionResponse(i *discordgo.Interaction, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	if err := f.record("webhook-get", i.ChannelID, nil); err != nil {
		return nil, err
	}
	return &discordgo.Message{ID: "original"}, nil
}

func (f *fakeAPI) InteractionResponseDelete(i *discordgo.Interaction, _ ...discordgo.RequestOption) error {
	return f.record("webhook-delete", i.ChannelID, nil)
}

// fakeAnswerer answers every question with a fixed result, or err.
type fakeAnswerer struct {
	mu     sync.Mutex
	docs   []corpus.Document
	result func(kind, text string) (*answer.Result, error)
	asked  []answer.Question
	briefs []answer.BriefingRequest
	block  chan struct{} // when set, Ask waits for it (or ctx)
}

func newFakeAnswerer() *fakeAnswerer {
	return &fakeAnswerer{
		docs: testDocs(),
		result: func(kind, text string) (*answer.Result, error) {
			return &answer.Result{
				ID: "abc123def456", Kind: kind, Question: text, Text: "Alipay was told to split [1].",
				Sources: []answer.Source{{N: 1, DocID: "alipay-en", Title: "Alipay ordered to spin off micro-loans", Passage: 2, LastPassage: 2, LineStart: 5, LineEnd: 7}},
			}, nil
		},
	}
}

func (f *fakeAnswerer) Ask(ctx context.Context, q answer.Question) (*answer.Result, error) {
	f.mu.Lock()
	f.asked = append(f.asked, answer.Question{Text: q.Text, History: q.History})
	block := f.block
	f.mu.Unlock()
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return nil, fmt.Errorf("ask: %w", ctx.Err())
		}
	}
	if q.OnDelta != nil {
		q.OnDelta("Alipay was told ")
		q.OnDelta("to split [1].")
	}
	return f.result(answer.KindAnswer, q.Text)
}

func (f *fakeAnswerer) Summarize(_ context.Context, r answer.SummaryRequest) (*answer.Result, error) {
	return f.result(answer.KindSummary, r.DocID+r.Topic)
}

func (f *fakeAnswerer) Brief(_ context.Context, r answer.BriefingRequest) (*answer.Result, error) {
	f.mu.Lock()
	f.briefs = append(f.briefs, r)
	f.mu.Unlock()
	return f.result(answer.KindBriefing, r.Topic)
}

func (f *fakeAnswerer) Search(context.Context, string, int) ([]answer.Match, error) { return nil, nil }

func (f *fakeAnswerer) Documents() []corpus.Document { return f.docs }

func (f *fakeAnswerer) Passage(docID string, index int) (corpus.Passage, corpus.Document, bool) {
	for _, d := range f.docs {
		if d.ID == docID && index < len(d.Passages) {
			return d.Passages[index], d, true
		}
	}
	return corpus.Passage{}, corpus.Document{}, false
}

func (f *fakeAnswerer) LLMEnabled() bool { return true }

func (f *fakeAnswerer) Check(q string) error {
	if blank(q) {
		return answer.ErrEmptyQuestion
	}
	return nil
}

func testDocs() []corpus.Document {
	mk := func(id, title, lang string, n int) corpus.Document {
		d := corpus.Document{ID: id, Title: title, Lang: lang}
		for i := range n {
			d.Passages = append(d.Passages, corpus.Passage{DocID: id, Index: i, Text: fmt.Sprintf("Passage %d of %s: Alipay and regulators.", i, id), LineStart: 2*i + 1, LineEnd: 2*i + 2})
		}
		return d
	}
	return []corpus.Document{
		mk("alipay-en", "Alipay ordered to spin off micro-loans", "en", 3),
		mk("hatchet-fr", "Alibaba et Tencent enterrent la hache de guerre", "fr", 2),
		mk("targets-ar", "الصين تستهدف أليباي", "ar", 2),
	}
}

// newTestStore is the real store, on SQLite in a folder of the test's,
// closed when the test ends: the bot is tested against the rules the
// store keeps, not a copy of them.
func newTestStore(t *testing.T) *store.Store {
	t.Helper()
	dir := t.TempDir()
	storetest.Seed(t, dir)
	st, err := store.Open(context.Background(), store.Config{Dir: dir, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	return st
}

// testBot is a Bot on a fake Discord API and pipeline and a real store,
// with short intervals.
func testBot(t *testing.T, mod func(*Config)) (*Bot, *fakeAPI, *fakeAnswerer, *store.Store) {
	t.Helper()
	cfg := Config{Token: secretToken(), EditInterval: 10 * time.Millisecond}
	if mod != nil {
		mod(&cfg)
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	api, ans, st := newFakeAPI(), newFakeAnswerer(), newTestStore(t)
	b := newBot(cfg, ans, st, nil, api)
	b.setBotID("100")
	stopAtCleanup(t, b)
	return b, api, ans, st
}

// stopAtCleanup stops b's work when the test ends, as a shutdown would,
// and fails the test if any is still running 5 s later.
func stopAtCleanup(t *testing.T, b *Bot) {
	t.Cleanup(func() {
		b.mu.Lock()
		b.stopping = true
		b.mu.Unlock()
		b.work.close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := b.work.wait(ctx); err != nil {
			t.Errorf("work still running at the end of the test")
		}
		b.cancelWork()
		b.cancelSend()
	})
}
