package answer

import (
	"context"
	"math"
	"testing"
	"testing/fstest"
)

func TestDecisionModelTable(t *testing.T) {
	// Empty, the rule decides alone; otherwise a weight a signal.
	if n := len(decisionModel.weights); n != 0 && n != len(signalNames) {
		t.Fatalf("decisionModel has %d weights for %d signals", n, len(signalNames))
	}
}

func TestModelAnswers(t *testing.T) {
	m := logistic{english: true, bias: -1, weights: []float64{2, -1}}
	tests := []struct {
		sig  []float64
		want bool
	}{
		{[]float64{1, 0}, true},   // -1 + 2 = 1
		{[]float64{0.5, 0}, true}, // exactly at the threshold
		{[]float64{1, 2}, false},  // -1 + 2 - 2
		{[]float64{0, 0}, false},
	}
	for _, tt := range tests {
		if got := m.answers(tt.sig); got != tt.want {
			t.Errorf("answers(%v) = %v, want %v", tt.sig, got, tt.want)
		}
	}
	if (logistic{}).answers([]float64{1}) {
		t.Error("a model without weights answers; it must leave the rule alone")
	}
	// Without english, an English question keeps the rule's decision.
	if signalNames[langEnSignal] != "lang_en" {
		t.Fatalf("langEnSignal %d names %q", langEnSignal, signalNames[langEnSignal])
	}
	other := logistic{bias: 1, weights: make([]float64, len(signalNames))}
	sig := make([]float64, len(signalNames))
	if !other.answers(sig) || !other.decides("zh") {
		t.Error("a model without english does not decide a Chinese question")
	}
	sig[langEnSignal] = 1
	if other.answers(sig) || other.decides("en") {
		t.Error("a model without english decides an English question")
	}
	other.english = true
	if !other.answers(sig) || !other.decides("en") {
		t.Error("a model with english does not decide an English question")
	}
}

func TestWeighingPicks(t *testing.T) {
	rule, loose := []pick{{text: "rule"}}, []pick{{text: "loose"}}
	// A model that answers when the second signal (share) reaches a half.
	m := logistic{bias: -1, weights: make([]float64, len(signalNames))}
	m.weights[1] = 2
	yes, no := make([]float64, len(signalNames)), make([]float64, len(signalNames))
	yes[1], no[1] = 0.6, 0.3
	tests := []struct {
		name string
		w    weighing
		want string
	}{
		{"the rule keeps a sentence", weighing{rule: rule, loose: loose, signals: no}, "rule"},
		{"nothing loose", weighing{}, ""},
		{"loose, the model abstains", weighing{loose: loose, signals: no}, ""},
		{"loose, the model answers", weighing{loose: loose, signals: yes}, "loose"},
	}
	for _, tt := range tests {
		got := ""
		if ps := tt.w.picks(m); len(ps) > 0 {
			got = ps[0].text
		}
		if got != tt.want {
			t.Errorf("%s: picks %q, want %q", tt.name, got, tt.want)
		}
	}
	if ps := (weighing{loose: loose, signals: yes}).picks(logistic{}); ps != nil {
		t.Errorf("without a model: picks %v, want none (the rule alone)", ps)
	}
}

// A model that lists its languages decides those only: a question in a
// language it was not fitted on keeps the rule's decision.
func TestModelLanguagesSeen(t *testing.T) {
	loose := []pick{{text: "loose"}}
	m := logistic{langs: []string{"ar", "zh"}, bias: 1, weights: make([]float64, len(signalNames))}
	sig := make([]float64, len(signalNames))
	for _, tt := range []struct {
		lang string
		want bool
	}{{"zh", true}, {"ar", true}, {"vi", false}, {"km", false}, {"en", false}, {"", false}} {
		if got := m.decides(tt.lang); got != tt.want {
			t.Errorf("decides(%q) = %v, want %v", tt.lang, got, tt.want)
		}
		if got := len((weighing{loose: loose, signals: sig, lang: tt.lang}).picks(m)) > 0; got != tt.want {
			t.Errorf("%s: picks the loose sentences %v, want %v", tt.lang, got, tt.want)
		}
	}
	m.langs = nil
	if !m.decides("vi") {
		t.Error("a model without langs does not decide a Vietnamese question")
	}
}

// Weigh says what Ask decides, with a signal for each name.
func TestWeigh(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"relay.md": {Data: []byte("# Relay\n\nThe relay forwards messages to the archive every ten minutes. It was written by the operations team in 2019.\n")},
		"cache.md": {Data: []byte("# Cache\n\nThe cache keeps rendered pages for an hour before it drops them.\n")},
	})
	p := newPipeline(t, c, nil)
	ctx := context.Background()
	for _, q := range []string{"How often does the relay forward messages?", "What does the relay cost per month?", "How long does the cache keep pages?"} {
		w, err := p.Weigh(ctx, Question{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		res, err := p.Ask(ctx, Question{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if w.Answered == res.Abstained {
			t.Errorf("%s: Weigh says answered %v, Ask abstained %v", q, w.Answered, res.Abstained)
		}
		if w.Signals != nil && len(w.Signals) != len(SignalNames()) {
			t.Errorf("%s: %d signals for %d names", q, len(w.Signals), len(SignalNames()))
		}
		if w.Rule != "" && (w.Signals == nil || w.Signals[0] != 1) {
			t.Errorf("%s: the rule answers (%q) but its signal is %v", q, w.Rule, w.Signals)
		}
		if w.Answered && w.Rule != "" && res.Text != w.Rule {
			t.Errorf("%s: Ask shows %q, Weigh's rule %q", q, res.Text, w.Rule)
		}
	}
}

// The feature extractor says which guard turned a sentence away, the
// question's language, and the top sentence's length.
func TestFeatures(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"engines.md": {Data: []byte("# Steam engines\n\nIn 1781 James Watt patented a steam engine with a sun and planet gear.\n\nSteam engines drove the mills of the town for a century.\n")},
		"relay.md":   {Data: []byte("# Relay\n\nThe relay forwards messages to the archive every 10 minutes.\n")},
		"limits.md":  {Data: []byte("# Limits\n\nThe archive takes at most 15 relay messages a second.\n")},
	})
	p := newPipeline(t, c, nil)
	sig := func(q string) map[string]float64 {
		t.Helper()
		w, err := p.Weigh(context.Background(), Question{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if w.Signals == nil {
			t.Fatalf("%s: no signals (rule %q, loose %q)", q, w.Rule, w.Loose)
		}
		m := map[string]float64{}
		for i, n := range SignalNames() {
			m[n] = w.Signals[i]
		}
		return m
	}
	// The minutes differ: the numbers guard refuses the first sentence,
	// which holds the whole focus without it.
	got := sig("Does the relay forward messages to the archive every 15 minutes?")
	if got["g_polarity"] <= 0 || got["refused_share"] < 0.5 {
		t.Errorf("15 minutes: g_polarity %v, refused_share %v; want the numbers guard's refusal counted", got["g_polarity"], got["refused_share"])
	}
	if got["lang_en"] != 1 || got["other_lang"] != 0 {
		t.Errorf("15 minutes: lang_en %v, other_lang %v; want an English question and passage", got["lang_en"], got["other_lang"])
	}
	// The right figure: the rule answers, and only the other document's
	// sentence (no 10) is refused.
	if got := sig("Does the relay forward messages to the archive every 10 minutes?"); got["rule"] != 1 || got["g_polarity"] != math.Log1p(1) {
		t.Errorf("10 minutes: rule %v, g_polarity %v; want 1 and log(2)", got["rule"], got["g_polarity"])
	}
	// "Who patented": the mills' sentence holds the steam engine but not
	// the deed, and is refused for it.
	got = sig("Who patented a steam engine with a sun and planet gear in 1781?")
	if got["g_other"] <= 0 || got["g_polarity"] != 0 || got["g_names"] != 0 || got["g_kind"] != 0 {
		t.Errorf("1781: g_other %v, g_polarity %v, g_names %v, g_kind %v; want the deed's refusal alone", got["g_other"], got["g_polarity"], got["g_names"], got["g_kind"])
	}
	if got["top_words"] <= 0 {
		t.Errorf("1781: top_words %v, want the log of the sentence's words", got["top_words"])
	}
}
