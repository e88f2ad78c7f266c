package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A table's row of three words or fewer ("Quokka | 7001 | Yes |") is read
// with its header ("Service | Standard port | Enabled by default? |
// Notes"), which makes it a sentence: it answers the question on its key,
// not the longer row at the table's end.
func TestShortRowWithHeaderAnswers(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"ports.md": {Data: []byte("# Ports\n\n" +
			"The following table lists services that need their ports declared.\n\n" +
			"| Service | Standard ports | Enabled by default? | Notes |\n|---|---|---|---|\n" +
			"| Pelican | 25, 587 | Yes | |\n| Quokka | 7001 | Yes | |\n| Wombat feeder | 4222, 6222, 8222 | No | |\n\n" +
			"If you run one of those services, declare its ports before you start it.\n")},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
	}), nil)
	res, err := p.Ask(context.Background(), Question{Text: "Which port does Quokka use?"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.Contains(res.Text, "7001") {
		t.Errorf("answered %q (abstained %v), want the Quokka row", res.Text, res.Abstained)
	}
}
