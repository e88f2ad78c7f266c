package corpus

import (
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// DocFX (Microsoft Learn's Markdown) includes a file's text in a page with
// [!INCLUDE[title](path)], the path relative to the page (DocFX Flavored
// Markdown, "File Inclusion"). Written inside a line it is inline: the
// file is read as inline text, its ending white space trimmed. Written
// alone on a line it is a block include. Microsoft's trees write the
// product's name this way ("[!INCLUDE[prod_short](includes/prod_short.md)]
// admite …" is "Business Central admite …" on the site), so a page read
// without them loses its subject in every other sentence.
var docfxIncludeRe = regexp.MustCompile(`(?i)\[!include\s*\[([^\]]*)\]\(\s*<?["']?([^)"'<>\s]+)["']?>?(?:\s+"[^"]*")?\s*\)\]`)

// docfxMaxDepth bounds includes inside included files (a loop of them
// would never end).
const docfxMaxDepth = 4

// docfxIncludes fills a page's includes and remembers which files were
// read into pages; it is shared by Load's goroutines.
type docfxIncludes struct {
	mu     sync.Mutex
	bodies map[string]docfxBody // path → what the file gives, read once
	filled map[string]bool      // paths of one-line files filled into a page
}

type docfxBody struct {
	text string // the file's text without its front matter, trimmed
	ok   bool   // false: missing, too large, not Markdown
}

// hasDocFXInclude reports whether src may hold an include, cheaply.
func hasDocFXInclude(src string) bool {
	i := strings.Index(src, "[!")
	for i >= 0 {
		if rest := src[i+2:]; len(rest) >= 7 && strings.EqualFold(rest[:7], "include") {
			return true
		}
		j := strings.Index(src[i+2:], "[!")
		if j < 0 {
			return false
		}
		i += 2 + j
	}
	return false
}

// fillDocFXIncludes writes each include of the page at p as the included
// file's text when that text is one line, or, inside a line, one
// paragraph (its lines joined, as DocFX reads an inline include). Lines
// stay where they are, so passages keep the page's line numbers. An
// include that cannot be filled so (a file of several blocks, a missing
// one, one outside the folder) is removed: the file of several blocks is
// a document of its own.
func (l *loader) fillDocFXIncludes(p, src string, depth int) string {
	lines := strings.Split(src, "\n")
	for i, line := range lines {
		if !hasDocFXInclude(line) {
			continue
		}
		block := false
		if m := docfxIncludeRe.FindStringIndex(line); m != nil && strings.TrimSpace(line[:m[0]]) == "" && strings.TrimSpace(line[m[1]:]) == "" {
			block = true
		}
		lines[i] = docfxIncludeRe.ReplaceAllStringFunc(line, func(ref string) string {
			target := docfxIncludeRe.FindStringSubmatch(ref)[2]
			full, ok := resolveInclude(p, target)
			if !ok || depth >= docfxMaxDepth {
				return ""
			}
			body := l.includeBody(full)
			if !body.ok {
				return ""
			}
			text := body.text
			oneLine := !strings.Contains(text, "\n")
			switch {
			case oneLine:
			case !block && !strings.Contains(text, "\n\n"):
				text = strings.Join(strings.Fields(text), " ")
			default:
				return ""
			}
			if hasDocFXInclude(text) {
				text = l.fillDocFXIncludes(full, text, depth+1)
			}
			if oneLine {
				l.includes.mu.Lock()
				l.includes.filled[full] = true
				l.includes.mu.Unlock()
			}
			return text
		})
	}
	return strings.Join(lines, "\n")
}

// resolveInclude is the path in the folder an include of the page at p
// names: relative to the page, or to the folder's root when it starts
// with "/"; false for one outside the folder or not Markdown.
func resolveInclude(p, target string) (string, bool) {
	target, _, _ = strings.Cut(target, "#")
	var full string
	if rest, ok := strings.CutPrefix(target, "/"); ok {
		full = path.Clean(rest)
	} else {
		full = path.Join(path.Dir(p), target)
	}
	if !fs.ValidPath(full) || full == "." || formatOf(full) != FormatMarkdown {
		return "", false
	}
	return full, true
}

// includeBody reads an included file once: its text without front matter,
// ending white space trimmed.
func (l *loader) includeBody(full string) docfxBody {
	l.includes.mu.Lock()
	b, seen := l.includes.bodies[full]
	l.includes.mu.Unlock()
	if seen {
		return b
	}
	b = docfxBody{}
	if info, err := fs.Stat(l.fsys, full); err == nil && info.Mode().IsRegular() && info.Size() <= l.maxBytes {
		if data, err := fs.ReadFile(l.fsys, full); err == nil {
			text := strings.ToValidUTF8(strings.TrimPrefix(string(data), "\ufeff"), "\ufffd")
			text = strings.ReplaceAll(text, "\r\n", "\n")
			lines := strings.Split(text, "\n")
			_, n := splitFrontMatter(lines) // its lines, the closing one too
			b = docfxBody{text: strings.TrimSpace(strings.Join(lines[n:], "\n")), ok: true}
		}
	}
	l.includes.mu.Lock()
	l.includes.bodies[full] = b
	l.includes.mu.Unlock()
	return b
}

// includedReason is why a one-line file that pages include is not a
// document of its own.
const includedReason = "included in other pages ([!INCLUDE]): its text is read where they include it"

// docfxFAQHeader opens a Microsoft Learn FAQ page, a YAML file (DocFX's
// "YamlMime:FAQ" schema: title, summary, sections of questions and their
// Markdown answers). Microsoft's trees keep their FAQs so: skipped as data
// files, Business Central's Spanish docs lost 76 questions and answers.
const docfxFAQHeader = "### YamlMime:FAQ"

func isYAMLPath(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".yml" || ext == ".yaml"
}

// docfxFAQ reports whether the YAML file p opens with the FAQ header,
// reading its first bytes only.
func (l *loader) docfxFAQ(p string) bool {
	f, err := l.fsys.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 3+len(docfxFAQHeader))
	n, _ := io.ReadFull(f, buf)
	return strings.HasPrefix(strings.TrimPrefix(string(buf[:n]), "\ufeff"), docfxFAQHeader)
}

// docfxFAQMarkdown rewrites a FAQ page as the Markdown it renders, line
// for line, so that passages keep the file's lines: the title a heading,
// the summary and additional content as text, a section's name a heading,
// each question a heading over its answer (Markdown, as the schema says).
// Metadata and anything else go. It reads the schema's keys, not YAML at
// large: block scalars ("|", ">", "|-"), plain and quoted values.
func docfxFAQMarkdown(src string) string {
	lines := strings.Split(src, "\n")
	out := make([]string, len(lines))
	// One section's name is not shown ("name: Ignored" in Microsoft's
	// pages of one section).
	sections := 0
	for _, line := range lines {
		if key, _, ok := faqKey(strings.TrimSpace(line)); ok && key == "name" && faqIndent(line) > 0 {
			sections++
		}
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		ind := faqIndent(line)
		key, val, ok := faqKey(strings.TrimSpace(line))
		if !ok {
			continue
		}
		// A block scalar's lines are those indented under its key.
		j := i + 1
		block := strings.TrimRight(val, "-+0123456789")
		if block == "|" || block == ">" {
			for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || indentOf(lines[j]) > ind) {
				j++
			}
		} else {
			block = ""
		}
		prefix, markdown := "", false
		switch {
		case key == "title" && ind == 0:
			prefix = "# "
		case key == "name" && ind > 0 && sections > 1:
			prefix = "## "
		case key == "question":
			prefix = "### "
		case key == "summary" && ind == 0, key == "answer", key == "additionalContent" && ind == 0:
			markdown = true
		default:
			i = j - 1
			continue
		}
		if block != "" {
			body := lines[i+1 : j]
			dedent := -1
			for _, b := range body {
				if strings.TrimSpace(b) != "" && (dedent < 0 || indentOf(b) < dedent) {
					dedent = indentOf(b)
				}
			}
			for k, b := range body {
				if len(b) >= dedent && dedent > 0 {
					b = b[dedent:]
				}
				out[i+1+k] = strings.TrimRight(b, "\r")
			}
			if !markdown && len(body) > 0 {
				// A heading is one line: the question's lines joined.
				var words []string
				for k := range body {
					words = append(words, strings.TrimSpace(out[i+1+k]))
					out[i+1+k] = ""
				}
				out[i+1] = prefix + strings.Join(strings.Fields(strings.Join(words, " ")), " ")
			}
			i = j - 1
			continue
		}
		// One line: a quoted value's escaped breaks would move the lines.
		out[i] = prefix + strings.NewReplacer("\r", " ", "\n", " ").Replace(unquoteYAML(val))
	}
	return strings.Join(out, "\n")
}

// faqIndent is the column of a line's key: a sequence entry's stands
// after its dash.
func faqIndent(line string) int {
	ind := indentOf(line)
	if strings.HasPrefix(strings.TrimSpace(line), "- ") {
		ind += 2
	}
	return ind
}

// faqKey splits "key: value" and "- key: value" lines of a FAQ page.
func faqKey(t string) (key, val string, ok bool) {
	t = strings.TrimPrefix(t, "- ")
	key, val, ok = strings.Cut(t, ":")
	if !ok || key == "" || strings.ContainsAny(key, " \t\"'") {
		return "", "", false
	}
	return key, strings.TrimSpace(val), true
}

// unquoteYAML is a plain or quoted YAML scalar's text.
func unquoteYAML(v string) string {
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
		return v[1 : len(v)-1]
	}
	return v
}
