package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestAsksForOf(t *testing.T) {
	tests := []struct {
		q    string
		want asksFor
	}{
		{"Who founded Zorbix?", forSomeone},
		{"Whose team wrote the parser?", forSomeone},
		{"Qui a fondé Zorbix ?", forSomeone},
		{"من أسس شركة زوربكس؟", forSomeone},
		// "Who is X?" asks what X is (saysWhat), not another name.
		{"Who is Ada Quill?", forAnything},
		{"Qui est Ada Quill ?", forAnything},
		{"من هو آدا كويل؟", forAnything},
		{"Can I nest the values?", forYesNo},
		{"Should the debug flag be used in production?", forYesNo},
		{"Est-ce que Zorbix lit le YAML ?", forYesNo},
		{"Peut-on imbriquer les valeurs ?", forYesNo},
		{"هل يدعم زوربكس ملفات YAML؟", forYesNo},
		{"Zorbix 支持 YAML 吗？", forYesNo},
		{"Zorbix 是否支持 YAML？", forYesNo},
		{"When does the cleanup hook run?", forCondition},
		// A date, which kindOf asks for; not a condition.
		{"When did Zorbix ship its first release?", forAnything},
		{"What does the cleanup hook do?", forAnything},
		{"Where is the password stored?", forPlace},
		{"Where do I open the dashboard once it runs?", forPlace},
		{"Où se trouve le fichier de configuration ?", forPlace},
		{"在哪里可以下载 Zorbix？", forPlace},
		// Where, but not to open, reach or find: a kind of place, a town.
		{"Where do organizations publish their charts?", forAnything},
		{"Where was Ada Quill born?", forAnything},
		{"Zorbix 在哪一年发布？", forAnything},
		{"Zorbix 的作者是谁？", forAnything}, // no capitals to tell a Chinese name by
		{"Comment fonctionne Zorbix ?", forAnything},
	}
	for _, tt := range tests {
		if got := asksForOf(tt.q); got != tt.want {
			t.Errorf("asksForOf(%q) = %d; want %d", tt.q, got, tt.want)
		}
	}
}

func TestAsksForHolds(t *testing.T) {
	tests := []struct {
		q, sentence string
		want        bool
	}{
		// Someone: a capitalised name the question does not write.
		{"Who reported the new rules?", "The new rules were reported by the Daily Ledger.", true},
		{"Who reported the new rules?", "The new rules were reported yesterday.", false},
		{"Who reported the new rules?", "Reporters said the rules are new.", false},  // only its first word is capitalised
		{"Who said the Ledger was wrong?", "The Ledger was wrong, she said.", false}, // a name the question writes
		{"Qui participait à la réunion ?", "La réunion réunissait plusieurs firmes, dont Tencent et Alibaba.", true},
		{"Qui participait à la réunion ?", "La réunion entre le ministère et les entreprises.", false},
		// Yes or no: a negation or a yes, in several languages.
		{"Do I have to add a repository first?", "This approach doesn't require adding a repository first.", true},
		{"Do I have to add a repository first?", "Zorbix can install charts from registries.", false},
		{"Can I use the ** syntax?", "The ** syntax is not supported.", true},
		{"Peut-on imbriquer les valeurs ?", "Les valeurs ne sont pas imbriquées.", true},
		{"Peut-on imbriquer les valeurs ?", "Les valeurs sont plates.", false},
		{"هل يدعم زوربكس ملفات YAML؟", "لا يدعم زوربكس ملفات YAML.", true},
		{"هل يدعم زوربكس ملفات YAML؟", "يقرأ زوربكس ملفات YAML.", false},
		{"Zorbix 支持 YAML 吗？", "Zorbix 不支持 YAML。", true},
		{"Zorbix 支持 YAML 吗？", "Zorbix 读取 YAML 文件。", false},
		// A condition.
		{"When does the cleanup hook run?", "The cleanup hook runs after every sync.", true},
		{"When should a field be a label?", "A field should be a label under the following conditions:", true},
		{"When does the cleanup hook run?", "The cleanup hook removes old pods.", false},
		// Anything else: every sentence.
		{"What does the cleanup hook do?", "The cleanup hook removes old pods.", true},
	}
	for _, tt := range tests {
		if got := asksForOf(tt.q).holds(tt.sentence, tt.q); got != tt.want {
			t.Errorf("%q asks for %d: holds(%q) = %v; want %v", tt.q, asksForOf(tt.q), tt.sentence, got, tt.want)
		}
	}
}

// Of the chosen sentences, those holding the whole focus come first, and
// in each group those holding what the question asks for.
func TestWholeFirstAsked(t *testing.T) {
	tests := []struct {
		name  string
		picks []pick
		want  []string
	}{
		{"asked first", []pick{{text: "other", share: 1}, {text: "asked", share: 1, asked: true}}, []string{"asked", "other"}},
		{"the whole focus before what is asked", []pick{{text: "part asked", share: 0.5, asked: true}, {text: "whole", share: 1}}, []string{"whole", "part asked"}},
		{"in each group", []pick{{text: "p", share: 0.5}, {text: "pa", share: 0.5, asked: true}, {text: "w", share: 1}, {text: "wa", share: 1, asked: true}}, []string{"wa", "w", "pa", "p"}},
		{"all asked: unchanged", []pick{{text: "a", share: 1, asked: true}, {text: "b", share: 1, asked: true}}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		ps := slices.Clone(tt.picks)
		wholeFirst(ps)
		var got []string
		for _, p := range ps {
			got = append(got, p.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v; want %v", tt.name, got, tt.want)
		}
	}
}

// The sentence before a chosen one is not shown first when the chosen
// one holds the kind of answer asked for (a figure, a name, a no) and it
// holds none: the reader reads the answer first. A question asking for no
// kind, or for a date (which a sentence may write in words), keeps it.
func TestNeighbourBeforeAnswerKind(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"en.md": {Data: []byte("# Zorbix at scale\n\nZorbix builds quiet tools that help families stay in touch. " +
			"At peak we serve 700k requests per minute for our families.\n")},
		"fr.md": {Data: []byte("# Quarnel en chiffres\n\nQuarnel fabrique des outils discrets destinés aux familles. " +
			"Au pic nous servons 900 requêtes par minute pour nos familles.\n")},
		"yes.md": {Data: []byte("# Belvix registries\n\nBelvix installs bundles on any host we know of. " +
			"This way does not need a registry entry first.\n")},
		"other.md": {Data: []byte("# Other\n\nSomething else entirely, about gardens and weather.\n")},
	}), nil)
	tests := []struct{ q, first string }{
		{"How many requests per minute does Zorbix serve at peak?", "At peak we serve 700k requests"},
		{"Combien de requêtes par minute Quarnel sert-il au pic ?", "Au pic nous servons 900 requêtes"},
		{"Does Belvix need a registry entry first?", "This way does not need"},
		// No kind asked for: the sentence before, naming Zorbix, first.
		{"What load does Zorbix serve at peak?", "Zorbix builds quiet tools"},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Abstained || !strings.HasPrefix(res.Text, tt.first) {
			t.Errorf("%q answered %q (abstained %v), want it to open with %q", tt.q, res.Text, res.Abstained, tt.first)
		}
	}
}
