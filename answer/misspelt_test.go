package answer

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// A word the corpus never uses, one slip from a name it writes, is that
// name: held wherever the name stands, not weighing the most as a word no
// page holds. A common word one slip from another, a short word, and a
// word two names are one slip from are left as they are.
func TestMisspeltName(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{"net.md": {Data: []byte("# Networks\n\n" +
		"The Internet2 community built its first network, called Abilene, in 1998. " +
		"Later the ARPANET was retired and Abilene carried the research traffic. " +
		"Research costumes were shown at the Gegeen and Gegeer courts. " +
		"The Romans traded with Paris.\n")}}), nil)
	st := p.state.Load()
	for _, tt := range []struct {
		word, want string
	}{
		{"ableine", ""}, // two slips
		{"abilen", "abilene"},
		{"Abilenne", "abilene"},
		{"arpnet", "arpanet"},
		{"aprante", ""},  // two slips
		{"Gegeex", ""},   // Gegeen and Gegeer
		{"coutumes", ""}, // costumes is a common word, not a name
		{"Pariss", "paris"},
		{"Pari", ""},    // too short
		{"abilene", ""}, // the name itself, known
	} {
		got, ok := st.misspeltName(tt.word)
		if tt.word == "abilene" {
			// focusOf never asks for a known word; misspeltName finds
			// no other name one slip from it.
			ok, got = false, ""
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("misspeltName(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
	f := st.focusOf(st.withoutFraming("When was the arpnet retired?"))
	if !f.names["arpanet"] {
		t.Errorf("arpnet: names %v, want arpanet among them", f.names)
	}
	res, err := p.Ask(context.Background(), Question{Text: "What was the first network of the Internet2 community, later than the arpnet?"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.Contains(res.Text, "Abilene") {
		t.Errorf("answer %q, want Abilene's sentence", res.Text)
	}
}

func TestOneSlip(t *testing.T) {
	seen := map[string]bool{}
	for c := range oneSlip("abc") {
		seen[c] = true
	}
	for _, w := range []string{"bc", "ac", "ab", "bac", "acb", "xbc", "abxc", "abcx", "éabc"} {
		if !seen[w] {
			t.Errorf("oneSlip(abc) lacks %q", w)
		}
	}
	if seen["cab"] || seen["a"] {
		t.Error("oneSlip(abc) holds words two slips away")
	}
}

// A code name the question writes with its parentheses, one slip from a
// code name the corpus writes, is that name when the corpus writes no word
// spelt as the question's: lower-case code names are no names by their
// capital, so the name rule above never read them.
func TestMisspeltCodeName(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{"util.md": {Data: []byte("# Text utilities\n\n" +
		"The utilities work on any text and keep its order. " +
		"`mergerun()` returns the runs of a text joined in their order. " +
		"It ignores empty runs by default. " +
		"`splitrun()` cuts a text into runs of one script.\n")}}), nil)
	checkAsks(t, p, []askCase{
		{"Which runs of a text does megrerun() return?", "runs of a text joined"},  // two letters swapped
		{"Which runs of a text does mergrun() return?", "runs of a text joined"},   // a letter dropped
		{"Which runs of a text does mergerunn() return?", "runs of a text joined"}, // a letter added
		{"Which runs of a text does megrerun return?", ""},                         // not written as code
		{"Which runs of a text does mgrerun() return?", ""},                        // two slips
	})
}

// An identifier the question writes with underscores or dots (snake_case,
// SCREAMING_CASE, a dotted name), one slip from one the corpus writes and
// written by no page as the question spells it, is that identifier: held
// by the sentence that writes it. An identifier two slips away, or one
// slip from two, is left as it is, and so is a plain word.
func TestMisspeltIdentifier(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{"model.md": {Data: []byte("# Model settings\n\n" +
		"The settings are read once at start and kept for the whole run. " +
		"The `max_tokens` setting caps the length of each reply in tokens. " +
		"The `DATA_DIR` variable names the folder where the state is kept. " +
		"The `retry_wait` and `retry_wail` settings are kept for old files only. " +
		"Values are read from `config.settings.yaml` at start.\n")}}), nil)
	checkAsks(t, p, []askCase{
		{"What does max_tokns cap?", "caps the length of each reply"},              // a letter dropped
		{"What does the max_tokesn setting cap?", "caps the length of each reply"}, // two letters swapped
		{"Which folder does DATA_DRI name?", "names the folder where the state"},   // SCREAMING_CASE
		{"Where is config.setings.yaml read?", "config.settings.yaml"},             // dotted
		{"What does mx_tokns cap?", ""},                                            // two slips
		{"What is retry_wain for?", ""},                                            // retry_wait and retry_wail
	})
}

// A code name the question writes as a call, spelt as the corpus' code
// writes it, is also held by the one name one slip from it that the
// corpus writes only in its prose, in the same document: the prose's
// slip ("`counthai()` returns …" of the code's countthai). A name one
// slip away that the code also writes is another function, and a slip in
// another document is not the prose about this code.
func TestCodeNameMisspeltInProse(t *testing.T) {
	fsys := fstest.MapFS{
		"util.md": {Data: []byte("# Text utilities\n\n" +
			"The utilities work on any text and keep its order.\n\n" +
			"`mergrun()` returns the runs of a text joined in their order.\n\n" +
			"Empty runs are left out by default and kept when asked.\n\n" +
			"`lstrip()` returns the text without its leading spaces.\n\n" +
			"Spaces of every script are counted as spaces.\n\n" +
			"The examples below show them at work.\n\n" +
			"```python\nutil.mergerun(\"abc def\")\nutil.lstrip(\"  abc\")\nutil.rstrip(\"abc  \")\n```\n")},
		"other.md": {Data: []byte("# Other utilities\n\n" +
			"`splitrn()` returns the parts of a text of one script each.\n")},
		"code.md": {Data: []byte("# Cutting\n\n" +
			"```python\nutil.splitrun(\"abc def\")\n```\n")},
		"files.md": {Data: []byte("# Files\n\n" +
			"Files are read in their order and kept open while they are read. " +
			"A file that cannot be read is named in the log with its reason.\n")},
		"start.md": {Data: []byte("# Getting started\n\n" +
			"Install the package with pip and import it in your program. " +
			"The first run downloads the dictionaries it needs.\n")},
	}
	for i, topic := range []string{"lists", "words", "numbers", "dates", "names", "lines", "tables", "tokens"} {
		// Pages whose prose says what their calls return: "return" is a
		// common word of the corpus, as in any API's documentation.
		fsys[fmt.Sprintf("guide%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Working with %s\n\n"+
			"Each call on %s returns a new value and leaves the input as it was. "+
			"Part %d of the guide shows what the calls on %s return.\n", topic, topic, i+1, topic))}
	}
	p := newPipeline(t, loadFS(t, fsys), nil)
	checkAsks(t, p, []askCase{
		{"What does mergerun() return?", "runs of a text joined"},
		{"What does rstrip() return?", ""},   // lstrip() is in the code too
		{"What does splitrun() return?", ""}, // the slip is in another document
		{"What does mergerun return?", ""},   // not written as code
	})
}

// BenchmarkCorpusCodeAndIdents times gathering the corpus' code names and
// identifiers, which the first question writing a call or a misspelt
// identifier waits for: once a corpus, over all its text.
func BenchmarkCorpusCodeAndIdents(b *testing.B) {
	p := newPipeline(b, embeddedCorpus(b), nil)
	st := p.state.Load()
	for b.Loop() {
		st.codeOnce, st.identOnce = sync.Once{}, sync.Once{}
		st.codeNames()
		st.corpusIdents()
	}
}

// callsIn and joinedTokens find what the regular expressions they stand
// for find: codeRe's calls, and compoundsOf's identifiers with an
// underscore or a dot, over the whole text.
func FuzzCodeAndIdentScans(f *testing.F) {
	codeRe := regexp.MustCompile(`\pL[\pL\pN]*\(`)
	for _, s := range []string{
		"util.counthai(\"x\") and `mergerun()` f(g(h()))",
		"9abc( a9b( x_y( ²a( é( (( a",
		"max_tokens, DATA_DIR and config.settings.yaml; --set-file a.b.c 1.2.3 v1.2 e.g. end. Next_",
		"_a a_ ._. a._b __init__ ..x x.. über_straße.ß ½_x x_½",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, got []string
		for _, m := range codeRe.FindAllStringIndex(s, -1) {
			want = append(want, s[m[0]:m[1]-1])
		}
		for start, end := range callsIn(s) {
			got = append(got, s[start:end])
		}
		if !slices.Equal(got, want) {
			t.Errorf("callsIn(%q) = %q, want %q", s, got, want)
		}
		want, got = nil, nil
		for _, c := range compoundsOf(s) {
			if strings.ContainsAny(c.text, "_.") {
				want = append(want, c.text)
			}
		}
		for tok := range joinedTokens(s) {
			for _, c := range compoundsOf(tok) {
				if strings.ContainsAny(c.text, "_.") {
					got = append(got, c.text)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("identifiers of %q: %q by joinedTokens, %q by compoundsOf", s, got, want)
		}
	})
}
