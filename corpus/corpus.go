package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"strings"

	"corpusbot/text"
)

// ErrNoDocuments is returned when a folder holds no loadable document.
var ErrNoDocuments = errors.New("no loadable documents")

// Config tunes Load. The zero value is usable.
type Config struct {
	// MaxFileBytes skips larger files with a warning; 0 means 10 MiB.
	MaxFileBytes int64
	// MaxTitleRunes trims long titles; 0 means 120.
	MaxTitleRunes int
	// Logger receives one warning per skipped or repaired file; nil discards.
	Logger *slog.Logger
	// Read, when set, is given every file Load reads whole, with its Stat
	// (made before the read) and its bytes as read, which parsing does not
	// change. They are valid only during the call unless kept is true:
	// then they are a document's text, left as they are for as long as the
	// corpus is used (in Texts's memory or the heap), and Read may keep
	// them to look at after Load. It is called from Load's goroutines, at
	// once for different files. A cache of loads (package snapshot) hashes
	// the files there rather than reading each one a second time, and
	// hashes the kept ones later, when it needs the hashes.
	Read func(path string, info fs.FileInfo, data []byte, kept bool)
	// Listed, when set, is given the paths of the files Load looks at (as
	// Files lists them), once the folder is listed and before any file is
	// read; they must not be changed. A cache of loads (package snapshot)
	// takes its list of the files there rather than walk the folder twice.
	Listed func(paths []string)
	// Texts, when set, gives the memory plain-text files are read into,
	// which their documents' texts then are: n bytes (length 0, capacity
	// n) that must stay valid while the corpus is used. It is called from
	// Load's goroutines at once. An index snapshot being built (package
	// snapshot's Arena) gives pages of its file, so that the texts are
	// page cache rather than heap. nil: the heap.
	Texts func(n int) []byte
}

// Kind tells body text from what surrounds it on a web page.
type Kind string

const (
	// Body is the document's own text.
	Body Kind = "body"
	// Aside is text that is real but not part of the article: appended teasers
	// of other stories, "read also" links. Indexed as its own passages, never
	// merged with Body.
	Aside Kind = "aside"
)

// Format is the kind of file a document was loaded from.
type Format string

const (
	FormatText      Format = "text"     // .txt
	FormatMarkdown  Format = "markdown" // .md, .markdown
	FormatMDX       Format = "mdx"      // .mdx
	FormatRST       Format = "rst"      // .rst, .rst.txt, .rst.inc
	FormatAsciiDoc  Format = "asciidoc" // .adoc, .asciidoc, .asc
	FormatHTML      Format = "html"     // .html, .htm
	FormatPDF       Format = "pdf"
	FormatDOCX      Format = "docx"
	FormatPPTX      Format = "pptx" // PowerPoint; a passage's pages are its slides
	FormatODT       Format = "odt"  // OpenDocument text
	FormatEPUB      Format = "epub"
	FormatNotebook  Format = "notebook"  // .ipynb, a Jupyter notebook
	FormatMan       Format = "man"       // .1 to .9 (and 3p, 1ssl, …), .man: a manual page in troff
	FormatOrg       Format = "org"       // .org, Org mode
	FormatLaTeX     Format = "latex"     // .tex, .latex, .ltx
	FormatQuarto    Format = "quarto"    // .qmd: Markdown with executable code chunks
	FormatTexinfo   Format = "texinfo"   // .texi, .texinfo, .txi: a GNU manual
	FormatPOD       Format = "pod"       // .pod: Perl's Plain Old Documentation
	FormatMediaWiki Format = "mediawiki" // .wiki, .mediawiki: a wiki page's source
	FormatRMarkdown Format = "rmarkdown" // .rmd (.Rmd): R Markdown, bookdown's chapters
	FormatFAQ       Format = "faq"       // .yml, .yaml opening "### YamlMime:FAQ": a Microsoft Learn (DocFX) FAQ page
)

// Unit is what a document's passages are located by, as a reader names
// it: the lines of a file of text, the pages of a PDF, the slides of a deck.
// A deck's slide numbers are kept in a Passage's PageStart and PageEnd, so
// the unit, not the fields, says whether "4" is a page or a slide.
type Unit string

const (
	UnitNone  Unit = ""      // neither lines nor pages: DOCX, ODT, EPUB
	UnitLine  Unit = "line"  // LineStart, LineEnd
	UnitPage  Unit = "page"  // PageStart, PageEnd count a PDF's pages
	UnitSlide Unit = "slide" // PageStart, PageEnd count a deck's slides
)

// Unit is what d's passages are located by. It follows from the format
// (every format has one unit), so it is not stored: a snapshot written
// before units were named reads the same. A document made without a format
// (a test's) has pages when its passages do, else lines.
func (d *Document) Unit() Unit {
	switch d.Format {
	case FormatPPTX:
		return UnitSlide
	case FormatPDF:
		return UnitPage
	case FormatDOCX, FormatODT, FormatEPUB:
		return UnitNone
	case "":
		if len(d.Passages) > 0 && d.Passages[0].LineStart == 0 && d.Passages[0].PageStart > 0 {
			return UnitPage
		}
	}
	return UnitLine
}

// Document is one loaded file.
type Document struct {
	ID    string // path relative to the root, extension removed, "/" separated
	Path  string // path within the fs.FS
	Title string // front matter title, first heading, <title>, else the first line
	// Description is the front matter's description (Markdown, MDX); ""
	// when there is none. It is metadata: no passage holds it.
	Description string
	Format      Format // "" only for documents not made by Load
	Lang        string // ISO 639-1 code: "en", "fr", "ar", "zh", …; "und" when unknown
	// Translations are the IDs of the same page in other language folders
	// ("docs/en/x" and "docs/fr/x"), sorted; nil when there are none. A
	// question's sources can prefer the version in the question's language.
	Translations []string
	Text         string // the text passages point into (markup already reduced to text)
	Passages     []Passage
}

// Passage is a span of a document's Text on paragraph boundaries.
type Passage struct {
	DocID string
	Index int    // position within the document, from 0
	Kind  Kind   // Body or Aside
	Text  string // == Document.Text[Start:End]
	Start int    // byte offset in Document.Text
	End   int    // byte offset in Document.Text, exclusive
	// Headings are the section headings the passage sits under, outermost
	// first ("Hooks", "Hook deletion policies"); the document title is not
	// repeated. nil for text without headings.
	Headings []string
	// LineStart and LineEnd are the 1-based lines of the source file the
	// passage's text comes from (for HTML and Markdown, of the markup, not
	// of Text); 0 when the format has no lines (PDF, DOCX).
	LineStart int
	LineEnd   int
	// PageStart and PageEnd are the 1-based pages of a PDF, or slides of a
	// deck (Document.Unit says which), the passage's text is on; 0 for
	// formats without pages.
	PageStart int
	PageEnd   int
	// Literal are the byte spans of Text, in order, that are code blocks
	// or tables (one row a line, cells joined by " | "): text kept line by
	// line, which is not prose and not to be read as sentences. nil for
	// plain text, whose structure is not known.
	Literal [][2]int
	// AlsoIn lists the IDs of later documents holding the same passage
	// word for word; it is indexed once, here, and cited with this
	// document. nil when the passage is in no other document.
	AlsoIn []string
}

// HeadingPath is the passage's title and headings joined as a reader sees
// them: "Title › Section › Subsection".
func (d *Document) HeadingPath(p *Passage) string {
	parts := make([]string, 0, len(p.Headings)+1)
	if d.Title != "" {
		parts = append(parts, d.Title)
	}
	parts = append(parts, p.Headings...)
	return strings.Join(parts, " › ")
}

// SkipKind says why a file was not loaded.
type SkipKind string

const (
	SkipUnsupported SkipKind = "unsupported type"   // an extension Load does not read
	SkipBinary      SkipKind = "binary"             // NUL bytes or control characters
	SkipEncoding    SkipKind = "not UTF-8"          // text in another encoding
	SkipTooLarge    SkipKind = "too large"          // over Config.MaxFileBytes
	SkipUnreadable  SkipKind = "unreadable"         // open, read or list failed
	SkipEmpty       SkipKind = "empty"              // no words once markup is gone
	SkipDuplicate   SkipKind = "duplicate"          // same ID, or a copy of a loaded page
	SkipEncrypted   SkipKind = "encrypted"          // an encrypted PDF or DOCX
	SkipScanned     SkipKind = "scanned"            // a PDF without a text layer
	SkipGenerated   SkipKind = "generated page"     // a site's search or index page
	SkipMalformed   SkipKind = "malformed"          // a PDF or DOCX that cannot be parsed
	SkipPackages    SkipKind = "installed packages" // a node_modules folder, not read
	// SkipLink is a symbolic link not followed by design: to a folder
	// (the walk does not enter linked folders), a loop, a system or a
	// hidden file. Nothing in it failed to read, so the summary does not
	// call it unreadable; a link to nothing stays unreadable.
	SkipLink SkipKind = "link not followed"
)

// Warning names a file that was skipped or repaired, and why.
type Warning struct {
	Path   string
	Reason string   // for people: "larger than 10485760 bytes (12000000 bytes)"
	Kind   SkipKind // why it was skipped; "" when it was loaded, repaired
}

// Skipped reports whether the file was not loaded.
func (w Warning) Skipped() bool { return w.Kind != "" }

// Corpus is a loaded set of documents, sorted by ID.
type Corpus struct {
	Docs []Document
	// Warnings name, in path order, every file not loaded and every file
	// loaded with repairs.
	Warnings []Warning
}

// Doc returns the document with the given ID.
func (c *Corpus) Doc(id string) (*Document, bool) {
	for i := range c.Docs {
		if c.Docs[i].ID == id {
			return &c.Docs[i], true
		}
	}
	return nil, false
}

// Skipped returns the warnings of the files that were not loaded.
func (c *Corpus) Skipped() []Warning {
	var out []Warning
	for _, w := range c.Warnings {
		if w.Skipped() {
			out = append(out, w)
		}
	}
	return out
}

// Summary is one line for people: "loaded 331 documents; skipped 40: 38
// images, 2 too large". Files of unsupported types are counted by what they
// are (images, code, …), the others by why they were skipped, largest
// group first.
func (c *Corpus) Summary() string {
	s := fmt.Sprintf("loaded %d %s", len(c.Docs), plural(len(c.Docs), "document", "documents"))
	return s + skipSummary(c.Warnings)
}

// skipSummary is "; skipped 40: 38 images, 2 too large", or "" when no file
// was skipped.
func skipSummary(ws []Warning) string {
	counts := make(map[string]int)
	var order []string
	n := 0
	for _, w := range ws {
		if !w.Skipped() {
			continue
		}
		n++
		g := w.group()
		if counts[g] == 0 {
			order = append(order, g)
		}
		counts[g]++
	}
	if n == 0 {
		return ""
	}
	// Largest first; ties in order of first appearance (stable).
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && counts[order[j]] > counts[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	parts := make([]string, len(order))
	for i, g := range order {
		parts[i] = fmt.Sprintf("%d %s", counts[g], groupLabel(g, counts[g]))
	}
	return fmt.Sprintf("; skipped %d: %s", n, strings.Join(parts, ", "))
}

// group is what the summary counts a skipped file under: the class of an
// unsupported file, else its kind.
func (w Warning) group() string {
	if w.Kind == SkipUnsupported {
		return fileClass(w.Path)
	}
	return string(w.Kind)
}

// groupLabel is a group's name after a count.
func groupLabel(g string, n int) string {
	if format, ok := strings.CutPrefix(g, unreadPrefix); ok {
		return plural(n, format+" document", format+" documents") + " (a format not read)"
	}
	switch g {
	case gettextClass:
		return plural(n, "gettext translation catalogue (not a document)", "gettext translation catalogues (not documents)")
	case "image", "archive", "font", "code file", "data file", "lock file", "media file", "duplicate", "generated page":
		return plural(n, g, g+"s")
	case "other":
		return plural(n, "file of another type", "files of other types")
	case string(SkipEmpty):
		return "empty"
	case string(SkipPackages):
		return plural(n, "folder of installed packages", "folders of installed packages")
	case string(SkipLink):
		return plural(n, "link not followed", "links not followed")
	}
	return g // "too large", "binary", "unreadable", "encrypted", …
}

// unreadFormats names the formats of documents Load does not read, by
// extension: a tree of them is told it holds documents it cannot read,
// not "files of other types".
var unreadFormats = map[string]string{
	".rdoc": "RDoc", ".textile": "Textile",
	".creole": "wiki markup", ".rtf": "RTF",
	".doc": "Word 97–2003", ".ppt": "PowerPoint 97–2003",
	".djvu": "DjVu", ".ps": "PostScript", ".chm": "CHM help",
}

// unreadPrefix marks a summary group of documents in a format not read.
const unreadPrefix = "unread:"

// unreadFormat is the name of the document format of p when Load does
// not read it, else "".
func unreadFormat(p string) string { return unreadFormats[strings.ToLower(path.Ext(p))] }

// gettextClass is the class of gettext's translation catalogues (.po,
// .pot, .mo: a Sphinx tree's locale/*/LC_MESSAGES): the strings of a
// translation, not documents, so neither "other" nor a format not read.
// (A PowerPoint template is also .pot; in a docs tree gettext's are far
// more common.)
const gettextClass = "gettext catalogue"

// lockFiles are package managers' lock files, by name: the versions of
// a project's packages, neither code nor data a reader asks about.
var lockFiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"bun.lockb": true, "bun.lock": true, "go.sum": true, "cargo.lock": true, "gemfile.lock": true,
	"poetry.lock": true, "pipfile.lock": true, "composer.lock": true, "uv.lock": true, "pdm.lock": true,
	"podfile.lock": true, "pubspec.lock": true, "mix.lock": true, "flake.lock": true, "gradle.lockfile": true,
}

// fileClass names what an unsupported file is, from its name.
func fileClass(p string) string {
	if f := unreadFormat(p); f != "" {
		return unreadPrefix + f
	}
	switch strings.ToLower(path.Base(p)) {
	case "makefile", "gnumakefile", "dockerfile", "containerfile", "jenkinsfile", "vagrantfile", "rakefile", "procfile":
		return "code file"
	}
	if lockFiles[strings.ToLower(path.Base(p))] {
		return "lock file"
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".txt":
		// Read, and counted so only when its lines are pip's
		// (pipRequirements).
		if n := strings.ToLower(path.Base(p)); strings.Contains(n, "requirements") || strings.Contains(n, "constraints") {
			return "data file"
		}
	case ".po", ".pot", ".mo":
		return gettextClass
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".avif", ".heic", ".drawio", ".excalidraw", ".graffle":
		return "image"
	case ".mp4", ".webm", ".mov", ".avi", ".mkv", ".mp3", ".wav", ".ogg", ".flac", ".m4a":
		return "media file"
	case ".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".zst", ".jar", ".whl":
		return "archive"
	case ".woff", ".woff2", ".ttf", ".otf", ".eot":
		return "font"
	case ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".css", ".scss", ".sass", ".less", ".map",
		".go", ".py", ".rb", ".java", ".kt", ".c", ".h", ".cc", ".cpp", ".hpp", ".rs", ".sh", ".bash",
		".bat", ".cmd", ".ps1", ".sty", ".cls", ".dtx", ".ins", ".bst", ".php", ".cs", ".swift", ".scala", ".lua", ".pl", ".r", ".sql", ".vue", ".svelte", ".tmpl", ".gotmpl", ".mod", ".sum":
		return "code file"
	case ".json", ".yaml", ".yml", ".toml", ".xml", ".csv", ".tsv", ".ini", ".cfg", ".conf", ".lock", ".properties", ".env", ".bib":
		return "data file"
	}
	return "other"
}

// unsupportedReason is the reason an unsupported file is skipped: its
// extension and what it is, by the class the summary counts it under, so
// that docs names each file as the summary counts it.
func unsupportedReason(p string) string {
	r := "unsupported type (no extension)"
	if ext := strings.ToLower(path.Ext(p)); ext != "" {
		r = "unsupported type (" + ext + ")"
	}
	g := fileClass(p)
	if f, ok := strings.CutPrefix(g, unreadPrefix); ok {
		return r + ": " + f + " documents are not read"
	}
	switch g {
	case "other":
		return r
	case gettextClass:
		return r + ": a gettext translation catalogue, not a document"
	case "image", "archive":
		return r + ": an " + g
	}
	return r + ": a " + g
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Words counts the words of the document's passages.
func (d *Document) Words() int {
	n := 0
	for _, p := range d.Passages {
		n += text.CountWords(p.Text)
	}
	return n
}
