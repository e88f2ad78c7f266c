package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A sentence that holds every word asked and says little more ("The
// ledger service is used by the workers to decide various aspects of
// their work.") is quoted with the sentence after it that goes on about
// it ("It is used to fetch account balances …"), which answers but holds
// only "used", common in the corpus: other pages' sentences naming the
// ledger service outrank it.
func TestRestatedTakesTheNext(t *testing.T) {
	fsys := fstest.MapFS{
		"architecture.md": {Data: []byte("# Architecture\n\n## The ledger service\n\n" +
			"The ledger service is used by the workers to decide various aspects of their work. " +
			"It is used to fetch account balances and to record each payment that a worker makes. " +
			"Three replicas of it run in every region.\n\n## The mail service\n\nThe mail service sends the receipts.\n")},
		"workers.md": {Data: []byte("# Workers\n\nThe workers read their jobs from a queue and call the ledger service when a job needs a ledger.\n\nEach worker runs in its own container.\n")},
		"billing.md": {Data: []byte("# Billing\n\nBilling asks the ledger service for each ledger it closes at the end of a month.\n")},
		"audit.md":   {Data: []byte("# Audit\n\nAuditors read every ledger of the ledger service once a year.\n")},
		"backup.md":  {Data: []byte("# Backup\n\nThe backup service copies the ledger service's ledger tables every night.\n")},
	}
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		fsys["use-"+n+".md"] = &fstest.MapFile{Data: []byte("# Tool " + n + "\n\nTool " + n + " is used to print reports; teams use it on Fridays.\n")}
	}
	p := newPipeline(t, loadFS(t, fsys), nil)
	res, err := p.Ask(context.Background(), Question{Text: "What is the ledger service used for?"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.Contains(res.Text, "account balances") {
		t.Errorf("answered %q (abstained %v), want the sentence after the restatement", res.Text, res.Abstained)
	}
}
