package main

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// walkJSON calls visit for every key of every object in v, with its value.
func walkJSON(v any, path string, visit func(path, key string, val any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, val := range v {
			visit(path, k, val)
			walkJSON(val, path+"."+k, visit)
		}
	case []any:
		for _, e := range v {
			walkJSON(e, path+"[]", visit)
		}
	}
}

// The --json schema: one object per run, snake_case keys, no null
// anywhere, the documented keys and lists always there.
func TestJSONSchema(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"guide/deploy.md": deployMD, "logo.png": "\x89PNG\r\n\x1a\n"})
	env := map[string]string{"SOURCE_URL": "https://github.com/acme/handbook/blob/main/{path}#L{start}-L{end}"}
	tests := []struct {
		name  string
		env   map[string]string
		args  []string
		lists []string // top-level keys that must be lists
		want  map[string]any
	}{
		{"ask", env, []string{"ask", "--corpus", dir, "--json", "failed release rolled back"},
			[]string{"sources", "points", "unsupported", "nearest"}, map[string]any{"command": "ask", "kind": "answer", "abstained": false}},
		{"ask abstained", nil, []string{"ask", "--json", "What is the population of Brazil?"},
			[]string{"sources", "points", "unsupported", "nearest"}, map[string]any{"command": "ask", "abstained": true}},
		{"search", env, []string{"search", "--corpus", dir, "--json", "failed release"}, []string{"results"}, map[string]any{"command": "search"}},
		{"search nothing found", nil, []string{"search", "--corpus", dir, "--json", "zebra"}, []string{"results"}, map[string]any{"command": "search"}},
		{"summary", nil, []string{"summary", "--corpus", dir, "--json", "guide/deploy"},
			[]string{"sources", "points", "unsupported", "nearest"}, map[string]any{"command": "summary", "kind": "summary"}},
		{"briefing", nil, []string{"briefing", "--corpus", dir, "--json"},
			[]string{"sources", "points", "unsupported", "nearest"}, map[string]any{"command": "briefing", "kind": "briefing"}},
		{"docs", nil, []string{"docs", "--corpus", dir, "--json"}, []string{"documents", "skipped", "repaired"},
			map[string]any{"command": "docs", "summary": "loaded 1 document; skipped 1: 1 image"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.env, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var v map[string]any
			dec := json.NewDecoder(strings.NewReader(out))
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("not a JSON object: %v\n%s", err, out)
			}
			if dec.More() {
				t.Errorf("more than one JSON value:\n%s", out)
			}
			walkJSON(v, "", func(path, key string, val any) {
				if !snakeCase.MatchString(key) {
					t.Errorf("key %s.%s is not snake_case", path, key)
				}
				if val == nil {
					t.Errorf("%s.%s is null", path, key)
				}
			})
			for _, k := range tt.lists {
				if _, ok := v[k].([]any); !ok {
					t.Errorf("%s = %v, want a list", k, v[k])
				}
			}
			for k, want := range tt.want {
				if v[k] != want {
					t.Errorf("%s = %v, want %v", k, v[k], want)
				}
			}
		})
	}
}

// What --json writes for a source, a result and a document, in detail.
func TestJSONLocations(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"guide/deploy.md": deployMD})
	env := map[string]string{"SOURCE_URL": "https://github.com/acme/handbook/blob/main/{path}#L{start}-L{end}"}
	out, _, _ := runCLI(t, env, "ask", "--corpus", dir, "--json", "failed release rolled back")
	var res struct {
		Sources []map[string]any
	}
	json.Unmarshal([]byte(out), &res)
	if len(res.Sources) == 0 {
		t.Fatalf("no sources:\n%s", out)
	}
	want := map[string]any{
		"n": 1.0, "doc_id": "guide/deploy", "title": "Deploying", "headings": []any{"Rolling back"}, "path": "guide/deploy.md",
		"line_start": 12.0, "line_end": 12.0, "page_start": 0.0, "page_end": 0.0, "unit": "line",
		"url": "https://github.com/acme/handbook/blob/main/guide/deploy.md#L12-L12",
	}
	for k, w := range want {
		if got, _ := json.Marshal(res.Sources[0][k]); string(got) != mustJSON(w) {
			t.Errorf("sources[0].%s = %s, want %s", k, got, mustJSON(w))
		}
	}
	out, _, _ = runCLI(t, nil, "docs", "--corpus", dir, "--json")
	var docs struct{ Documents []map[string]any }
	json.Unmarshal([]byte(out), &docs)
	if len(docs.Documents) != 1 || docs.Documents[0]["format"] != "markdown" || docs.Documents[0]["unit"] != "line" || docs.Documents[0]["description"] != "How releases ship." {
		t.Errorf("documents = %v", docs.Documents)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The README documents exactly the keys --json writes.
func TestReadmeDocumentsTheJSONKeys(t *testing.T) {
	var doc string
	for _, b := range fencedBlocks(t, "jsonc") {
		doc += b
	}
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile(`"([a-z_]+)":`).FindAllStringSubmatch(doc, -1) {
		documented[m[1]] = true
	}
	written := map[string]bool{}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":     "# Deploying\n\n## Rolling back\n\nA failed release is rolled back.\n",
		"bad.txt":  "ok \xff\xfe text that is mostly fine and long enough to be repaired rather than skipped, with words.\n",
		"logo.png": "\x89PNG",
	})
	env := map[string]string{"SOURCE_URL": "https://x.example/{path}#L{start}"}
	for _, args := range [][]string{
		{"ask", "--json", "failed release rolled back"},
		{"ask", "--json", "What is the population of Brazil?"},
		{"briefing", "--json"},
		{"search", "--json", "failed release"},
		{"docs", "--json"},
	} {
		out, errOut, code := runCLI(t, env, append([]string{"--corpus", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		walkJSON(v, "", func(_, key string, _ any) { written[key] = true })
	}
	// Keys only an LLM fills: briefing points, and "cut" for an answer cut short.
	for _, k := range []string{"points", "key", "cut"} {
		written[k] = true
	}
	for k := range written {
		if !documented[k] {
			t.Errorf("--json writes %q, which the README's schema does not show", k)
		}
	}
	var stale []string
	for k := range documented {
		if !written[k] {
			stale = append(stale, k)
		}
	}
	slices.Sort(stale)
	if len(stale) > 0 {
		t.Errorf("the README's schema shows keys --json never writes: %v", stale)
	}
}
