package corpus

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// parseEPUB reduces an EPUB book to its chapters in reading (spine) order,
// each XHTML chapter read by the HTML reader: its headings name the
// chapter in a citation (its outermost one level 1, whether <h1> or <h2>),
// and a chapter that opens without one is headed by its own <title>. The book's title and language are its package's (dc:title,
// dc:language). The navigation document (a table of contents) is left
// out. A book whose chapters are encrypted (DRM: META-INF/encryption.xml
// names them; fonts obfuscated the same way are no matter) is skipped as
// encrypted. XHTML lines are those of many files, so a passage has none.
func parseEPUB(b []byte, maxFile int64) (s structured, kind SkipKind, reason string) {
	z, err := openZipDoc(b, maxFile)
	if err != nil {
		return s, SkipMalformed, "malformed EPUB: " + err.Error()
	}
	opfPath := z.rootfile()
	if opfPath == "" {
		if z.over != "" {
			return z.tooLarge("EPUB")
		}
		return s, SkipMalformed, "malformed EPUB: no package document (META-INF/container.xml)"
	}
	opf, err := z.part(opfPath)
	if errors.Is(err, errZipTooLarge) {
		return z.tooLarge("EPUB")
	}
	if err != nil {
		return s, SkipMalformed, "malformed EPUB: " + err.Error()
	}
	pkg, err := readOPF(opf)
	if err != nil {
		return s, SkipMalformed, "malformed EPUB: " + opfPath + ": " + err.Error()
	}
	encrypted := z.encryptedParts()
	s.title, s.lang = pkg.title, primaryTag(pkg.lang)
	for _, id := range pkg.spine {
		it, ok := pkg.items[id]
		if !ok || strings.Contains(it.properties, "nav") || !strings.Contains(it.mediaType, "html") {
			continue
		}
		p := resolve(opfPath, it.href)
		if encrypted[p] {
			return structured{}, SkipEncrypted, "DRM-protected EPUB: its chapters are encrypted"
		}
		xb, err := z.part(p)
		if err != nil {
			if errors.Is(err, errZipTooLarge) {
				return z.tooLarge("EPUB")
			}
			continue // a chapter listed but missing, or listed again: the others still read
		}
		ch := parseHTML(string(xb))
		if ch.generated != "" || len(ch.blocks) == 0 {
			continue
		}
		// A chapter's outermost heading is level 1, whatever its tag
		// (many books head chapters with <h2>), so that no heading of the
		// chapter before stays over it.
		top := 0
		for _, bl := range ch.blocks {
			if bl.kind == blockHeading && (top == 0 || bl.level < top) {
				top = bl.level
			}
		}
		for i := range ch.blocks {
			if ch.blocks[i].kind == blockHeading {
				ch.blocks[i].level -= top - 1
			}
		}
		if ch.blocks[0].kind != blockHeading && ch.title != "" && ch.title != s.title {
			var bb blockBuilder
			bb.write(ch.title)
			s.blocks = append(s.blocks, bb.take(blockHeading))
			s.blocks[len(s.blocks)-1].level = 1
		}
		ch.blocks[0].tight = false // a chapter starts apart from the last
		for _, bl := range ch.blocks {
			for i := range bl.anchors {
				bl.anchors[i].line = 0 // the line of one of the book's files
			}
			s.blocks = append(s.blocks, bl)
		}
	}
	if z.over != "" {
		return z.tooLarge("EPUB")
	}
	return s, "", ""
}

// rootfile is the path of an EPUB's package document, from its container.
func (z *zipDoc) rootfile() string {
	root := ""
	z.eachStart("META-INF/container.xml", func(_ *xmlReader, e xml.StartElement) bool {
		if p := attrValue(e, "full-path"); e.Name.Local == "rootfile" && p != "" {
			root = resolve("", p)
			return false
		}
		return true
	})
	return root
}

// encryptedParts are the parts META-INF/encryption.xml says are encrypted,
// fonts obfuscated (IDPF's and Adobe's algorithms) aside.
func (z *zipDoc) encryptedParts() map[string]bool {
	out := make(map[string]bool)
	algorithm := ""
	z.eachStart("META-INF/encryption.xml", func(_ *xmlReader, e xml.StartElement) bool {
		switch e.Name.Local {
		case "EncryptionMethod":
			algorithm = attrValue(e, "Algorithm")
		case "CipherReference":
			if !strings.Contains(algorithm, "idpf.org/2008/embedding") && !strings.Contains(algorithm, "ns.adobe.com/pdf/enc#RC") {
				out[resolve("", attrValue(e, "URI"))] = true
			}
		}
		return true
	})
	return out
}

// opfItem is an item of an EPUB's manifest.
type opfItem struct {
	href, mediaType, properties string
}

// opfPackage is what parseEPUB needs of a package document.
type opfPackage struct {
	title, lang string
	items       map[string]opfItem
	spine       []string // item ids in reading order
}

func readOPF(b []byte) (opfPackage, error) {
	pkg := opfPackage{items: make(map[string]opfItem)}
	d := newXMLReader(b)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return pkg, nil
		}
		if err != nil {
			return pkg, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "title", "language":
			var v string
			if err := d.DecodeElement(&v, &e); err != nil {
				return pkg, err
			}
			if v = strings.TrimSpace(v); e.Name.Local == "title" && pkg.title == "" {
				pkg.title = v
			} else if e.Name.Local == "language" && pkg.lang == "" {
				pkg.lang = v
			}
		case "item":
			pkg.items[attrValue(e, "id")] = opfItem{attrValue(e, "href"), attrValue(e, "media-type"), attrValue(e, "properties")}
		case "itemref":
			pkg.spine = append(pkg.spine, attrValue(e, "idref"))
		}
	}
}
