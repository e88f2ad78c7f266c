package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corpusbot/answer"
	"corpusbot/internal/abstaineval"
)

// TestSets checks every set of testdata/abstain against the schema its
// README describes, so that a set added by hand cannot be half-read: known
// languages, expected strings that say something, and both kinds of
// question in both halves.
func TestSets(t *testing.T) {
	files, err := filepath.Glob("../../testdata/abstain/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 4 {
		t.Fatalf("testdata/abstain holds %d sets, want at least 4: %v", len(files), files)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			qs, err := abstaineval.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			for _, q := range qs {
				switch q.Lang {
				case "en", "fr", "ar", "zh", "ru", "ko", "tr", "id", "lo", "km", "my", "vi":
				default:
					t.Errorf("%s: lang %q, want en, fr, ar, zh, ru, ko, tr, id, lo, km, my or vi", q.ID, q.Lang)
				}
				for _, e := range q.Expect {
					if len([]rune(strings.TrimSpace(e))) < 2 {
						t.Errorf("%s: expected string %q is too short to tell an answer", q.ID, e)
					}
				}
				kinds[q.InHalf()+" "+q.Kind]++
			}
			for _, k := range []string{"tune in", "tune out", "test in", "test out"} {
				if kinds[k] == 0 {
					t.Errorf("no %s-corpus question in the %s half", strings.Fields(k)[1], strings.Fields(k)[0])
				}
			}
		})
	}
}

func TestRun(t *testing.T) {
	set := filepath.Join(t.TempDir(), "set.jsonl")
	// Out-of-corpus questions of the embedded corpus, one in each half.
	lines := `{"id": "t-out-1", "lang": "en", "kind": "out", "question": "What is the population of Brazil?"}
{"id": "t-out-2", "lang": "en", "kind": "out", "question": "What is the population of Brazil?"}
`
	if err := os.WriteFile(set, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	badSet := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(badSet, []byte(`{"id": "b", "lang": "en", "kind": "maybe", "question": "Why?"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	half := abstaineval.Half("t-out-1")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-set", set, "-half", half, "-shares", "0"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1/1") {
		t.Errorf("the embedded corpus does not say Brazil's population, want it abstained on (1/1):\n%s", out.String())
	}

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no set", []string{"-half", "test"}, "-set is required"},
		{"bad half", []string{"-set", set, "-half", "both"}, `-half "both"`},
		{"explaining the test half", []string{"-set", set, "-half", "test", "-explain"}, "only with -half tune"},
		{"a bad line names its set", []string{"-set", badSet}, "bad.jsonl: line 1"},
		{"missing corpus folder", []string{"-set", set, "-corpus", filepath.Join(t.TempDir(), "helmdocs")}, "README.md says how to rebuild"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := run(context.Background(), tc.args, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error saying %q", tc.args, err, tc.want)
			}
		})
	}
}

// -explain prints an in-corpus miss of the tuning half with the
// question's words and weights. The expected string stands in another
// article, so that the question is a miss whatever the rules answer.
func TestExplain(t *testing.T) {
	set := filepath.Join(t.TempDir(), "set.jsonl")
	var id string
	for i := 0; id == ""; i++ {
		if c := "t-in-" + string(rune('a'+i)); abstaineval.Half(c) == abstaineval.Tune {
			id = c
		}
	}
	line := `{"id": "` + id + `", "lang": "en", "kind": "in", "question": "What is Quanzi called in English?", "expect": ["Forrester Research"]}` + "\n"
	if err := os.WriteFile(set, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-set", set, "-half", "tune", "-explain"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{id + ": What is Quanzi called in English? (", "best share", `focus "called"`, `name "quanzi"`,
		`refused "entity swap" unguarded false`, "cause: " + causeFocus, "cause\t1\t" + causeFocus} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-explain printed:\n%s\nwant %q in it", out.String(), want)
		}
	}
}

// A miss's cause is the first of: the expected string in no passage, no
// passage above the floor, the answering passage not retrieved, no one
// sentence holding it, a sentence holding it passing (another shown),
// one refused by a guard alone (named), too little of the focus.
func TestMissCause(t *testing.T) {
	pass := answer.ExplainedSentence{Passes: true}
	low := answer.ExplainedSentence{Share: 0.3}
	kind := answer.ExplainedSentence{Refused: true, Guard: "kind", Share: 0.8, Unguarded: true}
	swap := answer.ExplainedSentence{Refused: true, Guard: "entity swap", Share: 0.1}
	pair := answer.ExplainedSentence{Share: 0.4, WithNeighbours: true}
	for _, tt := range []struct {
		e      answer.Explanation
		inText bool
		want   string
	}{
		{answer.Explanation{Candidates: true, Retrieved: true}, false, causeNotInText},
		{answer.Explanation{}, true, causeNoFloor},
		{answer.Explanation{Candidates: true}, true, causeNotRetrieved},
		{answer.Explanation{Candidates: true, Retrieved: true}, true, causeSplit},
		{answer.Explanation{Candidates: true, Retrieved: true, Sentences: []answer.ExplainedSentence{kind, pass}}, true, causeChoice},
		{answer.Explanation{Candidates: true, Retrieved: true, Sentences: []answer.ExplainedSentence{kind}}, true, causeGuard + ": kind"},
		{answer.Explanation{Candidates: true, Retrieved: true, Sentences: []answer.ExplainedSentence{low, kind}}, true, causeGuard + ": kind"},
		{answer.Explanation{Candidates: true, Retrieved: true, Sentences: []answer.ExplainedSentence{swap, low}}, true, causeFocus},
		{answer.Explanation{Candidates: true, Retrieved: true, Sentences: []answer.ExplainedSentence{swap, pair}}, true, causeFocus + "; with a sentence beside it enough"},
	} {
		if got := missCause(tt.e, tt.inText); got != tt.want {
			t.Errorf("missCause(%+v, %v) = %q, want %q", tt.e, tt.inText, got, tt.want)
		}
	}
}

// -dump writes a row a question of the tuning half: today's decision, the
// answer's lines without citation marks, and the candidate sentences with
// their fit, the one holding the expected string marked. It refuses the
// test half.
func TestDump(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set.jsonl")
	var in, out string
	for i := 0; in == "" || out == ""; i++ {
		c := "t-dump-" + string(rune('a'+i))
		if abstaineval.Half(c) != abstaineval.Tune {
			continue
		}
		if in == "" {
			in = c
		} else {
			out = c
		}
	}
	lines := `{"id": "` + in + `", "lang": "en", "kind": "in", "question": "How many users does Alipay have?", "expect": ["billion"]}
{"id": "` + out + `", "lang": "en", "kind": "out", "question": "What is the population of Brazil?"}
`
	if err := os.WriteFile(set, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "dump.jsonl")
	if err := run(context.Background(), []string{"-set", set, "-half", "tune", "-dump", path}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []DumpRow
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r DumpRow
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 2 || rows[0].ID != in || rows[1].ID != out || rows[0].Set != "set" {
		t.Fatalf("dump rows %+v, want %s then %s of set", rows, in, out)
	}
	r := rows[0]
	if !r.Answered || !r.Correct || len(r.Answer) == 0 || strings.Contains(strings.Join(r.Answer, " "), "[1]") {
		t.Errorf("Alipay's users: answered %v correct %v lines %q, want answered with the answer, no citation marks", r.Answered, r.Correct, r.Answer)
	}
	if len(r.Candidates) == 0 || len(r.Candidates) > dumpCandidates {
		t.Fatalf("Alipay's users: %d candidates, want 1 to %d", len(r.Candidates), dumpCandidates)
	}
	held, passed := false, false
	for i, c := range r.Candidates {
		held = held || c.Holds
		passed = passed || c.Passes
		if i > 0 && c.Text == r.Candidates[i-1].Text {
			t.Errorf("candidate %d repeats %q", i, c.Text)
		}
	}
	if !held || !passed {
		t.Errorf("Alipay's users: no candidate holds the answer (%v) or passes (%v): %+v", held, passed, r.Candidates)
	}
	if rows[1].Answered || rows[1].Correct {
		t.Errorf("Brazil's population: answered %v, want abstained", rows[1].Answered)
	}
	if err := run(context.Background(), []string{"-set", set, "-half", "test", "-dump", path}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "only with -half tune") {
		t.Errorf("-dump of the test half: %v, want refused", err)
	}
}
