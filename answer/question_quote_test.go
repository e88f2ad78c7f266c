package answer

import (
	"regexp"
	"strings"
	"testing"
)

// A sentence that is itself a question (an exercise, an FAQ's question
// written as a sentence) answers nothing: an extractive answer never
// quotes it alone, in any script's question mark; it may lead in to the
// sentence after it that answers. Made-up pages.
func TestQuestionIsNoAnswer(t *testing.T) {
	tests := []struct {
		name, page, question string
		notAlone             string // how a question the page asks ends: no line of the answer ends so
		want                 string // "" when the answer may abstain
	}{
		{"exercise, en", "# Exercises\n\nThe widget server keeps every widget in memory while it runs.\n\n1. How much memory does the widget server need for a thousand widgets?\n2. Can the widget server run on a phone?\n",
			"How much memory does the widget server need for a thousand widgets?", "thousand widgets?", ""},
		{"exercise, ar", "# تمارين\n\nيحتفظ خادم الأدوات بكل أداة في الذاكرة أثناء تشغيله.\n\n1. كم من الذاكرة يحتاج خادم الأدوات لألف أداة؟\n",
			"كم من الذاكرة يحتاج خادم الأدوات لألف أداة؟", "لألف أداة؟", ""},
		{"exercise, full-width", "# 练习\n\n部件服务器在运行时把每个部件都保存在内存中。\n\n部件服务器处理一千个部件需要多少内存？\n",
			"部件服务器处理一千个部件需要多少内存？", "多少内存？", ""},
		{"exercise, Greek", "# Ασκήσεις\n\nΟ διακομιστής κρατά κάθε αντικείμενο στη μνήμη όσο τρέχει.\n\nΠόση μνήμη χρειάζεται ο διακομιστής για χίλια αντικείμενα;\n",
			"Πόση μνήμη χρειάζεται ο διακομιστής για χίλια αντικείμενα;", "χίλια αντικείμενα;", ""},
		{"FAQ question leads in", "# FAQ\n\nDoes the widget cache survive a restart of the server? Yes: the widget cache is written to disk and read back when the server starts.\n",
			"Does the widget cache survive a restart of the server?", "restart of the server?", "written to disk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := askPage(t, tt.page, tt.question)
			t.Logf("answer %q", res.Text)
			for _, line := range strings.Split(res.Text, "\n") {
				if l := strings.TrimSpace(citeMarks.ReplaceAllString(line, "")); strings.HasSuffix(l, tt.notAlone) {
					t.Errorf("line %q ends with the question %q", line, tt.notAlone)
				}
			}
			if tt.want != "" && !strings.Contains(res.Text, tt.want) {
				t.Errorf("answer %q, want %q in it", res.Text, tt.want)
			}
		})
	}
}

var citeMarks = regexp.MustCompile(`\[\d+\]`)

func TestAsksItself(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"What does map() return?", true},
		{"What does map() return?**", true},
		{"«Что возвращает map()?»", true},
		{"ما هو الحد الأقصى؟", true},
		{"需要多少内存？", true},
		{"Πόση μνήμη χρειάζεται;", true},
		{"Ո՞վ է գրել այս գիրքը։", true},
		{"¿Cuánto cuesta?", true},
		{"The server keeps widgets in memory.", false},
		{"Set it to true; the default is false;", false}, // a Latin semicolon
		{"Use the ?? operator for defaults.", false},
		{"Is it done? Yes.", false},
	}
	for _, tt := range tests {
		if got := asksItself(tt.s); got != tt.want {
			t.Errorf("asksItself(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
