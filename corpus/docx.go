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

// parseDOCX reduces a Word document to its paragraphs, headings (styles
// "Title", "Heading 1"…) and tables (a row a line, cells joined by " | ").
// A DOCX is a zip of XML, read as the other zipped documents are (zipDoc:
// a part's size bounded, so a zip bomb cannot exhaust memory). An
// encrypted one is an OLE container, not a zip, and is skipped as
// encrypted.
func parseDOCX(b []byte, maxFile int64) (s structured, kind SkipKind, reason string) {
	if bytes.HasPrefix(b, oleMagic) {
		return s, SkipEncrypted, "encrypted Word document (or the older binary .doc format)"
	}
	z, err := openZipDoc(b, maxFile)
	if err != nil {
		return s, SkipMalformed, "malformed DOCX: " + err.Error()
	}
	xb, err := z.part("word/document.xml")
	if errors.Is(err, errZipTooLarge) {
		return z.tooLarge("DOCX")
	}
	if err != nil {
		return s, SkipMalformed, "malformed DOCX: " + err.Error()
	}
	d := newXMLReader(xb)
	var lb lineBlocks
	var para strings.Builder
	style := ""
	tableDepth := 0
	var row, cells []string
	var table []string
	n := 0 // paragraph number, the location of a block
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, SkipMalformed, "malformed DOCX: " + err.Error()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				para.Reset()
				style = ""
			case "pStyle":
				style = attrValue(t, "val")
			case "tab", "br", "cr":
				para.WriteByte(' ')
			case "tbl":
				tableDepth++
				if tableDepth == 1 {
					table = nil
				}
			case "tr":
				row = nil
			case "tc":
				cells = nil
			case "t":
				var txt string
				if err := d.DecodeElement(&txt, &t); err == nil {
					para.WriteString(txt)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				n++
				text := text.OneLine(para.String())
				if text == "" {
					continue
				}
				if tableDepth > 0 {
					cells = append(cells, text)
					continue
				}
				var bb blockBuilder
				bb.write(text)
				if level := headingLevel(style); level > 0 {
					lb.emit(bb.take(blockHeading), level)
					if level == 1 && s.title == "" {
						s.title = text
					}
				} else {
					lb.emit(bb.take(blockPara), 0)
				}
			case "tc":
				row = append(row, strings.Join(cells, " "))
			case "tr":
				table = append(table, strings.Join(row, " | "))
			case "tbl":
				tableDepth--
				if tableDepth == 0 && len(table) > 0 {
					var bb blockBuilder
					bb.writeRaw(strings.Join(table, "\n"))
					lb.emit(bb.take(blockTable), 0)
				}
			}
		}
	}
	s.blocks = lb.out
	return s, "", ""
}

func attrValue(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// headingLevel is the level of a paragraph style: "Title" 1, "Heading1"
// or "heading 2" its number; 0 for body styles.
func headingLevel(style string) int {
	st := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	if st == "title" {
		return 1
	}
	if rest, ok := strings.CutPrefix(st, "heading"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
			return min(n+1, 6) // Title is the level above Heading 1
		}
	}
	return 0
}
