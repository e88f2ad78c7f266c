package retrieval

import (
	"fmt"
	"slices"
	"testing"
)

// compoundItems is made-up German documentation: each document writes a
// word whole or as part of a compound, and never the other form.
func compoundItems() []Item {
	texts := map[string]string{
		"vertrag":  "Der Vertrag wird vom Verein unterschrieben und im Büro aufbewahrt.",
		"leihen":   "Bücher leihen kann jedes Mitglied des Vereins.",
		"config":   "Die Konfigurationsdatei liegt im Ordner des Programms.",
		"konfig":   "Die Konfiguration des Servers prüft der Betreiber jeden Morgen.",
		"zugriff":  "Ohne Zugriff auf den Server bleibt die Seite leer.",
		"rechte":   "Die Rechte der Nutzer verwaltet die Gruppe der Betreiber.",
		"wetter":   "Das Wetter am Morgen war kalt und klar.",
		"garten":   "Im Garten blühen die Rosen bis in den Herbst.",
		"arbeit":   "Die Arbeit im Büro beginnt um acht Uhr.",
		"zimmer":   "Das Zimmer der Gruppe liegt im ersten Stock.",
		"kaufmiet": "Der Kaufvertrag und der Mietvertrag liegen bereit.",
		"kaufonly": "Der Kaufvertrag und die Mietpreise liegen bereit.",
		"mietonly": "Der Mietvertrag und die Kaufpreise liegen bereit.",
		"kauf":     "Beim Kauf eines Hauses hilft der Notar.",
		"miete":    "Die Miete steigt jedes Jahr.",
	}
	var items []Item
	for _, doc := range slices.Sorted(func(yield func(string) bool) {
		for k := range texts {
			if !yield(k) {
				return
			}
		}
	}) {
		items = append(items, Item{Doc: doc, Text: texts[doc], Lang: "de"})
	}
	return items
}

func TestGermanCompounds(t *testing.T) {
	ix := mustNew(t, Config{}, compoundItems())
	for _, tc := range []struct {
		name, query string
		want        []string // documents ranked first, in any order
	}{
		// split: the compound is in no document, its parts are
		{"parts of a compound", "Wer unterschreibt den Leihvertrag?", []string{"vertrag", "leihen"}},
		// split with a linking element (zugriff+s+recht)
		{"linking element", "Wer verwaltet die Zugriffsrechte?", []string{"rechte", "zugriff"}},
		// expansion: the simple word is in no document, a compound ending with it is
		{"compound of a word", "Wo liegt die Datei?", []string{"config"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := ix.SearchDocs(tc.query, 3)
			if err != nil {
				t.Fatal(err)
			}
			var top []string
			for _, h := range hits[:min(len(hits), len(tc.want))] {
				top = append(top, h.Doc)
			}
			slices.Sort(top)
			if want := slices.Sorted(slices.Values(tc.want)); !slices.Equal(top, want) {
				t.Fatalf("SearchDocs(%q) = %v, want %q first", tc.query, docsOf(hits), want)
			}
			// The added terms score but are no words of the query.
			for _, term := range hits[0].Terms {
				if !slices.Contains(ix.Analyze(tc.query), term) {
					t.Errorf("hit reports %q, not a term of the query %v", term, ix.Analyze(tc.query))
				}
			}
		})
	}
}

func TestGermanCompoundParts(t *testing.T) {
	ix := mustNew(t, Config{}, compoundItems())
	b := &analysisBuf{}
	an := slices.IndexFunc(ix.analyzers, func(a *analyzer) bool { return a.name == "de" })
	stem := ix.stemmerOf(an)
	links := compoundLinks["de"]
	texts := func(ts []compoundTerm) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.text)
		}
		return out
	}
	for _, tc := range []struct {
		term        string
		split, expd []string
	}{
		{"leihvertrag", []string{"leih", "vertrag"}, nil},
		{"zugriffsrecht", []string{"zugriff", "recht"}, nil},
		{"vertrag", nil, []string{"kaufvertrag", "mietvertrag"}},
		{"datei", nil, []string{"konfigurationsdatei"}},
		// a part under four letters is no part: "uhr" of "uhrzimm", whose
		// "zimm" the index has
		{"uhrzimm", nil, nil},
		// the compound the index has is kept whole when it is more
		// frequent than its parts: kaufvertrag (2 documents) against kauf
		// (1) and vertrag (1)
		{"kaufvertrag", nil, nil},
		// not letters
		{"vertrag2", nil, nil},
	} {
		t.Run(tc.term, func(t *testing.T) {
			if got := texts(ix.splitCompound(b, tc.term, links, stem)); !slices.Equal(got, tc.split) {
				t.Errorf("split = %q, want %q", got, tc.split)
			}
			got := texts(ix.expandCompound(b, tc.term, links, stem))
			slices.Sort(got)
			if !slices.Equal(got, tc.expd) {
				t.Errorf("expansions = %q, want %q", got, tc.expd)
			}
		})
	}
}

// An item with two compounds of a query's word scores as one with one of
// them: they are alternatives, not more evidence.
func TestGermanCompoundExpansionsAlternatives(t *testing.T) {
	ix := mustNew(t, Config{}, compoundItems())
	hits, err := ix.Search("Wo liegt der Vertrag?", 20)
	if err != nil {
		t.Fatal(err)
	}
	score := map[string]float64{}
	for _, h := range hits {
		score[ix.Item(h.Item).Doc] = h.Score
	}
	if score["kaufmiet"] == 0 || score["kaufmiet"] != score["kaufonly"] {
		t.Fatalf("Kaufvertrag and Mietvertrag score %v, Kaufvertrag alone %v: want the same, above 0", score["kaufmiet"], score["kaufonly"])
	}
	if score["vertrag"] <= score["kaufmiet"] {
		t.Errorf("the word itself scores %v, a compound of it %v: want the word above", score["vertrag"], score["kaufmiet"])
	}
}

// Other languages, and German queries in an index without German, are as
// before; so is an index read from a snapshot.
func TestGermanCompoundsScope(t *testing.T) {
	items := compoundItems()
	plain := mustNew(t, Config{}, items)
	plain.compounds.disabled = true
	ix := mustNew(t, Config{}, items)
	if h, _ := ix.SearchDocs("Datei", 3); len(h) == 0 {
		t.Fatal("no hit with compounds")
	}
	if h, _ := plain.SearchDocs("Datei", 3); len(h) != 0 {
		t.Fatalf("without compounds: %v, want no hit (no item has Datei)", docsOf(h))
	}
	en := []Item{
		{Doc: "a", Text: "The configuration file lives in the program folder.", Lang: "en"},
		{Doc: "b", Text: "A file server keeps the backups of every team.", Lang: "en"},
		{Doc: "c", Text: "Fileservers and filesystems are listed in the wiki.", Lang: "en"},
	}
	enIx := mustNew(t, Config{}, en)
	enPlain := mustNew(t, Config{}, en)
	enPlain.compounds.disabled = true
	sameResults(t, enPlain, enIx, []string{"Where is the file?", "Wo liegt die Datei?", "server", "filesystem"})

	parts, err := ix.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(copyParts(parts), items)
	if err != nil {
		t.Fatal(err)
	}
	sameResults(t, ix, mapped, []string{"Wo liegt die Datei?", "Wer unterschreibt den Leihvertrag?", "Zugriffsrechte", "Vertrag"})
}

func docsOf(hits []DocHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = fmt.Sprintf("%s %.3f", h.Doc, h.Score)
	}
	return out
}
