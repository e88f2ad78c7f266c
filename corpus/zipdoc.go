package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
)

// Office documents (PowerPoint, OpenDocument) and EPUB books are zips of
// XML; these helpers read their parts with the bounds a zip bomb cannot
// pass.

// zipTotalParts is how many times the bound of one part (the bound of a
// plain file, Config.MaxFileBytes) all the parts read of one zipped
// document may unpack to. Real documents read far less: Pepys' Diary, one
// of the longest books Standard Ebooks publishes, is 9.8 MB of XHTML
// chapters and package (its largest part, the endnotes, 2.1 MB), the Rust
// book's largest chapter as DOCX 2.4 MB unpacked (1.1 MB its body), an
// OpenDocument manual 1.5 MB; 8 times 10 MiB leaves such a book room.
const zipTotalParts = 8

// maxXMLDepth bounds how deeply a part's XML may nest. encoding/xml keeps
// every open element, so a part of millions of opening tags (a few KB
// zipped) held gigabytes; Word, LibreOffice and PowerPoint nest tens deep
// (tables in tables, groups of shapes).
const maxXMLDepth = 1000

// errXMLDepth says a part nests deeper than maxXMLDepth.
var errXMLDepth = fmt.Errorf("XML nested more than %d deep", maxXMLDepth)

// xmlReader is an xml.Decoder whose Token fails a part nested deeper than
// maxXMLDepth.
type xmlReader struct {
	*xml.Decoder
	depth int // elements open
}

func newXMLReader(b []byte) *xmlReader {
	return &xmlReader{Decoder: xml.NewDecoder(bytes.NewReader(b))}
}

// Token is the decoder's next token, or errXMLDepth.
func (x *xmlReader) Token() (xml.Token, error) {
	tok, err := x.Decoder.Token()
	switch tok.(type) {
	case xml.StartElement:
		x.depth++
		if x.depth > maxXMLDepth {
			return nil, errXMLDepth
		}
	case xml.EndElement:
		x.depth--
	}
	return tok, err
}

// DecodeElement decodes the element start opens, up to its end, which
// Token then does not see; within it encoding/xml bounds the nesting.
func (x *xmlReader) DecodeElement(v any, start *xml.StartElement) error {
	x.depth--
	return x.Decoder.DecodeElement(v, start)
}

// oleMagic opens an OLE compound file: Office's encrypted documents (and
// its older binary formats), never a zip.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0}

// zipDoc is an opened zipped document.
type zipDoc struct {
	zr    *zip.Reader
	files map[string]*zip.File
	// partMax bounds what one part may unpack to, totalMax what all the
	// parts read of the document may, together (openZipDoc).
	partMax, totalMax int64
	read              int64 // bytes unpacked so far, against totalMax
	// done are the parts read: each is read once a document, so a list
	// naming one part a million times (a book's spine, a deck's slides)
	// costs no more than naming it once.
	done map[string]bool
	// over says why a part was refused (errZipTooLarge), whether or not
	// its reader went on without it (a slide's notes, a title): the
	// reader skips the document as too large at its end, saying this.
	over string
}

// errZipTooLarge says a part would unpack to more than partMax, or take
// what the document's parts unpack to past totalMax.
var errZipTooLarge = errors.New("unpacks to too much")

// openZipDoc opens the zip b, its parts bounded by maxFile bytes each (the
// bound of a plain file, Config.MaxFileBytes; <= 0 is its default) and
// zipTotalParts times that in all.
func openZipDoc(b []byte, maxFile int64) (*zipDoc, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	if maxFile <= 0 {
		maxFile = defaultMaxFileBytes
	}
	z := &zipDoc{zr: zr, files: make(map[string]*zip.File, len(zr.File)), partMax: maxFile, totalMax: zipTotalParts * maxFile, done: make(map[string]bool)}
	for _, f := range zr.File {
		z.files[f.Name] = f
	}
	return z, nil
}

// tooLarge is the skip of a document a part of which was refused, with
// what (a "PowerPoint deck") before the reason.
func (z *zipDoc) tooLarge(what string) (structured, SkipKind, string) {
	return structured{}, SkipTooLarge, what + " " + z.over
}

// has says whether the zip holds the part name.
func (z *zipDoc) has(name string) bool { return z.files[name] != nil }

// errPartAgain says a part was read before (zipDoc.done).
var errPartAgain = errors.New("part read before")

// part is the content of the part name; errZipTooLarge (z.over says
// which bound) when it would unpack to more than partMax, or take what all
// parts read of the document past totalMax; errPartAgain when it was read
// before.
func (z *zipDoc) part(name string) ([]byte, error) {
	f := z.files[name]
	if f == nil {
		return nil, errors.New("no " + name)
	}
	if z.done[name] {
		return nil, fmt.Errorf("%s: %w", name, errPartAgain)
	}
	z.done[name] = true
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	limit := min(z.partMax, z.totalMax-z.read)
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		// The setting is named for the bot's operator (config.go).
		if limit < z.partMax {
			z.over = fmt.Sprintf("unpacks to more than %d bytes (%d × MAX_FILE_BYTES, the bound of a file)", z.totalMax, zipTotalParts)
		} else {
			z.over = fmt.Sprintf("part %s unpacks to more than %d bytes (MAX_FILE_BYTES, the bound of a file)", name, z.partMax)
		}
		return nil, fmt.Errorf("%s: %w", name, errZipTooLarge)
	}
	z.read += int64(len(b))
	return b, nil
}

// resolve is the part a relative reference from the part base names:
// "../notesSlides/notesSlide1.xml" from "ppt/slides/slide1.xml", "text/ch1.xhtml#x"
// from "EPUB/content.opf". Escapes (%20) are undone.
func resolve(base, ref string) string {
	ref, _, _ = strings.Cut(ref, "#")
	if u, err := url.PathUnescape(ref); err == nil {
		ref = u
	}
	if strings.HasPrefix(ref, "/") {
		return strings.TrimPrefix(path.Clean(ref), "/")
	}
	return strings.TrimPrefix(path.Join(path.Dir(base), ref), "/")
}

// relations reads an OPC relationships part (_rels/x.xml.rels): its
// targets by id, resolved against the part they belong to, and the ids in
// order of each type's last path element ("slide", "notesSlide").
func (z *zipDoc) relations(owner string) (map[string]string, map[string][]string) {
	rels := path.Join(path.Dir(owner), "_rels", path.Base(owner)+".rels")
	targets := make(map[string]string)
	byType := make(map[string][]string)
	z.eachStart(rels, func(_ *xmlReader, e xml.StartElement) bool {
		if e.Name.Local != "Relationship" || attrValue(e, "TargetMode") == "External" {
			return true
		}
		id, target, typ := attrValue(e, "Id"), attrValue(e, "Target"), attrValue(e, "Type")
		targets[id] = resolve(owner, target)
		kind := typ[strings.LastIndexByte(typ, '/')+1:]
		byType[kind] = append(byType[kind], id)
		return true
	})
	return targets, byType
}

// coreTitle is the dc:title of a document's metadata part (docProps/core.xml,
// meta.xml), or "".
func (z *zipDoc) coreTitle(name string) string {
	title := ""
	z.eachStart(name, func(d *xmlReader, e xml.StartElement) bool {
		if e.Name.Local != "title" {
			return true
		}
		var s string
		if d.DecodeElement(&s, &e) == nil {
			title = strings.TrimSpace(s)
		}
		return false
	})
	return title
}

// eachStart calls fn with each start element of the part name, in order,
// until fn returns false or the part ends. A part missing, malformed or
// nested too deep ends the walk where it fails: the callers read metadata
// (titles, relations, lists) that a broken part simply lacks.
func (z *zipDoc) eachStart(name string, fn func(d *xmlReader, e xml.StartElement) bool) {
	b, err := z.part(name)
	if err != nil {
		return
	}
	d := newXMLReader(b)
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok && !fn(d, e) {
			return
		}
	}
}
