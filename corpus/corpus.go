package corpus

import (
	"errors"
	"log/slog"
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

// Document is one loaded file.
type Document struct {
	ID       string // path relative to the root, extension removed, "/" separated
	Path     string // path within the fs.FS
	Title    string // first non-empty line, trimmed
	Lang     string // ISO 639-1 code: "en", "fr", "ar", "zh", …; "und" when unknown
	Text     string // the text passages point into (HTML already reduced to text)
	Passages []Passage
}

// Passage is a span of a document's Text on paragraph boundaries.
type Passage struct {
	DocID     string
	Index     int    // position within the document, from 0
	Kind      Kind   // Body or Aside
	Text      string // == Document.Text[Start:End]
	Start     int    // byte offset in Document.Text
	End       int    // byte offset in Document.Text, exclusive
	LineStart int    // 1-based line of Start
	LineEnd   int    // 1-based line of the last byte
}

// Warning names a file that was skipped or repaired, and why.
type Warning struct {
	Path   string
	Reason string
}

// Corpus is a loaded set of documents, sorted by ID.
type Corpus struct {
	Docs     []Document
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

// Words counts the words of the document's passages.
func (d *Document) Words() int {
	n := 0
	for _, p := range d.Passages {
		n += CountWords(p.Text)
	}
	return n
}
