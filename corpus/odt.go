package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"corpusbot/text"
)

// odtSkipped are the elements of an OpenDocument text whose content is not
// the document's text: generated indexes (a table of contents repeats the
// headings with page numbers), comments, deleted text of tracked changes,
// a footnote's number, a frame's alternative text.
var odtSkipped = map[string]bool{
	"table-of-content": true, "alphabetical-index": true, "illustration-index": true, "table-index": true,
	"object-index": true, "user-index": true, "bibliography": true, "annotation": true,
	"tracked-changes": true, "note-citation": true, "title": true, "desc": true,
	"covered-table-cell": true, "sequence-decls": true,
}

// parseODT reduces an OpenDocument text (.odt, LibreOffice's and
// Google Docs' export) to its headings (text:h, by outline level; a
// later paragraph of the Title style), paragraphs, list items and tables
// (a row a line, cells joined by " | "); a footnote is a paragraph after
// the one that calls it. The title is the metadata's, else the Title
// paragraphs' that open the text, else the first heading's. A password-protected document (its parts
// encrypted, said so in its manifest) is skipped as encrypted; one whose
// XML does not parse (an undeclared entity too) as malformed.
func parseODT(b []byte, maxFile int64) (s structured, kind SkipKind, reason string) {
	if bytes.HasPrefix(b, oleMagic) {
		return s, SkipEncrypted, "encrypted document in an OLE container, not an OpenDocument zip"
	}
	z, err := openZipDoc(b, maxFile)
	if err != nil {
		return s, SkipMalformed, "malformed OpenDocument: " + err.Error()
	}
	if m, err := z.part("META-INF/manifest.xml"); err == nil && bytes.Contains(m, []byte("encryption-data")) {
		return s, SkipEncrypted, "password-protected OpenDocument"
	}
	content, err := z.part("content.xml")
	if err != nil {
		if errors.Is(err, errZipTooLarge) {
			return z.tooLarge("OpenDocument")
		}
		return s, SkipMalformed, "malformed OpenDocument: " + err.Error()
	}
	s, err = readODTContent(content)
	if err != nil {
		return structured{}, SkipMalformed, "malformed OpenDocument: " + err.Error()
	}
	if t := z.coreTitle("meta.xml"); t != "" {
		s.title = t
	}
	if z.over != "" {
		return z.tooLarge("OpenDocument")
	}
	return s, "", ""
}

// readODTContent reads the blocks of an OpenDocument's content.xml.
func readODTContent(b []byte) (structured, error) {
	var s structured
	d := newXMLReader(b)
	parents := make(map[string]string) // automatic style → the style it derives from
	var lb lineBlocks
	var bb blockBuilder
	// paras is the stack of open paragraphs: a footnote's paragraphs open
	// inside the one calling it.
	type openPara struct {
		text  strings.Builder
		level int // heading level, 0 for body text
		style string
		item  bool
	}
	var paras []*openPara
	var notes []string // footnotes of the open outermost paragraph
	skip := 0          // depth inside an element left out
	listDepth := 0
	tableDepth := 0
	var row, cells, table []string
	var titleParts []string // the Title paragraphs that open the text
	titleDone := false      // a paragraph other than the title came
	styleIs := func(style, want string) bool {
		for range 8 { // a chain of automatic styles is short; bound it
			if style == want {
				return true
			}
			p, ok := parents[style]
			if !ok {
				return false
			}
			style = p
		}
		return false
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || odtSkipped[t.Name.Local] {
				skip++
				continue
			}
			switch t.Name.Local {
			case "style":
				if name, parent := attrValue(t, "name"), attrValue(t, "parent-style-name"); name != "" && parent != "" {
					parents[name] = parent
				}
			case "h", "p":
				p := &openPara{style: attrValue(t, "style-name"), item: listDepth > 0}
				if t.Name.Local == "h" {
					p.level = 1
					if n, err := strconv.Atoi(attrValue(t, "outline-level")); err == nil && n >= 1 {
						p.level = min(n+1, 6) // the Title paragraph is the level above
					}
				}
				paras = append(paras, p)
			case "s":
				if len(paras) > 0 {
					paras[len(paras)-1].text.WriteByte(' ')
				}
			case "tab", "line-break":
				if len(paras) > 0 {
					paras[len(paras)-1].text.WriteByte(' ')
				}
			case "list":
				listDepth++
			case "table":
				tableDepth++
				if tableDepth == 1 {
					table = table[:0]
				}
			case "table-row":
				row = row[:0]
			case "table-cell":
				cells = cells[:0]
			}
		case xml.CharData:
			if skip == 0 && len(paras) > 0 {
				paras[len(paras)-1].text.Write(t)
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "h", "p":
				if len(paras) == 0 {
					continue
				}
				p := paras[len(paras)-1]
				paras = paras[:len(paras)-1]
				txt := text.OneLine(p.text.String())
				if txt == "" {
					continue
				}
				if len(paras) > 0 { // a footnote's paragraph
					notes = append(notes, txt)
					continue
				}
				if tableDepth > 0 {
					cells = append(cells, txt)
					cells = append(cells, notes...)
					notes = notes[:0]
					continue
				}
				level := p.level
				if level == 0 && styleIs(p.style, "Title") {
					// The title, often set over several paragraphs
					// ("Application Programmer's Interface" / "for" /
					// "ODFPY"): the document's title, not a heading.
					if !titleDone {
						titleParts = append(titleParts, txt)
						continue
					}
					level = 1
				}
				titleDone = true
				switch {
				case level > 0:
					bb.write(txt)
					lb.emit(bb.take(blockHeading), level)
				case p.item:
					bb.writeRaw("• ")
					bb.write(txt)
					lb.emit(bb.take(blockItem), 0)
				default:
					bb.write(txt)
					lb.emit(bb.take(blockPara), 0)
				}
				for _, n := range notes {
					bb.write(n)
					lb.emit(bb.take(blockPara), 0)
				}
				notes = notes[:0]
			case "list":
				listDepth = max(listDepth-1, 0)
			case "table-cell":
				row = append(row, strings.Join(cells, " "))
			case "table-row":
				if strings.TrimSpace(strings.Join(row, "")) != "" {
					table = append(table, strings.Join(row, " | "))
				}
			case "table":
				tableDepth = max(tableDepth-1, 0)
				if tableDepth == 0 && len(table) > 0 {
					bb.writeRaw(strings.Join(table, "\n"))
					lb.emit(bb.take(blockTable), 0)
				}
			}
		}
	}
	s.blocks = lb.out
	s.title = strings.Join(titleParts, " ")
	return s, nil
}
