package answer

import (
	"testing"

	"corpusbot/corpus"
)

func TestExampleTopic(t *testing.T) {
	doc := func(title string, headings ...string) corpus.Document {
		d := corpus.Document{Title: title}
		for _, h := range headings {
			d.Passages = append(d.Passages, corpus.Passage{Headings: []string{h}})
		}
		return d
	}
	tests := []struct {
		name string
		docs []corpus.Document
		want string
	}{
		{"a title of a few words", []corpus.Document{doc("Configure the release pipeline")}, "Configure the release pipeline"},
		{"a heading when titles are one word", []corpus.Document{doc("Hooks", "Hook deletion policies")}, "Hook deletion policies"},
		{"two words only when nothing better", []corpus.Document{doc("Quick start"), doc("Index", "Upgrading from version two")}, "Upgrading from version two"},
		{"two words as a last resort", []corpus.Document{doc("Quick start"), doc("FAQ")}, "Quick start"},
		{"markup and long titles are passed over", []corpus.Document{
			doc("`kubectl apply` flags"), doc("{{< param name >}} reference"),
			doc("A very long title that goes on and on and on about many things at once"),
			doc("Install on Linux")}, "Install on Linux"},
		{"white space is collapsed", []corpus.Document{doc("Install\n  on   Linux")}, "Install on Linux"},
		{"Chinese counts characters", []corpus.Document{doc("索引"), doc("如何安装服务")}, "如何安装服务"},
		{"nothing usable", []corpus.Document{doc("README"), doc("---"), doc("")}, ""},
		{"no documents", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExampleTopic(tt.docs); got != tt.want {
				t.Errorf("ExampleTopic = %q, want %q", got, tt.want)
			}
		})
	}
}
