// Package sourcelink turns where a cited passage is (a file and its lines,
// or pages) into a link, from an operator's template such as
//
//	https://github.com/org/docs/blob/main/{path}#L{start}-L{end}
//
// Keys:
//
//	{path}   the file's path relative to the corpus folder, "/"-separated
//	{id}     the document's ID: that path without its extension
//	{start}  the first line of the passage (its first page, for a PDF)
//	{end}    the last line (page)
//
// Path and ID are percent-encoded byte by byte except for letters, digits,
// "-._~" and "/", so that a file name can neither end the URL nor carry
// Markdown, a mention or a query parameter into the message that shows it.
package sourcelink

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// keys are the names a template may use, in the order the docs list them.
var keys = []string{"path", "id", "start", "end"}

// Template is a parsed SOURCE_URL. The zero value (and nil) makes no links.
type Template struct {
	raw   string
	parts []part
}

// part is a literal run of the template, or a key when key != "".
type part struct {
	lit, key string
}

// Location is where a passage is.
type Location struct {
	Path       string // relative to the corpus folder, "/"-separated
	ID         string // the document's ID
	Start, End int    // lines, or pages for a paged document; 0 = unknown
}

// Parse checks a template. An empty one is valid and makes no links. The
// error says what is wrong in words an operator can act on.
func Parse(s string) (*Template, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	t := &Template{raw: s}
	hasFile := false
	for rest := s; rest != ""; {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			t.parts = append(t.parts, part{lit: rest})
			break
		}
		if rest[open] == '}' {
			return nil, errors.New(`a "}" without its "{"`)
		}
		if open > 0 {
			t.parts = append(t.parts, part{lit: rest[:open]})
		}
		end := strings.IndexAny(rest[open+1:], "{}")
		if end < 0 || rest[open+1+end] != '}' {
			return nil, errors.New(`a "{" without its "}"`)
		}
		key := rest[open+1 : open+1+end]
		if !known(key) {
			return nil, fmt.Errorf("unknown key {%s}: the keys are {path}, {id}, {start} and {end}", key)
		}
		hasFile = hasFile || key == "path" || key == "id"
		t.parts = append(t.parts, part{key: key})
		rest = rest[open+1+end+1:]
	}
	if !hasFile {
		return nil, errors.New("no {path} or {id}: every source would link to the same page")
	}
	// The template must give an absolute web URL whatever is put in it.
	u, err := url.Parse(t.URL(Location{Path: "dir/file.md", ID: "dir/file", Start: 1, End: 2}))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("not an http:// or https:// URL with a host")
	}
	return t, nil
}

func known(key string) bool { return slices.Contains(keys, key) }

// String is the template as written.
func (t *Template) String() string {
	if t == nil {
		return ""
	}
	return t.raw
}

// URL fills the template for one location; "" for a nil template, or when
// the template needs lines the location does not have.
func (t *Template) URL(loc Location) string {
	if t == nil || len(t.parts) == 0 {
		return ""
	}
	var b strings.Builder
	for _, p := range t.parts {
		switch p.key {
		case "":
			b.WriteString(p.lit)
		case "path":
			b.WriteString(escape(loc.Path))
		case "id":
			b.WriteString(escape(loc.ID))
		case "start", "end":
			n := loc.Start
			if p.key == "end" {
				n = max(loc.End, loc.Start)
			}
			if n <= 0 {
				return ""
			}
			b.WriteString(strconv.Itoa(n))
		}
	}
	return b.String()
}

// escape percent-encodes every byte but letters, digits, "-._~" and "/".
func escape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
