package corpus

import (
	"io/fs"
	"path"
	"regexp"
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
