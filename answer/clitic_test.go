package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A name the question makes a verb with an apostrophe ("mTLS'd") is the
// name itself for the entity-swap guard: the list item under "Which
// traffic can Zorp automatically mTLS?" answers "Which traffic might
// still not be mTLS'd by Zorp?".
func TestNameMadeAVerbIsTheName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"mTLS'd", "mTLS"}, {"OK’d", "OK"}, {"DM'ing", "DM"}, {"Linkerd", "Linkerd"}, {"'d", "'d"},
	} {
		if got := cliticless(tt.in); got != tt.want {
			t.Errorf("cliticless(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"mtls.md": {Data: []byte("# Automatic mTLS\n\nBy default, Zorp encrypts TCP traffic between meshed pods with mutual TLS (mTLS).\n\n## Which traffic can Zorp automatically mTLS?\n\n" +
			"Zorp applies mTLS to all TCP traffic between meshed pods. However, you may still have plain traffic in your system, including:\n\n" +
			"- Traffic to or from non-meshed pods (e.g. Kubernetes healthchecks)\n- Traffic on ports that were marked as skip ports, which bypass the proxy entirely.\n\n" +
			"You can verify which traffic is mTLS'd in a variety of ways.\n")},
		"pods.md":  {Data: []byte("# Pods\n\nKubernetes runs each pod on a node of the cluster. A pod that has the proxy is meshed.\n")},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
	}), nil)
	res, err := p.Ask(context.Background(), Question{Text: "Which traffic in my cluster might still not be mTLS'd by Zorp?"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.Contains(res.Text, "non-meshed pods") {
		t.Errorf("answered %q (abstained %v), want the list item on non-meshed pods", res.Text, res.Abstained)
	}
}
