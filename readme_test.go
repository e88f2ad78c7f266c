package main

import (
	"os"
	"strings"
	"testing"

	"corpusbot/store"
)

// The operator queries in the README are the ones the store package tests
// against a real database.
func TestReadmeQueriesMatchStore(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string {
		return strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(s), ";")), " ")
	}
	readme := squash(string(b))
	for name, q := range map[string]string{"QueryVotesPerDay": store.QueryVotesPerDay, "QueryTopQuestions": store.QueryTopQuestions} {
		if !strings.Contains(readme, squash(q)) {
			t.Errorf("README lacks store.%s:\n%s", name, q)
		}
	}
}
