package sourcelink

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

const github = "https://github.com/org/docs/blob/main/{path}#L{start}-L{end}"

func TestURL(t *testing.T) {
	tests := []struct {
		name, tmpl string
		loc        Location
		want       string
	}{
		{"github lines", github, Location{Path: "guide/hooks.md", ID: "guide/hooks", Start: 12, End: 30},
			"https://github.com/org/docs/blob/main/guide/hooks.md#L12-L30"},
		{"one line", github, Location{Path: "a.md", Start: 7, End: 7}, "https://github.com/org/docs/blob/main/a.md#L7-L7"},
		{"end before start is the start", github, Location{Path: "a.md", Start: 7, End: 0}, "https://github.com/org/docs/blob/main/a.md#L7-L7"},
		{"space", github, Location{Path: "user guide/getting started.md", Start: 1, End: 2},
			"https://github.com/org/docs/blob/main/user%20guide/getting%20started.md#L1-L2"},
		{"hash and percent", github, Location{Path: "c#/100% done.md", Start: 1, End: 2},
			"https://github.com/org/docs/blob/main/c%23/100%25%20done.md#L1-L2"},
		{"unicode", github, Location{Path: "文档/café.md", Start: 3, End: 4},
			"https://github.com/org/docs/blob/main/%E6%96%87%E6%A1%A3/caf%C3%A9.md#L3-L4"},
		{"mention and markdown", github, Location{Path: "@everyone <b>_x_*y*|z|`q`(p).md", Start: 1, End: 1},
			"https://github.com/org/docs/blob/main/%40everyone%20%3Cb%3E_x_%2Ay%2A%7Cz%7C%60q%60%28p%29.md#L1-L1"},
		{"query parameters stay one", "https://wiki.example.com/view?file={path}&from={start}", Location{Path: "a&b=c+d?.md", Start: 5},
			"https://wiki.example.com/view?file=a%26b%3Dc%2Bd%3F.md&from=5"},
		{"id for a built site", "https://docs.example.com/{id}/", Location{Path: "guide/hooks.mdx", ID: "guide/hooks", Start: 1, End: 9},
			"https://docs.example.com/guide/hooks/"},
		{"pdf page", "https://files.example.com/{path}#page={start}", Location{Path: "specs/v2.pdf", Start: 4, End: 5},
			"https://files.example.com/specs/v2.pdf#page=4"},
		{"no lines known: no link", github, Location{Path: "a.md"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm, err := Parse(tt.tmpl)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.tmpl, err)
			}
			got := tm.URL(tt.loc)
			if got != tt.want {
				t.Errorf("URL = %q\nwant  %q", got, tt.want)
			}
			if got == "" {
				return
			}
			u, err := url.Parse(got)
			if err != nil {
				t.Fatalf("not a URL: %v", err)
			}
			// The path and ID decode back to what they were.
			if tt.tmpl == github && u.Path != "/org/docs/blob/main/"+tt.loc.Path {
				t.Errorf("decoded path %q, want %q", u.Path, "/org/docs/blob/main/"+tt.loc.Path)
			}
			if strings.ContainsAny(got, " <>@`*|") {
				t.Errorf("URL %q holds a character Discord would read", got)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct{ tmpl, want string }{
		{"https://github.com/org/docs/blob/main/{file}#L{start}", "unknown key {file}"},
		{"https://github.com/org/docs/blob/main/{path#L{start}", `"{" without`},
		{"https://github.com/org/docs/blob/main/path}", `"}" without`},
		{"https://github.com/org/docs/blob/main/{}", "unknown key {}"},
		{"https://github.com/org/docs/blob/main/README.md#L{start}", "no {path} or {id}"},
		{"github.com/org/docs/blob/main/{path}", "http:// or https://"},
		{"ftp://example.com/{path}", "http:// or https://"},
		{"https:///{path}", "with a host"},
		{"{path}", "http:// or https://"},
	}
	for _, tt := range tests {
		t.Run(tt.tmpl, func(t *testing.T) {
			_, err := Parse(tt.tmpl)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error = %v, want one containing %q", tt.tmpl, err, tt.want)
			}
		})
	}
}

func TestEmptyTemplateMakesNoLinks(t *testing.T) {
	tm, err := Parse("  ")
	if err != nil || tm != nil {
		t.Fatalf("Parse(blank) = %v, %v; want nil, nil", tm, err)
	}
	if got := tm.URL(Location{Path: "a.md", Start: 1, End: 2}); got != "" {
		t.Errorf("nil template made %q", got)
	}
	if tm.String() != "" {
		t.Errorf("nil template String = %q", tm.String())
	}
}

func FuzzURL(f *testing.F) {
	f.Add(github, "guide/hooks.md", 12, 30)
	f.Add("https://x.example/{id}?p={path}&s={start}", "a b/#c?d&e.md", 1, 1)
	f.Fuzz(func(t *testing.T, tmpl, path string, start, end int) {
		// What a path becomes uses only URL-safe bytes, and decodes back.
		esc := escape(path)
		if i := strings.IndexFunc(esc, func(r rune) bool {
			return !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/%", r)
		}); i >= 0 {
			t.Errorf("escape(%q) = %q keeps %q", path, esc, esc[i:])
		}
		if back, err := url.PathUnescape(esc); err != nil || back != path {
			t.Errorf("escape(%q) = %q decodes to %q, %v", path, esc, back, err)
		}
		tm, err := Parse(tmpl)
		if err != nil || tm == nil {
			return
		}
		got := tm.URL(Location{Path: path, ID: path, Start: start, End: end})
		if start > 0 && (got == "" || !strings.HasPrefix(got, tm.parts[0].lit)) {
			t.Errorf("template %q, start %d: URL %q", tmpl, start, got)
		}
	})
}

func ExampleTemplate_URL() {
	t, _ := Parse("https://github.com/org/docs/blob/main/{path}#L{start}-L{end}")
	fmt.Println(t.URL(Location{Path: "guide/getting started.md", Start: 12, End: 30}))
	// Output: https://github.com/org/docs/blob/main/guide/getting%20started.md#L12-L30
}
