package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"corpusbot/text"
)

const (
	defaultMaxFileBytes  = 10 << 20
	defaultMaxTitleRunes = 120
	// warningsInError is how many skipped files the ErrNoDocuments error names.
	warningsInError = 5
	// maxWorkers bounds the goroutines that load files at once.
	maxWorkers = 8
)

// Load reads every document under fsys, recursively: plain text (.txt),
// Markdown (.md, .markdown), MDX (.mdx), Quarto (.qmd), R Markdown (.rmd), HTML (.html, .htm),
// reStructuredText (.rst, .rst.txt, .rst.inc), AsciiDoc (.adoc, .asciidoc, .asc), PDF,
// DOCX, PowerPoint (.pptx), OpenDocument text (.odt), EPUB and the others
// extensions lists. Every other file is named in a Warning of kind SkipUnsupported.
// Bad files are skipped with a Warning; zero loadable documents is ErrNoDocuments.
//
// Hidden files and folders (".git") are not looked at.
// A file is skipped, with one Warning and one log line, when it is larger
// than MaxFileBytes, unreadable, binary, not UTF-8 (more than 1% invalid
// bytes), or has no words; a file with a few invalid bytes is loaded with
// them replaced by U+FFFD, and a Warning. When two files give one ID ("a.txt"
// and "a.md"), the first in path order is kept. Documents are sorted by ID.
// Errors do not name the folder, which only the caller knows: it wraps
// them with it once.
func Load(ctx context.Context, fsys fs.FS, cfg Config) (*Corpus, error) {
	l := newLoader(fsys, cfg)
	paths, regular, err := l.listTyped(ctx)
	if err != nil {
		return nil, err
	}
	if cfg.Listed != nil {
		cfg.Listed(paths)
	}
	l.vars, l.varsNotUsed = l.siteVariables(paths)
	results, err := l.loadAll(ctx, paths, regular)
	if err != nil {
		return nil, err
	}
	// Decide in path order, so that which of two files with one ID is kept,
	// and the order of warnings, do not depend on scheduling.
	c := &Corpus{Docs: make([]Document, 0, len(results))}
	loadedFrom := make(map[string]string, len(results)) // ID → path
	// The paths, for the copies of sources a Sphinx build keeps beside its
	// pages; a tree without any is not indexed.
	var listed map[string]bool
	if slices.ContainsFunc(paths, isSourceCopy) {
		listed = make(map[string]bool, len(paths))
		for _, p := range paths {
			listed[p] = true
		}
	}
	states := make([]*splitState, 0, len(results))
	warnAt := make([]int, 0, len(results)) // index in c.Warnings where each document's skip would go
	for i, r := range results {
		p := paths[i]
		page, isCopy := sourceCopyOf(p, listed)
		switch first, dup := loadedFrom[r.doc.ID]; {
		case r.skip.Kind != "":
			l.warn(c, p, r.skip)
		case l.includes.filled[p]:
			l.warn(c, p, Warning{Kind: SkipDuplicate, Reason: includedReason})
		case isCopy && results[slices.Index(paths, page)].skip.Kind == "":
			l.warn(c, p, Warning{Kind: SkipDuplicate, Reason: "duplicate: the source of " + page + ", which is loaded"})
		case dup:
			l.warn(c, p, Warning{Kind: SkipDuplicate, Reason: fmt.Sprintf("duplicate ID %q: already loaded from %s", r.doc.ID, first)})
		default:
			if r.note != "" {
				l.warn(c, p, Warning{Reason: r.note})
			}
			loadedFrom[r.doc.ID] = p
			c.Docs = append(c.Docs, r.doc)
			states = append(states, r.st)
			warnAt = append(warnAt, len(c.Warnings))
		}
	}
	boiler := dropBoilerplate(c.Docs, states)
	repeats := dedupePassages(c.Docs)
	if len(repeats) > 0 {
		c.Docs = l.dropRepeats(c, repeats, warnAt)
	}
	linkTranslations(c.Docs)
	shared := 0
	for i := range c.Docs {
		for j := range c.Docs[i].Passages {
			shared += len(c.Docs[i].Passages[j].AlsoIn)
		}
	}
	l.log.Debug("corpus: across documents", "boilerplate_blocks", boiler, "passages_indexed_once", shared, "repeated_files", len(repeats))
	l.logWarnings(c.Warnings)
	c.Warnings = append(c.Warnings, l.warnings...)
	if len(c.Docs) == 0 {
		return nil, noDocumentsError(c.Warnings)
	}
	sort.Slice(c.Docs, func(i, j int) bool { return c.Docs[i].ID < c.Docs[j].ID })
	return c, nil
}

// result is what loading one file gave.
type result struct {
	doc  Document
	note string      // what was repaired
	skip Warning     // why it was skipped: Kind and Reason; Kind "" when loaded
	st   *splitState // for structured documents; nil for plain text
}

// loadAll loads the files on as many goroutines as there are CPUs: most of
// the time goes to parsing and splitting, which are independent.
// It checks ctx before each file.
func (l *loader) loadAll(ctx context.Context, paths []string, regular []bool) ([]result, error) {
	results := make([]result, len(paths))
	forEachParallel(len(paths), func() func(int) {
		sc := scratch{texts: l.texts} // reused for every file this goroutine reads
		return func(i int) {
			if ctx.Err() != nil {
				return
			}
			r := &results[i]
			r.doc, r.st, r.note, r.skip = l.loadFile(paths[i], regular[i], &sc)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}

// forEachParallel calls fn(0) … fn(n-1) on as many goroutines as there are
// CPUs (at most maxWorkers), each goroutine with its own fn from worker,
// which may hold buffers it reuses. A call must touch only what its index
// owns.
func forEachParallel(n int, worker func() func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n, maxWorkers)
	if workers <= 1 {
		fn := worker()
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			fn := worker()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// loader holds what one call of Load needs.
type loader struct {
	fsys     fs.FS
	maxBytes int64
	maxTitle int
	log      *slog.Logger
	onRead   func(path string, info fs.FileInfo, data []byte, kept bool)
	texts    func(n int) []byte
	rules    *noiseRules
	md       markdownParsers
	warnings []Warning // folders that could not be listed
	// vars are the site's variables (siteVarsFile), filled into Markdown
	// pages; nil without them.
	vars        map[string]any
	varsNotUsed string // why a siteVarsFile listed gave no vars
	// includes are the files DocFX pages include ([!INCLUDE]).
	includes docfxIncludes
	// root is the folder's real path, resolved once per load for
	// linkWithheld (rootRead: resolved; "": it could not be).
	root     string
	rootRead bool
}

func newLoader(fsys fs.FS, cfg Config) *loader {
	l := &loader{
		fsys:     fsys,
		maxBytes: cfg.MaxFileBytes,
		maxTitle: cfg.MaxTitleRunes,
		log:      cfg.Logger,
		onRead:   cfg.Read,
		texts:    cfg.Texts,
		rules:    newNoiseRules(),
		md:       newMarkdownParsers(),
		includes: docfxIncludes{bodies: map[string]docfxBody{}, filled: map[string]bool{}},
	}
	if l.maxBytes <= 0 {
		l.maxBytes = defaultMaxFileBytes
	}
	if l.maxTitle <= 0 {
		l.maxTitle = defaultMaxTitleRunes
	}
	if l.log == nil {
		l.log = slog.New(slog.DiscardHandler)
	}
	return l
}

// list returns the paths of the files to load, in lexical order per folder.
// Only a root that cannot be read is an error; a folder below it that
// cannot be listed is a Warning.
func (l *loader) list(ctx context.Context) ([]string, error) {
	paths, _, err := l.listTyped(ctx)
	return paths, err
}

// listTyped is list, with whether each file was listed as a regular file
// (its directory entry's type, known without a Stat).
func (l *loader) listTyped(ctx context.Context) (paths []string, regular []bool, err error) {
	err = fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if p == "." {
				return err
			}
			w := Warning{Path: p, Reason: "unreadable folder: " + reasonOf(err), Kind: SkipUnreadable}
			l.warnings = append(l.warnings, w)
			l.log.Warn("corpus: skipped folder", "path", w.Path, "reason", w.Reason, "kind", string(w.Kind))
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() && d.Name() == "node_modules" {
			// Thousands of files of installed JavaScript packages, none a
			// document of the team's: named once, as a folder.
			w := Warning{Path: p, Reason: "installed packages (node_modules): not read", Kind: SkipPackages}
			l.warnings = append(l.warnings, w)
			l.log.Warn("corpus: skipped folder", "path", w.Path, "reason", w.Reason, "kind", string(w.Kind))
			return fs.SkipDir
		}
		if !d.IsDir() {
			if d.Type()&fs.ModeSymlink != 0 {
				if why, kind := l.linkWithheld(p); why != "" {
					w := Warning{Path: p, Reason: why, Kind: kind}
					l.warnings = append(l.warnings, w)
					l.log.Warn("corpus: file not loaded", "path", w.Path, "reason", w.Reason, "kind", string(w.Kind))
					return nil
				}
			}
			paths = append(paths, p)
			regular = append(regular, d.Type().IsRegular())
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return paths, regular, nil
}

// binaryFormat says whether f is read from bytes, not text: PDF and the
// zips of XML.
func binaryFormat(f Format) bool {
	switch f {
	case FormatPDF, FormatDOCX, FormatPPTX, FormatODT, FormatEPUB:
		return true
	}
	return false
}

// parseBinary reads a file of a binaryFormat; maxFile, the bound of a
// file, bounds each part of a zipped one too (openZipDoc).
func parseBinary(f Format, b []byte, maxFile int64) (structured, SkipKind, string) {
	switch f {
	case FormatPDF:
		return parsePDF(b)
	case FormatPPTX:
		return parsePPTX(b, maxFile)
	case FormatODT:
		return parseODT(b, maxFile)
	case FormatEPUB:
		return parseEPUB(b, maxFile)
	}
	return parseDOCX(b, maxFile)
}

// extensions maps the file extensions Load reads to their formats, in the
// order Extensions lists them.
var extensions = []struct {
	ext    string
	format Format
}{
	{".txt", FormatText},
	{".md", FormatMarkdown},
	{".markdown", FormatMarkdown},
	{".mdx", FormatMDX},
	{".qmd", FormatQuarto},
	{".rmd", FormatRMarkdown},
	{".rst", FormatRST},
	{".adoc", FormatAsciiDoc},
	{".asciidoc", FormatAsciiDoc},
	{".asc", FormatAsciiDoc}, // Pro Git's; a PGP armor of the same name is told apart by its first line
	{".html", FormatHTML},
	{".htm", FormatHTML},
	{".pdf", FormatPDF},
	{".docx", FormatDOCX},
	{".pptx", FormatPPTX},
	{".odt", FormatODT},
	{".epub", FormatEPUB},
	{".ipynb", FormatNotebook},
	{".1–.9", FormatMan}, // a manual page's section, and its suffix (.3p, .1ssl): isManPage
	{".man", FormatMan},
	{".org", FormatOrg},
	{".tex", FormatLaTeX},
	{".latex", FormatLaTeX},
	{".ltx", FormatLaTeX},
	{".texi", FormatTexinfo},
	{".texinfo", FormatTexinfo},
	{".txi", FormatTexinfo},
	{".pod", FormatPOD},
	{".wiki", FormatMediaWiki},
	{".mediawiki", FormatMediaWiki},
}

// Extensions lists the file extensions Load reads, lower case with their
// dot, for messages that tell people what a folder may hold; manual pages'
// sections as one range, ".1–.9".
func Extensions() []string {
	out := make([]string, len(extensions))
	for i, e := range extensions {
		out[i] = e.ext
	}
	return out
}

// formatOf is the format of a file from its name; "" when Load does not
// read it.
func formatOf(p string) Format {
	lower := strings.ToLower(p)
	if strings.HasSuffix(lower, ".rst.txt") || strings.HasSuffix(lower, ".rst.inc") {
		return FormatRST // a Sphinx build's copy of a source; a fragment for ".. include::"
	}
	ext := path.Ext(lower)
	for _, e := range extensions {
		if e.ext == ext {
			return e.format
		}
	}
	if isManPage(lower) {
		return FormatMan
	}
	return ""
}

// docID is the path without its last extension: "news/a.fr.txt" → "news/a.fr".
func docID(p string) string {
	return strings.TrimSuffix(p, path.Ext(p))
}

// scratch is what one loading goroutine reuses from file to file.
type scratch struct {
	buf []byte // the file being read
	pk  packer
	// slab holds the texts of plain-text files, read into it one after
	// the other: the text is the bytes read, not a copy of them, and
	// shares a 1 MiB allocation with others instead of taking one of a
	// size class (5 % over the text, for the 1 M corpus's 8–9 KB files).
	// Plain text is the whole document's text; other formats' sources
	// are reduced to text and dropped, and are read into buf.
	slab  []byte
	texts func(n int) []byte // Config.Texts
}

const (
	slabBytes   = 1 << 20
	maxSlabFile = slabBytes / 8 // larger files get a buffer of their own
)

// textBuffer returns the buffer to read a plain-text file of size bytes
// (its Stat) into, with room for one byte more: the rest of the slab, a
// new slab, or its own for a large file. keepText keeps what was read in
// it.
func (sc *scratch) textBuffer(size int64) []byte {
	n := int(size) + 1
	alloc := sc.texts
	if alloc == nil {
		alloc = func(n int) []byte { return make([]byte, 0, n) }
	}
	if n > maxSlabFile {
		return alloc(n)
	}
	if cap(sc.slab)-len(sc.slab) < n {
		sc.slab = alloc(slabBytes)
	}
	return sc.slab[len(sc.slab):len(sc.slab):cap(sc.slab)]
}

// keepText keeps in the slab the bytes b read into it (textBuffer), which
// a document's text now is: the next file is read after them.
func (sc *scratch) keepText(b []byte) {
	free := sc.slab[len(sc.slab):cap(sc.slab)]
	if len(b) > 0 && len(free) >= len(b) && unsafe.SliceData(b) == unsafe.SliceData(free) {
		sc.slab = sc.slab[:len(sc.slab)+len(b)]
	}
}

// loadFile reads and splits one file, reading into sc.buf; regular says
// that it was listed as a regular file. A non-empty skip.Kind says why it
// was skipped; a non-empty note says what was repaired.
func (l *loader) loadFile(p string, regular bool, sc *scratch) (doc Document, st *splitState, note string, skip Warning) {
	kept := false // the text is the bytes read, which stay as they are
	skipped := func(k SkipKind, reason string) (Document, *splitState, string, Warning) {
		return Document{}, nil, "", Warning{Kind: k, Reason: reason}
	}
	format := formatOf(p)
	if format == "" && isYAMLPath(p) && l.docfxFAQ(p) {
		format = FormatFAQ
	}
	if format == "" {
		switch {
		case p == siteVarsFile && l.vars != nil:
			return skipped(SkipUnsupported, siteVarsReason)
		case p == siteVarsFile && l.varsNotUsed != "":
			return skipped(SkipUnsupported, l.varsNotUsed)
		}
		return skipped(SkipUnsupported, unsupportedReason(p))
	}
	if errorPage(p) {
		return skipped(SkipGenerated, "generated page: a site's 404 (page not found) page")
	}
	plain := format == FormatText
	info, b, kind, reason := l.read(p, regular, func(size int64) []byte {
		if plain {
			return sc.textBuffer(size)
		}
		return sc.buf[:0]
	})
	if !plain && b != nil {
		sc.buf = b
	}
	if kind != "" {
		return skipped(kind, reason)
	}
	if int64(len(b)) > l.maxBytes { // it grew since Stat
		return skipped(SkipTooLarge, fmt.Sprintf("larger than %d bytes", l.maxBytes))
	}
	if l.onRead != nil {
		if plain {
			// Told once the text is made: whether it is the bytes read,
			// kept as they are.
			defer func() { l.onRead(p, info, b, kept) }()
		} else {
			l.onRead(p, info, b, false)
		}
	}
	if len(b) == 0 {
		return skipped(SkipEmpty, "empty file")
	}
	if f := format; binaryFormat(f) {
		s, kind, reason := parseBinary(f, b, l.maxBytes)
		if kind != "" {
			return skipped(kind, reason)
		}
		if f == FormatPPTX && s.title == "" {
			// A deck of untitled slides: its first heading is "Slide 1",
			// which names no deck; its file's name does.
			s.title = strings.TrimSuffix(path.Base(p), path.Ext(p))
		}
		doc, st, kind, reason = l.structuredDocument(Document{ID: docID(p), Path: p, Format: f}, s, &sc.pk)
		if kind != "" {
			return skipped(kind, reason)
		}
		return doc, st, "", Warning{}
	}
	var dec decoded
	if plain {
		dec, kind, reason = decodeOwned(b)
	} else {
		dec, kind, reason = decodeText(b)
	}
	if kind != "" {
		return skipped(kind, reason)
	}
	if dec.invalid > 0 {
		note = fmt.Sprintf("%d invalid UTF-8 bytes replaced by U+FFFD", dec.invalid)
	}
	doc, st, kind, reason = l.newDocument(p, format, dec.text, &sc.pk)
	if kind != "" {
		return skipped(kind, reason)
	}
	if dec.inBytes {
		sc.keepText(b)
		kept = true
	}
	return doc, st, note, Warning{}
}

// read appends to b at most maxBytes+1 bytes of the file p, so a file that
// lies about its size cannot exhaust memory, and returns its Stat, made
// before the read. A non-empty kind, and reason, say why it was not read.
//
// A file listed as a regular one is opened at once and its Stat taken
// through the open file: looking its path up twice (Stat, then Open) cost
// as much as the read. Any other is looked at first, and opened only if it
// is a regular file: opening a named pipe would wait for a writer.
func (l *loader) read(p string, regular bool, buffer func(size int64) []byte) (fs.FileInfo, []byte, SkipKind, string) {
	var info fs.FileInfo
	if !regular {
		var err error
		if info, err = fs.Stat(l.fsys, p); err != nil {
			return nil, nil, SkipUnreadable, "unreadable: " + reasonOf(err)
		}
		if kind, reason := l.refuse(info); kind != "" {
			return nil, nil, kind, reason
		}
	}
	f, err := l.open(p, regular)
	if err != nil {
		return nil, nil, SkipUnreadable, "unreadable: " + reasonOf(err)
	}
	defer f.Close()
	if regular {
		if info, err = f.Stat(); err != nil {
			return nil, nil, SkipUnreadable, "unreadable: " + reasonOf(err)
		}
		if kind, reason := l.refuse(info); kind != "" {
			return nil, nil, kind, reason
		}
	}
	b, err := l.readAll(f, info.Size(), buffer(info.Size()))
	if err != nil {
		return nil, b, SkipUnreadable, "unreadable: " + reasonOf(err)
	}
	return info, b, "", ""
}

// open opens the file p, by its descriptor alone when a DirFS lists it as
// regular (see DirFS).
func (l *loader) open(p string, regular bool) (fs.File, error) {
	if d, ok := l.fsys.(dirFS); ok && regular {
		if f, ok, err := d.openRegular(p); ok {
			if err != nil {
				return nil, err
			}
			return f, nil
		}
	}
	return l.fsys.Open(p)
}

// refuse says why a file of this Stat is not read: not a regular file,
// or too large.
func (l *loader) refuse(info fs.FileInfo) (SkipKind, string) {
	if !info.Mode().IsRegular() {
		return SkipUnreadable, "not a regular file"
	}
	if info.Size() > l.maxBytes {
		return SkipTooLarge, fmt.Sprintf("larger than %d bytes (%d bytes)", l.maxBytes, info.Size())
	}
	return "", ""
}

// readAll appends to b at most maxBytes+1 bytes of f; size, from Stat,
// sizes b.
func (l *loader) readAll(f io.Reader, size int64, b []byte) ([]byte, error) {
	b = slices.Grow(b, int(min(size, l.maxBytes))+1)
	for int64(len(b)) <= l.maxBytes {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return b, err
		}
	}
	return b, nil
}

// newDocument makes a Document of a file's text.
// A non-empty kind, and reason, say why it is not one.
func (l *loader) newDocument(p string, format Format, src string, pk *packer) (Document, *splitState, SkipKind, string) {
	doc := Document{ID: docID(p), Path: p, Format: format}
	switch doc.Format {
	case FormatFAQ:
		src = docfxFAQMarkdown(src)
		if hasDocFXInclude(src) {
			src = l.fillDocFXIncludes(p, src, 0)
		}
		return l.structuredDocument(doc, parseMarkdown(l.md, src, false), pk)
	case FormatHTML:
		return l.structuredDocument(doc, parseHTML(src), pk)
	case FormatMarkdown, FormatMDX:
		if l.vars != nil && strings.Contains(src, "{{{") {
			src = fillSiteVariables(src, l.vars)
		}
		if hasDocFXInclude(src) {
			src = l.fillDocFXIncludes(p, src, 0)
		}
		return l.structuredDocument(doc, parseMarkdown(l.md, src, doc.Format == FormatMDX), pk)
	case FormatQuarto, FormatRMarkdown:
		return l.structuredDocument(doc, parseMarkdown(l.md, prepareChunks(src), false), pk)
	case FormatRST:
		return l.structuredDocument(doc, parseRST(src), pk)
	case FormatAsciiDoc:
		return l.structuredDocument(doc, parseAsciiDoc(src), pk)
	case FormatOrg:
		return l.structuredDocument(doc, parseOrg(src), pk)
	case FormatLaTeX:
		return l.structuredDocument(doc, parseLaTeX(src), pk)
	case FormatTexinfo:
		return l.structuredDocument(doc, parseTexinfo(src), pk)
	case FormatPOD:
		return l.structuredDocument(doc, parsePOD(src), pk)
	case FormatMediaWiki:
		s := parseMediaWiki(src)
		// A wiki page's title is its name, which its source does not hold.
		s.title = strings.ReplaceAll(strings.TrimSuffix(path.Base(p), path.Ext(p)), "_", " ")
		return l.structuredDocument(doc, s, pk)
	case FormatNotebook, FormatMan:
		var s structured
		var kind SkipKind
		var reason string
		if doc.Format == FormatMan {
			s, kind, reason = parseMan(src, p)
		} else {
			s, kind, reason = parseNotebook(l.md, src)
		}
		if kind != "" {
			return doc, nil, kind, reason
		}
		return l.structuredDocument(doc, s, pk)
	}
	var title string
	if isBlankString(src) {
		return doc, nil, SkipEmpty, "empty: only white space"
	}
	if pipRequirements(p, src) {
		return doc, nil, SkipUnsupported, pipReason
	}
	if urlList(src) {
		return doc, nil, SkipGenerated, "a list of URLs (a line each, no text), not a document"
	}
	if title == "" {
		title = firstLine(src)
	}
	doc.Title = cutTitle(title, l.maxTitle)
	doc.Text = src
	doc.Lang = text.DetectLanguage(prefix(src, langSampleBytes))
	doc.Passages = pk.split(doc.ID, src, l.rules)
	if len(doc.Passages) == 0 {
		return doc, nil, SkipEmpty, "no words"
	}
	return doc, nil, "", ""
}

// structuredDocument makes a Document of a file reduced to blocks.
func (l *loader) structuredDocument(doc Document, s structured, pk *packer) (Document, *splitState, SkipKind, string) {
	if s.generated != "" {
		return doc, nil, SkipGenerated, s.generated
	}
	for i := range s.blocks {
		s.blocks[i].words = passageWords(s.blocks[i].text)
	}
	a := assemble(s.blocks)
	if isBlankString(a.text) {
		if (doc.Format == FormatMarkdown || doc.Format == FormatMDX || doc.Format == FormatQuarto || doc.Format == FormatRMarkdown) && s.title != "" {
			// Hugo's _index.md, a section's list page: front matter only,
			// the list of its pages made by the build. Nothing to fix.
			return doc, nil, SkipGenerated, "a section's list page: only front matter, the site's build lists the pages under it"
		}
		if len(s.included) > 0 {
			return doc, nil, SkipEmpty, includesOnlyReason(doc.Path, s.included)
		}
		return doc, nil, SkipEmpty, "empty: no text once markup is removed"
	}
	if doc.Format == FormatHTML {
		markTeasers(s.blocks, a) // web pages end with other pages' teasers
	}
	title := s.title
	if title == "" {
		for _, b := range s.blocks {
			if b.kind == blockHeading {
				title = b.text
				break
			}
		}
	}
	if title == "" {
		title = strings.TrimSuffix(path.Base(doc.Path), path.Ext(doc.Path))
	}
	// Copies: the title may be a block's text, part of one buffer of all
	// of them, which the document must not keep alive.
	doc.Title = strings.Clone(cutTitle(title, l.maxTitle))
	doc.Description = text.OneLine(s.description)
	doc.Text = a.text
	doc.Lang = text.DetectLanguageFor(proseSample(s.blocks, a.text), primaryTag(s.lang))
	if doc.Lang == "und" && s.lang != "" {
		doc.Lang = primaryTag(s.lang)
	}
	doc.Passages = splitStructured(pk, doc.ID, title, s.blocks, a, nil)
	if len(doc.Passages) == 0 {
		if !slices.ContainsFunc(s.blocks, func(b block) bool { return b.kind != blockHeading }) {
			// "no words" would puzzle whoever sees the heading in the file.
			return doc, nil, SkipEmpty, "only headings, no text under them (the site's build fills them in: includes, tables of contents, generated API docs)"
		}
		return doc, nil, SkipEmpty, "no words"
	}
	return doc, newSplitState(title, s.blocks, a), "", ""
}

// dropRepeats removes the documents whose every passage is in another,
// with a Warning each, in path order among the others.
func (l *loader) dropRepeats(c *Corpus, repeats map[int]int, warnAt []int) []Document {
	var ws []Warning
	var at []int
	kept := c.Docs[:0:0]
	for i, d := range c.Docs {
		if of, ok := repeats[i]; ok {
			ws = append(ws, Warning{Path: d.Path, Kind: SkipDuplicate, Reason: describeRepeat(c.Docs[of].Path)})
			at = append(at, warnAt[i])
			continue
		}
		kept = append(kept, d)
	}
	// Insert the warnings where the files come in path order.
	out := make([]Warning, 0, len(c.Warnings)+len(ws))
	k := 0
	for i, w := range c.Warnings {
		for k < len(ws) && at[k] == i {
			out = append(out, ws[k])
			k++
		}
		out = append(out, w)
	}
	out = append(out, ws[k:]...)
	c.Warnings = out
	return kept
}

// proseSample is the start of a document's text without its code, to
// detect its language from: a Chinese page of JavaScript examples read
// as English. All of text when the document is code only.
func proseSample(blocks []block, text string) string {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.kind == blockCode {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(prefix(bl.text, max(langSampleBytes-b.Len(), 0)))
		if b.Len() >= langSampleBytes {
			break
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return prefix(text, langSampleBytes)
	}
	return prefix(b.String(), langSampleBytes)
}

// langSampleBytes is how much of a document its language is detected
// from: a page's language shows in its first 2 KiB (some 300 words), and
// reading all of a long plain-text file cost a quarter of loading it.
const langSampleBytes = 2 << 10

// prefix is s cut to at most n bytes, at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// warn records w, for the file p; Load logs the warnings once it knows
// them all, in path order.
func (l *loader) warn(c *Corpus, p string, w Warning) {
	w.Path = p
	c.Warnings = append(c.Warnings, w)
}

// logWarnings logs each warning once.
func (l *loader) logWarnings(ws []Warning) {
	for _, w := range ws {
		if w.Skipped() {
			l.log.Warn("corpus: skipped file", "path", w.Path, "reason", w.Reason, "kind", string(w.Kind))
		} else {
			l.log.Warn("corpus: repaired file", "path", w.Path, "reason", w.Reason)
		}
	}
}

// reasonOf is an error's message without the path a *fs.PathError repeats.
func reasonOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func noDocumentsError(ws []Warning) error {
	if len(ws) == 0 {
		return fmt.Errorf("%w: no file found", ErrNoDocuments)
	}
	var sb strings.Builder
	for i, w := range ws {
		if i == warningsInError {
			fmt.Fprintf(&sb, "; and %d more", len(ws)-i)
			break
		}
		if i > 0 {
			sb.WriteString("; ")
		}
		fmt.Fprintf(&sb, "%s: %s", w.Path, w.Reason)
	}
	return fmt.Errorf("%w: %d skipped: %s", ErrNoDocuments, len(ws), sb.String())
}

// linkWithheld says why the symbolic link p of a folder on disk (DirFS)
// is not followed, or "": a link leads to a page kept elsewhere
// (docs/README.md → ../README.md), but not to a file the loader would not
// read in place, a hidden one (a .env, a key under .ssh) or the system's
// (/proc, /sys, /dev), which a corpus author's link would otherwise serve
// to anyone who asks. Its kind is SkipLink, or SkipUnreadable for a link
// to nothing, which is a fault to fix.
func (l *loader) linkWithheld(p string) (string, SkipKind) {
	d, ok := l.fsys.(dirFS)
	if !ok || d.root == "" {
		return "", ""
	}
	if !l.rootRead {
		// Once per load, not per link: a folder of many links resolved
		// its whole path again for each.
		if root, err := filepath.EvalSymlinks(d.root); err == nil {
			l.root = filepath.ToSlash(root)
		}
		l.rootRead = true
	}
	root := l.root
	if root == "" {
		return "", ""
	}
	full := filepath.Join(d.root, filepath.FromSlash(p))
	written, _ := os.Readlink(full)
	target, err := filepath.EvalSymlinks(full)
	if errors.Is(err, fs.ErrNotExist) && written != "" {
		return "a link to nothing (" + written + "): the file it names does not exist", SkipUnreadable
	}
	if err != nil {
		return "", "" // reported when it is opened
	}
	target = filepath.ToSlash(target)
	if info, err := os.Stat(full); err == nil && info.IsDir() {
		// The walk does not follow links to folders: said, rather than
		// "unsupported type (no extension)", which a team that linked a
		// shared folder could not act on.
		if target == root || strings.HasPrefix(root, target+"/") || target == "/" {
			return "a link to a folder that holds this one (" + written + "), not followed: a loop", SkipLink
		}
		return "a link to a folder (" + written + "), not followed: the pages in it are not read; load that folder itself, or link its files", SkipLink
	}
	for _, sys := range []string{"/proc", "/sys", "/dev"} {
		if target == sys || strings.HasPrefix(target, sys+"/") {
			return "a link to a system file, not read", SkipLink
		}
	}
	// Hidden names count from where the target leaves the folder's path,
	// so that a folder inside a hidden one (~/.local/docs) keeps its links.
	rp, tp := strings.Split(root, "/"), strings.Split(target, "/")
	i := 0
	for i < len(rp) && i < len(tp)-1 && rp[i] == tp[i] {
		i++
	}
	for _, part := range tp[i:] {
		if strings.HasPrefix(part, ".") {
			return "a link to a hidden file, not read", SkipLink
		}
	}
	return "", ""
}
