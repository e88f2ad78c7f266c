package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corpusbot/text"
)

// fate says what became of a piece of text: the Kind of the passage holding
// it, or "dropped" when no passage does.
func fate(t *testing.T, d *Document, s string) string {
	t.Helper()
	if !strings.Contains(d.Text, s) {
		t.Fatalf("%s: the text has no %q", d.ID, s)
	}
	for _, p := range d.Passages {
		if strings.Contains(p.Text, s) {
			return string(p.Kind)
		}
	}
	return "dropped"
}

// passageOf returns the index of the passage holding s, or -1.
func passageOf(d *Document, s string) int {
	for _, p := range d.Passages {
		if strings.Contains(p.Text, s) {
			return p.Index
		}
	}
	return -1
}

// splitDoc splits text as Load would.
func splitDoc(id, text string) *Document {
	return &Document{ID: id, Text: text, Passages: split(id, text, newNoiseRules())}
}

func TestNoisePages(t *testing.T) {
	tests := []struct {
		file  string
		fates map[string]string // piece of text → "body", "aside" or "dropped"
		apart [][]string        // pieces that must be in different passages
	}{
		{
			file: "signoff-teasers.en.txt",
			fates: map[string]string{
				"Harbor City raises water": "body", "By Dana Whitfield": "body", "bottled water": "body",
				"Reporting by Dana Whitfield": "body", "Share this:": "dropped", "Facebook": "dropped",
				"Lisbon bakery": "aside", "football team": "aside", "comet": "aside",
				"All rights reserved": "dropped", "Privacy Policy": "dropped", "Terms of Use": "dropped",
			},
			apart: [][]string{{"Lisbon bakery", "football team", "comet", "City Hall"}},
		},
		{
			file: "teasers-no-signoff.en.txt",
			fates: map[string]string{
				"Library extends": "body", "$38,000": "body", "laptops and phone chargers": "body",
				"garden centers": "aside", "orcas": "aside",
			},
			apart: [][]string{{"garden centers", "orcas", "laptops"}},
		},
		{
			file: "blog-comments.en.txt",
			fates: map[string]string{
				"raised beds": "body", "Posted on March 3": "body", "pigeons": "body",
				"Share this:": "dropped", "Like Loading": "dropped", "Related": "dropped",
				"Ten tomatoes for small gardens": "aside", "Leave a Reply": "dropped",
				"Enter your comment here": "dropped", "You are commenting using": "dropped",
				"Notify me": "dropped", "Blog at WordPress.com": "dropped", "bloggers like this": "dropped",
			},
		},
		{
			file: "related-inline.fr.txt",
			fates: map[string]string{
				"Les banques régionales face": "body", "Lire aussi : Crédit immobilier": "aside",
				"rentabilité des banques": "body", "syndicats craignent": "body",
				"Sur le même sujet": "dropped", "livret A": "aside", "Assurance vie": "aside", "Publicité": "dropped",
			},
			apart: [][]string{{"Lire aussi", "marges", "rentabilité"}, {"livret A", "Assurance vie"}},
		},
		{
			file: "page.ar.txt",
			fates: map[string]string{
				"الأمطار الغزيرة تملأ السدود": "body", "صورة: رويترز": "dropped", "كيف تختار هاتفا ذكيا": "aside",
				"ستة مليارات": "body", "اقرأ أيضا: أسعار الخضر": "aside", "الري بالتنقيط": "body",
				"موصى به": "dropped", "فريق كرة القدم": "aside",
			},
		},
		{
			file: "byline-top.en.txt",
			fates: map[string]string{
				"Field notes": "body", "Reporting by Lena Park": "body", "Copyright ©": "dropped",
				"143 species": "body", "spoonbills": "body", "next spring": "body", "Thanks to all": "body",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "pages", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d := splitDoc(tt.file, string(b))
			checkPassages(t, d)
			for s, want := range tt.fates {
				if got := fate(t, d, s); got != want {
					t.Errorf("%q: got %s, want %s", s, got, want)
				}
			}
			for _, group := range tt.apart {
				seen := make(map[int]string)
				for _, s := range group {
					i := passageOf(d, s)
					if other, ok := seen[i]; ok {
						t.Errorf("%q and %q: got one passage (%d), want separate ones", other, s, i)
					}
					seen[i] = s
				}
			}
		})
	}
}

// TestNoiseRules checks one rule at a time on small made-up texts. Each
// letter of want is a paragraph: B body, A aside, D dropped, F filler.
func TestNoiseRules(t *testing.T) {
	paras := []string{
		"The port authority approved a plan on Monday to deepen the main shipping channel so that larger container ships can reach the northern docks.",
		"Dredging will start in the autumn and take about two years, the authority said, at a cost shared between the port and the national transport ministry.",
		"Shipping companies have asked for a deeper channel for a decade, saying that the largest ships now wait offshore for the tide before they can enter the port.",
		"Environmental groups said they would study the plan, which moves silt from the channel to a disposal site outside the bay, before deciding whether to object.",
	}
	body := strings.Join(paras, "\n")
	tests := []struct {
		name, text, want string
	}{
		{"article only", "Port plan\n" + body, "BBBBB"},
		{"credit then teaser", "Port plan\n" + body + "\nAdditional reporting by Reuters\nAn unrelated story about a zoo that got a new panda.", "BBBBBBA"},
		{"credit as a byline is body", "Port plan\nReporting by Ann Lee\n" + body, "BBBBBB"},
		{"related label", "Port plan\n" + body + "\nRelated\nA story about a zoo", "BBBBBDA"},
		{"recommended in Arabic", "Port plan\n" + body + "\nموصى به\nقصة أخرى", "BBBBBDA"},
		{"inline link", "Port plan\n" + body + "\nRead also: Ports of the north", "BBBBBA"},
		{"comment form drops the rest", "Port plan\n" + body + "\nLeave a comment\nNice article!\nGreat read", "BBBBBDDD"},
		{"comment count", "Port plan\n" + body + "\n12 Comments\nFirst!", "BBBBBDD"},
		{"template placeholders", "Port plan\n" + body + "\nConnecting to %s", "BBBBBD"},
		{"photo credit", "Port plan\nPhoto: Jane Doe/Getty Images\n" + body, "BDBBBB"},
		{"photo credit after a caption", "Port plan\n" + body + "\nThe docks at dawn. Photo: AFP", "BBBBBD"},
		{"a label mid-line is no credit", "Port plan\nRun the docker image: nginx\n" + body, "BBBBBB"},
		{"comment link under the title", "Port plan\nLeave a comment\n" + body, "BDBBBB"},
		{"duplicate line", "Port plan\nA view of the northern docks at dawn\n" + body + "\nA view of the northern docks at dawn", "BBBBBBD"},
		{"short duplicates stay", "Port plan\n" + body + "\nYes.\nYes.", "BBBBBBB"},
		{"copyright in a long paragraph is text", "Port plan\n" + body + "\n" + strings.Repeat("The authority noted that all rights reserved under the old lease pass to the port. ", 2), "BBBBBB"},
		{"footer", "Port plan\n" + body + "\nAbout us\nContact\n© 2025 Port News", "BBBBBDDD"},
		{"short lines without copyright stay", "Port plan\n" + body + "\nAbout us\nContact", "BBBBBBB"},
		{"fillers", "Port plan\n* * *\n" + body, "BFBBBB"},
		{"advertisement", "Port plan\n" + paras[0] + "\nAdvertisement\n" + strings.Join(paras[1:], "\n"), "BBDBBB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := paragraphs(tt.text)
			newNoiseRules().classify(tt.text, ps)
			var got strings.Builder
			for _, p := range ps {
				got.WriteByte("BADF"[p.role])
			}
			if got.String() != tt.want {
				t.Errorf("got %s, want %s", got.String(), tt.want)
			}
		})
	}
}

// TestNoisePatternsFolded guards the pattern tables: a pattern that fold
// would change could never match.
func TestNoisePatternsFolded(t *testing.T) {
	r := newNoiseRules()
	for _, list := range [][]string{r.boilerplate, r.boilerplateLines, r.photoCredits, r.photoLabels, r.comments, r.commentCounts, r.related, r.credits, r.inlineRelated} {
		for _, p := range list {
			if f := text.Fold(p); f != strings.TrimSpace(p) && f != p && " "+f != p {
				t.Errorf("pattern %q folds to %q; write it folded", p, f)
			}
		}
	}
}

// TestNoiseMisfiresOnDocs checks the news-page rules on plain-text
// documentation: a table of contents repeats the section headings, YAML
// and code repeat lines and hold format strings, and "See also:" comes
// mid-page.
func TestNoiseMisfiresOnDocs(t *testing.T) {
	para := func(topic string) string {
		return "The " + topic + " step reads the settings file, checks every value against the schema and stops with a clear message naming the first value that is wrong, so an operator can fix it before anything is deployed to the cluster."
	}
	text := strings.Join([]string{
		"Deployment guide",
		"",
		"Contents",
		"Installing the chart",
		"Configuring the release",
		"Rolling back a release",
		"",
		"Installing the chart",
		"",
		para("install"),
		"",
		"  replicas: 2",
		"  image: web",
		"  replicas: 2",
		"",
		`fmt.Printf("deployed %s in %d seconds\n", name, secs)`,
		"",
		"See also:",
		"",
		"Configuring the release",
		"",
		para("configure"),
		"",
		"Rolling back a release",
		"",
		para("rollback"),
	}, "\n")
	d := splitDoc("guide", text)
	for _, s := range []string{"Configuring the release\n\nThe configure", "Rolling back a release\n\nThe rollback", "replicas: 2\n  image: web\n  replicas: 2", `deployed %s in %d seconds`} {
		if got := fate(t, d, s); got != "body" {
			t.Errorf("%q: got %s, want body", s, got)
		}
	}
	if got := fate(t, d, "The rollback step"); got != "body" {
		t.Errorf(`the text after "See also:" became %s, want body`, got)
	}
}
