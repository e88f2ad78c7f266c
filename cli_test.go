package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the program as main would, with env as the whole environment.
func runCLI(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, envMap(env), &out, &errOut)
	if err != nil {
		errOut.WriteString("corpusbot: " + err.Error() + "\n")
		return out.String(), errOut.String(), exitCode(err)
	}
	return out.String(), errOut.String(), 0
}

// Small documents the tests load from folders of their own.
const (
	goldText = "Gold prices\n\nGold prices hit a record high as investors sought safety.\n"
	yenText  = "The yen\n\nThe weak yen helps exporters, the prime minister said.\n"
	deployMD = "---\ntitle: Deploying\ndescription: How releases ship.\n---\n\n# Deploying\n\nReleases go out every Tuesday.\n\n## Rolling back\n\nA failed release is rolled back to the previous version.\n"
)

// writeFiles writes each path → text under dir, making folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSearchHuman(t *testing.T) {
	out, errOut, code := runCLI(t, nil, "search", "Zhao Zhiguo", "--k", "3")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	first, _, _ := strings.Cut(out, "\n\n")
	for _, want := range []string{"1. ", "alipay-ordered-to-spin-off-micro-loans.en", "**Zhao**", "**Zhiguo**"} {
		if !strings.Contains(first, want) {
			t.Errorf("first result lacks %q:\n%s", want, first)
		}
	}
	if n := len(resultLine.FindAllString(out, -1)); n == 0 || n > 3 {
		t.Errorf("got %d results, want 1 to 3 (--k 3)", n)
	}
}

func TestSearchJSON(t *testing.T) {
	out, errOut, code := runCLI(t, nil, "search", "--json", "--k", "5", "microgold packets")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var got struct {
		Command string
		Query   string
		Results []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if got.Command != "search" || got.Query != "microgold packets" {
		t.Errorf("command %q, query %q", got.Command, got.Query)
	}
	if len(got.Results) == 0 || len(got.Results) > 5 {
		t.Fatalf("got %d results, want 1..5", len(got.Results))
	}
	for i, m := range got.Results {
		if int(m["rank"].(float64)) != i+1 {
			t.Errorf("result %d has rank %v", i+1, m["rank"])
		}
	}
	if got.Results[0]["doc_id"] != "internet-plus-phenomenon.en" || got.Results[0]["path"] != "internet-plus-phenomenon.en.txt" {
		t.Errorf("top hit = %v, want the blog post about microgold", got.Results[0])
	}
}

func TestSearchBatchTREC(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	writeFiles(t, docs, map[string]string{"gold.txt": goldText, "sub/yen.md": "# The yen\n\nThe weak yen helps exporters, the prime minister said.\n"})
	writeFiles(t, dir, map[string]string{"q.tsv": "q1\tgold record\nq2\tweak yen exporters\n"})
	queries := filepath.Join(dir, "q.tsv")
	out, errOut, code := runCLI(t, nil, "search", "--corpus", docs, "--batch", queries)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := map[string]string{"q1": "gold", "q2": "sub/yen"}
	seen := map[string]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 6 || f[1] != "Q0" || f[5] != "corpusbot" {
			t.Fatalf("line %q is not a TREC run line", l)
		}
		if f[3] == "1" {
			seen[f[0]] = true
			if f[2] != want[f[0]] {
				t.Errorf("%s rank 1 = %s, want %s", f[0], f[2], want[f[0]])
			}
		}
	}
	if len(seen) != 2 {
		t.Errorf("ranked queries %v, want q1 and q2", seen)
	}
}

// A TREC run is split on white space: a query or document ID holding a
// space is refused with what to change, not written into lines no reader
// can split.
func TestSearchBatchRefusesSpacedIDs(t *testing.T) {
	dir := t.TempDir()
	plain, spaced := filepath.Join(dir, "plain"), filepath.Join(dir, "spaced")
	writeFiles(t, plain, map[string]string{"gold.txt": goldText})
	writeFiles(t, spaced, map[string]string{"gold.txt": goldText, "user guide/yen.md": "# The yen\n\nThe weak yen helps exporters.\n"})
	writeFiles(t, dir, map[string]string{"spaced.tsv": "q 1\tgold record\n", "padded.tsv": " q1 \tgold record\n"})
	for _, tt := range []struct {
		corpus, queries string
		code            int
		out, err        string
	}{
		{plain, "spaced.tsv", 1, "", "line 1: want qid<TAB>query, the qid without spaces"},
		{spaced, "padded.tsv", 1, "", `document ID "user guide/yen" holds white space`},
		{plain, "padded.tsv", 0, "q1 Q0 gold 1 ", ""},
	} {
		out, errOut, code := runCLI(t, nil, "search", "--corpus", tt.corpus, "--batch", filepath.Join(dir, tt.queries))
		if code != tt.code || !strings.HasPrefix(out, tt.out) || !strings.Contains(errOut, tt.err) {
			t.Errorf("%s on %s: exit %d, stdout %q, stderr %q; want exit %d, %q, %q",
				tt.queries, filepath.Base(tt.corpus), code, out, errOut, tt.code, tt.out, tt.err)
		}
	}
}

func TestDocs(t *testing.T) {
	out, errOut, code := runCLI(t, nil, "docs")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"ID", "LANG", "china-targets-alipay.ar", " ar ", " fr ", "5 documents"} {
		if !strings.Contains(out, want) {
			t.Errorf("docs output lacks %q:\n%s", want, out)
		}
	}
}

func TestBadInputCLI(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		wantErr  string // in stderr
	}{
		{"empty search", nil, []string{"search"}, 2, "nothing to search for"},
		{"whitespace search", nil, []string{"search", "  \t "}, 2, "nothing to search for"},
		{"stopwords only", nil, []string{"search", "the of and"}, 1, "only stopwords"},
		{"punctuation only", nil, []string{"search", "?!.,;"}, 1, "only stopwords"},
		{"emoji only", nil, []string{"search", "🙂🎉"}, 1, "only stopwords"},
		{"100 KB query", nil, []string{"search", strings.Repeat("alipay ", 100<<10/7)}, 1, "the limit is 1500"},
		{"negative k", nil, []string{"search", "--k", "-1", "alipay"}, 2, "--k must be a whole number of at least 1"},
		{"zero k", nil, []string{"search", "--k", "0", "alipay"}, 2, "--k must be a whole number of at least 1, not 0"},
		{"ask zero k", nil, []string{"ask", "--k=0", "alipay"}, 2, "--k must be a whole number of at least 1, not 0"},
		{"ask negative k", nil, []string{"ask", "--k", "-3", "alipay"}, 2, "--k must be a whole number of at least 1, not -3"},
		{"batch zero k", nil, []string{"search", "--batch", "q.tsv", "--k", "0"}, 2, "--k must be"},
		{"global zero k", nil, []string{"--k", "0", "search", "alipay"}, 2, "--k must be"},
		{"unknown global flag", nil, []string{"--bogus", "ask", "alipay"}, 2, "flag provided but not defined: -bogus before the command"},
		{"global flag a command lacks", nil, []string{"--k", "3", "docs"}, 2, "flag provided but not defined: -k"},
		{"unknown flag", nil, []string{"search", "--bogus", "alipay"}, 2, "flag provided but not defined"},
		{"help of an unknown command", nil, []string{"help", "serach"}, 2, "unknown command"},
		{"unknown command", nil, []string{"serach", "alipay"}, 2, "unknown command"},
		{"missing corpus dir", nil, []string{"search", "--corpus", "/nonexistent/corpusbot", "alipay"}, 1, "corpus folder"},
		{"batch and query", nil, []string{"search", "--batch", "q.tsv", "alipay"}, 2, "--batch takes its queries"},
		{"batch and json", nil, []string{"search", "--batch", "q.tsv", "--json"}, 2, "--batch writes a TREC run, not JSON"},
		{"empty ask", nil, []string{"ask"}, 2, "ask needs a question"},
		{"ask stopwords only", nil, []string{"ask", "what is the"}, 1, "no words to search for"},
		{"ask too long", nil, []string{"ask", strings.Repeat("why ", 400)}, 1, "the limit is 1500"},
		{"summary unknown doc", nil, []string{"summary", "no-such-doc"}, 1, "corpusbot docs lists the IDs"},
		{"summary both", nil, []string{"summary", "--topic", "x", "doc"}, 2, "exactly one of"},
		{"summary neither", nil, []string{"summary"}, 2, "exactly one of"},
		{"malformed config", map[string]string{"LLM_TIMEOUT": "soon"}, []string{"search", "alipay"}, 2, "LLM_TIMEOUT"},
		{"run without token", nil, []string{"run"}, 1, "DISCORD_TOKEN is not set"},
		{"invite without app id", nil, []string{"invite"}, 2, "DISCORD_APP_ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, tt.env, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut, tt.wantErr)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") > 0 && tt.wantCode == 2 {
				t.Errorf("stderr has several lines, want one: %q", errOut)
			}
		})
	}
}

func TestInviteURL(t *testing.T) {
	out, _, code := runCLI(t, map[string]string{"DISCORD_APP_ID": "123456789"}, "invite")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"client_id=123456789", "scope=bot+applications.commands", "permissions=309237730304"} {
		if !strings.Contains(out, want) {
			t.Errorf("invite URL %q lacks %q", out, want)
		}
	}
}

// A folder without documents is said once, with the folder: the corpus
// package's error does not repeat what its caller adds.
func TestNoDocumentsSaidOnce(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // after the folder
	}{
		{"empty folder", nil, "no loadable documents: no file found"},
		{"only an image", map[string]string{"logo.png": "\x89PNG\r\n\x1a\n"}, "no loadable documents: 1 skipped: logo.png: unsupported type (.png): an image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			_, errOut, code := runCLI(t, nil, "ask", "--corpus", dir, "how do releases ship?")
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if want := "corpusbot: load corpus " + dir + ": " + tt.want + "\n"; errOut != want {
				t.Errorf("stderr = %q, want %q", errOut, want)
			}
		})
	}
}
