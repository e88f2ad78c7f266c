package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every command answers --help (and -h, and "help COMMAND") with its help
// on stdout and exit status 0.
func TestEveryCommandHelpExitsZero(t *testing.T) {
	for _, c := range commandList() {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}, {c.name, "--corpus", "x", "--help"}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				out, errOut, code := runCLI(t, nil, args...)
				if code != 0 {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				if !strings.HasPrefix(out, "Usage: corpusbot "+c.name) {
					t.Errorf("help starts %q, want the command's usage", firstLine(out))
				}
				if !strings.Contains(out, "Examples:") || !strings.Contains(out, "-corpus") {
					t.Errorf("help lacks examples or flags:\n%s", out)
				}
				if strings.Contains(out, "{topic}") {
					t.Errorf("help shows an unfilled example:\n%s", out)
				}
			})
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		out, _, code := runCLI(t, nil, args...)
		if code != 0 || !strings.Contains(out, "corpusbot ask") || !strings.Contains(out, "--corpus DIR") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
}

// resultLine is the first line of each result of search.
var resultLine = regexp.MustCompile(`(?m)^\d+\. \d+\.\d{3}  `)

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// The examples in help and usage errors come from the loaded corpus, not
// from the embedded sample: on a folder of other documents, its own titles.
func TestExamplesComeFromTheLoadedCorpus(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"hooks.md": "# Hook deletion policies\n\nA hook is deleted before a new one is created.\n",
		"intro.md": "# Intro\n\nWelcome.\n",
	})
	for _, args := range [][]string{
		{"--corpus", dir, "ask", "--help"},
		{"ask", "--corpus", dir, "-h"},
		{"search", "--corpus", dir, "--help"},
		{"ask", "--help", "--corpus", dir},
		{"summary", "-h", "--json", "--corpus=" + dir},
	} {
		out, errOut, code := runCLI(t, nil, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if !strings.Contains(out, `"Hook deletion policies"`) {
			t.Errorf("%v: examples do not name the corpus' title:\n%s", args, out)
		}
		if strings.Contains(strings.ToLower(out), "alipay") {
			t.Errorf("%v: help names the embedded articles:\n%s", args, out)
		}
	}
	_, errOut, code := runCLI(t, map[string]string{"CORPUS_DIR": dir}, "ask")
	if code != 2 || !strings.Contains(errOut, `corpusbot ask "Hook deletion policies"`) {
		t.Errorf("ask without a question: exit %d, %q; want an example from the corpus", code, errOut)
	}
	// A corpus that cannot be loaded still gets help, with a placeholder.
	out, _, code := runCLI(t, nil, "ask", "--corpus", filepath.Join(dir, "missing"), "--help")
	if code != 0 || !strings.Contains(out, "a question about your documents") {
		t.Errorf("help with a missing corpus: exit %d:\n%s", code, out)
	}
}

// Flags given before the command reach it.
func TestGlobalFlagsBeforeTheCommand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"gold.txt": goldText, "yen.txt": yenText})
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--corpus", dir, "docs"}, []string{"gold", "yen", "2 documents"}},
		{[]string{"--corpus=" + dir, "--json", "docs"}, []string{`"command": "docs"`, `"doc_id": "gold"`}},
		{[]string{"--corpus", dir, "--k", "1", "search", "gold", "yen"}, []string{"1. "}},
		{[]string{"--corpus", dir, "ask", "record gold prices"}, []string{"record high", "gold.txt"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runCLI(t, nil, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, "alipay") {
				t.Errorf("the embedded corpus was used:\n%s", out)
			}
		})
	}
	out, _, _ := runCLI(t, nil, "--corpus", dir, "--k", "1", "search", "gold", "yen")
	if n := len(resultLine.FindAllString(out, -1)); n != 1 {
		t.Errorf("--k 1 before the command gave %d results:\n%s", n, out)
	}
}

// With SOURCE_URL, sources and search results link to their exact lines,
// in the terminal and in JSON; without it there is no "url" key.
func TestSourceURLLinksTheCitedLines(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"user guide/gold #1.txt": goldText, "yen.txt": yenText})
	env := map[string]string{"SOURCE_URL": "https://github.com/org/docs/blob/main/{path}#L{start}-L{end}"}
	const want = "https://github.com/org/docs/blob/main/user%20guide/gold%20%231.txt#L1-L3"

	out, errOut, code := runCLI(t, env, "ask", "--corpus", dir, "record gold prices")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "[1] Gold prices — user guide/gold #1.txt (lines 1–3)\n    "+want+"\n") {
		t.Errorf("sources lack the line and its link:\n%s", out)
	}
	for _, args := range [][]string{{"ask", "--json", "record gold prices"}, {"search", "--json", "record gold prices"}} {
		out, _, _ := runCLI(t, env, append([]string{"--corpus", dir}, args...)...)
		if !strings.Contains(out, `"url": "`+want+`"`) {
			t.Errorf("%v: JSON lacks the url:\n%s", args, out)
		}
		out, _, _ = runCLI(t, nil, append([]string{"--corpus", dir}, args...)...)
		if strings.Contains(out, `"url"`) {
			t.Errorf("%v without SOURCE_URL has a url:\n%s", args, out)
		}
	}
	_, errOut, code = runCLI(t, map[string]string{"SOURCE_URL": "https://github.com/org/docs/blob/main/{file}"}, "ask", "gold")
	if code != 2 || !strings.Contains(errOut, "SOURCE_URL") || !strings.Contains(errOut, "unknown key {file}") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("malformed SOURCE_URL: exit %d, stderr %q; want one line naming the key and the problem", code, errOut)
	}
}

// In the terminal, a file not loaded for a reason someone may fix is named
// once on stderr with its reason; files of unsupported types (images) are
// only counted, on one line that points to docs, which lists them all on
// stdout.
func TestSkippedFilesNamedOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"guide/deploy.md": deployMD,
		"img/logo.png":    "\x89PNG\r\n\x1a\n",
		"blob.txt":        "\x00\x01\x02binary",
	})
	_, errOut, code := runCLI(t, nil, "search", "--corpus", dir, "failed release")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	wantPrefix := []string{"corpusbot: skipped blob.txt: binary", "corpusbot: loaded 1 document; skipped 2: "}
	if len(lines) != len(wantPrefix) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(wantPrefix), errOut)
	}
	for i, w := range wantPrefix {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d = %q, want it to start %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[len(lines)-1], "corpusbot docs") {
		t.Errorf("the count line %q does not say where the unnamed files are listed", lines[len(lines)-1])
	}
	out, errOut, _ := runCLI(t, nil, "docs", "--corpus", dir)
	if errOut != "" {
		t.Errorf("docs wrote to stderr: %q", errOut)
	}
	for _, w := range []string{"img/logo.png  skipped  unsupported type (.png)", "loaded 1 document; skipped 2"} {
		if !strings.Contains(out, w) {
			t.Errorf("docs lacks %q:\n%s", w, out)
		}
	}
}

// A tree with many broken files names the first few, then counts the rest.
func TestSkippedFilesNamedUpToALimit(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"guide/deploy.md": deployMD}
	for i := range maxNamedFiles + 5 {
		files[fmt.Sprintf("blob%02d.txt", i)] = "\x00\x01\x02binary"
	}
	writeFiles(t, dir, files)
	_, errOut, code := runCLI(t, nil, "search", "--corpus", dir, "failed release")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(errOut, "corpusbot: skipped blob"); n != maxNamedFiles {
		t.Errorf("stderr names %d files, want %d:\n%s", n, maxNamedFiles, errOut)
	}
	if !strings.Contains(errOut, fmt.Sprintf("skipped %d", maxNamedFiles+5)) || !strings.Contains(errOut, "corpusbot docs") {
		t.Errorf("the count line lacks the total or the pointer to docs:\n%s", errOut)
	}
}

// summary takes a document's path, as Sources show it, as well as its ID.
func TestSummaryByPath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"guide/deploy.md": deployMD, "yen.txt": yenText})
	for _, arg := range []string{"guide/deploy", "guide/deploy.md", "./guide/deploy.md"} {
		out, errOut, code := runCLI(t, nil, "summary", "--corpus", dir, "--json", arg)
		if code != 0 || !strings.Contains(out, `"doc_id": "guide/deploy"`) {
			t.Errorf("summary %s: exit %d, %s\n%s", arg, code, errOut, out)
		}
	}
	_, errOut, code := runCLI(t, nil, "summary", "--corpus", dir, "guide/missing.md")
	if code != 1 || !strings.Contains(errOut, "corpusbot docs lists the IDs") {
		t.Errorf("summary of an unknown path: exit %d, %q", code, errOut)
	}
}

// The help says what the program does: every setting it names is one
// .env.example documents, the command list lines up, and docs' help names
// the columns docs prints.
func TestHelpMatchesSettingsAndOutput(t *testing.T) {
	example, err := os.ReadFile(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	keyRE := regexp.MustCompile(`\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b`)
	usageText, _, _ := runCLI(t, nil, "help")
	texts := []string{usageText}
	for _, c := range commandList() {
		out, errOut, code := runCLI(t, nil, c.name, "--help")
		if code != 0 {
			t.Fatalf("%s --help: exit %d: %s", c.name, code, errOut)
		}
		texts = append(texts, out)
		if !strings.Contains(out, "CORPUS_DIR") {
			t.Errorf("%s --help does not say --corpus defaults to CORPUS_DIR:\n%s", c.name, out)
		}
	}
	for _, s := range texts {
		for _, key := range keyRE.FindAllString(s, -1) {
			if !regexp.MustCompile(`(?m)^#? ?` + key + `=`).Match(example) {
				t.Errorf("help names %s, which .env.example does not set", key)
			}
		}
	}
	// The summary is what follows the call and two spaces or more.
	callRE := regexp.MustCompile(`^  corpusbot \S.*?\S {2,}(\S)`)
	col := -1
	for _, l := range strings.Split(usageText, "\n") {
		if !strings.HasPrefix(l, "  corpusbot ") {
			continue
		}
		m := callRE.FindStringSubmatchIndex(l)
		if m == nil {
			t.Errorf("no two spaces between the call and its summary: %q", l)
			continue
		}
		if col >= 0 && m[2] != col {
			t.Errorf("summary at byte %d, the first at %d: %q", m[2], col, l)
		}
		col = m[2]
	}
	if col < 0 {
		t.Errorf("help lists no command:\n%s", usageText)
	}
	docsHelp, _, _ := runCLI(t, nil, "docs", "--help")
	docsOut, _, _ := runCLI(t, nil, "docs")
	names := map[string]string{"ID": "ID", "LANG": "language", "FORMAT": "format", "PASSAGES": "passages", "WORDS": "words", "TITLE": "title"}
	for _, h := range strings.Fields(firstLine(docsOut)) {
		if w, ok := names[h]; !ok || !strings.Contains(docsHelp, w) {
			t.Errorf("docs prints column %s, which its help does not name:\n%s", h, docsHelp)
		}
	}
}
