package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A line of code is quoted only after the lead-in that introduces it,
// never alone as the answering sentence: a statement, a comment cut at
// its line, a command's output.
func TestCodeLineNotQuotedAlone(t *testing.T) {
	tests := []struct {
		name, page, question string
		notAlone             string // a code line that must not open an answer line
	}{
		{"statement", "# Widgets\n\nWidgets sit in the top bar of the desktop.\n\n" +
			"```js\nconst widget = await WidgetPanel.create(widgetOptions);\n```\n\nThe panel is drawn by the host.\n",
			"How do I create a widget panel with widget options?", "const widget"},
		{"comment", "# Mirrors\n\nThe tool reads one index by default.\n\n" +
			"```ini\n[global]\n# because you will only be using the private mirror index here\nindex-url = https://mirror.example/simple\n```\n",
			"Why will I only be using the private mirror index?", "# because"},
		{"output", "# Setup\n\nThe installer downloads the toolchain.\n\n" +
			"```console\n$ setup-tool install\nThe toolchain is installed now.\n```\n",
			"Is the toolchain installed now?", "The toolchain is installed now"},
	}
	for _, tt := range tests {
		p := newPipeline(t, loadFS(t, fstest.MapFS{
			"page.md":  {Data: []byte(tt.page)},
			"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
		}), nil)
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(res.Text, "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, "`"), tt.notAlone) {
				t.Errorf("%s: a code line quoted alone: %q (answer %q)", tt.name, line, res.Text)
			}
		}
	}
}
