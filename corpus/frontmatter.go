package corpus

import (
	"strconv"
	"strings"
)

// frontMatter is what Load reads from a Markdown file's front matter.
type frontMatter struct {
	title, description, lang string
}

// splitFrontMatter finds a YAML ("---") or TOML ("+++") front matter block
// at the start of lines and returns what it says and how many lines it
// takes (0 when there is none). A block that is never closed is no front
// matter: the file is text that starts with a rule.
func splitFrontMatter(lines []string) (frontMatter, int) {
	var fm frontMatter
	if len(lines) == 0 {
		return fm, 0
	}
	open := strings.TrimRight(lines[0], " \t")
	var closers []string
	switch open {
	case "---":
		closers = []string{"---", "..."}
	case "+++":
		closers = []string{"+++"}
	default:
		return fm, 0
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if equalsAny(strings.TrimRight(lines[i], " \t"), closers) {
			end = i
			break
		}
	}
	if end < 0 {
		return fm, 0
	}
	body := lines[1:end]
	if open == "---" {
		body = yamlDedent(body)
	}
	var get func(string) string
	if open == "+++" {
		get = func(k string) string { return tomlValue(body, k) }
	} else {
		get = func(k string) string { return yamlValue(body, k) }
	}
	fm.title = get("title")
	if fm.title == "" {
		fm.title = get("sidebar_label")
	}
	fm.description = get("description")
	if fm.description == "" {
		fm.description = get("summary")
	}
	fm.lang = get("lang")
	if fm.lang == "" {
		fm.lang = get("language")
	}
	return fm, end + 1
}

// yamlDedent takes a YAML mapping indented as a whole back to the margin:
// its top level is as indented as its first key ("  title: x" under
// "---"), which YAML allows. Lines indented less are left as they are;
// lines is not changed.
func yamlDedent(lines []string) []string {
	indent := -1
	for _, l := range lines {
		if t := strings.TrimLeft(l, " "); t != "" && t[0] != '#' {
			indent = len(l) - len(t)
			break
		}
	}
	if indent <= 0 {
		return lines
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if len(l) >= indent && strings.TrimLeft(l[:indent], " ") == "" {
			l = l[indent:]
		}
		out[i] = l
	}
	return out
}

// yamlValue returns the string value of a top-level key of a YAML mapping:
// plain, quoted, or a block scalar ("|", ">"), with continuation lines
// folded. It is a small reader for the few keys Load needs, not a YAML
// parser: anything else gives "".
func yamlValue(lines []string, key string) string {
	for i, l := range lines {
		rest, ok := strings.CutPrefix(l, key)
		if !ok {
			continue
		}
		rest, ok = strings.CutPrefix(rest, ":")
		if !ok {
			continue
		}
		v := strings.TrimSpace(rest)
		var more []string // indented continuation lines
		for _, c := range lines[i+1:] {
			if strings.TrimSpace(c) != "" && c[0] != ' ' && c[0] != '\t' {
				break
			}
			more = append(more, strings.TrimSpace(c))
		}
		switch {
		case v == "" || v[0] == '|' || v[0] == '>':
			if v != "" && v[0] == '|' {
				return strings.TrimSpace(strings.Join(more, "\n"))
			}
			return strings.Join(strings.Fields(strings.Join(more, " ")), " ")
		case v[0] == '"':
			s := strings.Join(append([]string{v}, more...), " ")
			if end := closingQuote(s); end > 0 {
				if u, err := strconv.Unquote(s[:end+1]); err == nil {
					return strings.TrimSpace(u)
				}
				return strings.TrimSpace(s[1:end])
			}
			return ""
		case v[0] == '\'':
			s := strings.Join(append([]string{v}, more...), " ")
			for j := 1; j < len(s); j++ {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j++
						continue
					}
					return strings.TrimSpace(strings.ReplaceAll(s[1:j], "''", "'"))
				}
			}
			return ""
		case v[0] == '[' || v[0] == '{' || v[0] == '&' || v[0] == '*':
			return "" // a list, a mapping or an alias: not a title
		}
		if j := strings.Index(v, " #"); j >= 0 {
			v = v[:j] // a comment
		}
		return strings.Join(strings.Fields(strings.Join(append([]string{v}, more...), " ")), " ")
	}
	return ""
}

// closingQuote returns the index of the '"' that closes the string s
// opens, skipping backslash escapes; -1 when there is none.
func closingQuote(s string) int {
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return -1
}

// tomlValue returns the string value of a top-level key of TOML front
// matter: key = "…" or key = '…'. Keys inside tables are not top level.
func tomlValue(lines []string, key string) string {
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			return "" // the top-level keys come before any table
		}
		rest, ok := strings.CutPrefix(t, key)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		rest, ok = strings.CutPrefix(rest, "=")
		if !ok {
			continue
		}
		v := strings.TrimSpace(rest)
		switch {
		case strings.HasPrefix(v, `"`):
			if end := closingQuote(v); end > 0 {
				if u, err := strconv.Unquote(v[:end+1]); err == nil {
					return strings.TrimSpace(u)
				}
				return v[1:end]
			}
		case strings.HasPrefix(v, "'"):
			if end := strings.IndexByte(v[1:], '\''); end >= 0 {
				return v[1 : end+1]
			}
		}
		return ""
	}
	return ""
}
