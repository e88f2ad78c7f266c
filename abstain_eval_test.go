package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
)

// loadAbstainSet reads a held-out abstention set of testdata/abstain.
func loadAbstainSet(t *testing.T, name string) []abstaineval.Question {
	t.Helper()
	f, err := os.Open("testdata/abstain/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := abstaineval.Load(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return qs
}

// TestAbstentionHeldOut measures extractive ask on the test half of the
// embedded corpus' abstention set, which the focus rule's threshold was not
// chosen on. The goals (9 in 10 out-of-corpus questions abstained on, 19 in
// 20 in-corpus ones answered with their sentence) are not met yet:
// docs/benchmarks.md has the figures. The floors below sit under the
// measured 76/81 and 75/80, so that a change that loses ground fails.
func TestAbstentionHeldOut(t *testing.T) {
	c, err := corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	test := abstaineval.Select(loadAbstainSet(t, "embedded.jsonl"), abstaineval.Test)
	r, err := abstaineval.Evaluate(context.Background(), p, test)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Langs() {
		c := r.ByLang[l]
		t.Logf("%s: out-of-corpus abstained %d/%d, in-corpus answered %d/%d", l, c.OutAbstained, c.Out, c.InAnswered, c.In)
	}
	// The misses of the test half are not printed: reading them would be
	// tuning on it. `go run ./abstain -half tune` in bench/ lists those of
	// the tuning half.
	if r.All.Recall() < 0.9 || r.All.Answered() < 0.9 {
		t.Errorf("test half: abstained on %d/%d out-of-corpus (floor 90%%), answered %d/%d in-corpus (floor 90%%)",
			r.All.OutAbstained, r.All.Out, r.All.InAnswered, r.All.In)
	}
}

// Phrasings that frame a question the way people do. The framing rules
// were developed against devWrappers; heldOutWrappers were written after,
// and nothing was changed for them.
var heldOutWrappers = map[string][]string{
	"en": {"Hello there! %s", "%s Would appreciate a short answer.", "Sorry to bother you, %s", "Hey, quick one: %s",
		"%s Many thanks!", "Good morning. %s", "%s Keep it short please."},
	"fr": {"Coucou ! %s", "%s Merci bien.", "Excusez-moi, %s", "J'aimerais savoir : %s", "Rapidement : %s",
		"%s Réponds en deux mots stp.", "Bonsoir. %s"},
	"ar": {"السلام عليكم، %s", "%s جزاك الله خيرا", "عفوا، %s", "أود أن أعرف: %s", "%s مع الشكر", "صباح الخير. %s"},
}

var devWrappers = map[string][]string{
	"en": {"%s Please explain briefly.", "hey bot, %s", "Can you tell me: %s Thanks", "Quick question: %s",
		"I was wondering, %s", "Please, %s", "%s Thanks in advance!", "Hi! %s Cheers", "Could you kindly explain: %s", "yo bot %s"},
	"fr": {"Bonjour, %s", "%s Merci d'avance !", "Peux-tu me dire : %s", "S'il vous plaît, %s", "%s Explique brièvement, merci.",
		"Salut le bot, %s", "Dis-moi, %s", "%s Merci beaucoup."},
	"ar": {"مرحبا، %s", "%s شكرا لك", "من فضلك، %s", "لو سمحت %s", "%s اشرح باختصار من فضلك", "هل يمكنك أن تخبرني: %s", "أرجو أن تجيبني: %s"},
}

// TestPolitenessHeldOut: politeness and framing words must not make an
// answerable question abstain. Every in-corpus question of the held-out
// half that is answered as asked is asked again wrapped in each phrasing
// of its language, and must still be answered with its sentence.
func TestPolitenessHeldOut(t *testing.T) {
	c, err := corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	var plain, wrapped []abstaineval.Question
	for _, q := range abstaineval.Select(loadAbstainSet(t, "embedded.jsonl"), abstaineval.Test) {
		if q.Kind == "in" {
			plain = append(plain, q)
		}
	}
	base, err := abstaineval.Evaluate(context.Background(), p, plain)
	if err != nil {
		t.Fatal(err)
	}
	missed := map[string]bool{}
	for _, m := range base.Misses {
		missed[strings.SplitN(m, ":", 2)[0]] = true
	}
	for _, q := range plain {
		if missed[q.ID] {
			continue
		}
		for set, ws := range map[string]map[string][]string{"dev": devWrappers, "held-out": heldOutWrappers} {
			for i, w := range ws[q.Lang] {
				wq := q
				wq.ID, wq.Question = fmt.Sprintf("%s/%s/%d", q.ID, set, i), fmt.Sprintf(w, q.Question)
				wq.Lang = set + " " + q.Lang
				wrapped = append(wrapped, wq)
			}
		}
	}
	r, err := abstaineval.Evaluate(context.Background(), p, wrapped)
	if err != nil {
		t.Fatal(err)
	}
	var dev, held abstaineval.Counts
	for _, l := range r.Langs() {
		c := r.ByLang[l]
		t.Logf("%s: %d/%d framed questions answered with their sentence", l, c.InAnswered, c.In)
		sum := &held
		if strings.HasPrefix(l, "dev ") {
			sum = &dev
		}
		sum.In += c.In
		sum.InAnswered += c.InAnswered
	}
	// The phrasings the rules were developed on all keep their answer;
	// of the held-out ones (docs/benchmarks.md has the figure), at least
	// 19 in 20. The misses of the held-out set are not printed: they are
	// not to be tuned on.
	if dev.InAnswered < dev.In {
		for _, m := range r.Misses {
			if strings.Contains(m, "/dev/") {
				t.Log(m)
			}
		}
		t.Errorf("%d of %d framed questions (development phrasings) lost their answer", dev.In-dev.InAnswered, dev.In)
	}
	if held.Answered() < 0.95 {
		t.Errorf("held-out phrasings: %d of %d answered, want at least 95%%", held.InAnswered, held.In)
	}
}
