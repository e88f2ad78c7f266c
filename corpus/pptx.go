package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"corpusbot/text"
)

// drawingML is the namespace of DrawingML, whose a:p, a:t and a:tbl hold
// the text of slides.
const drawingML = "http://schemas.openxmlformats.org/drawingml/2006/main"

// parsePPTX reduces a PowerPoint deck to its slides in the deck's order:
// each slide's title a heading ("Slide 4" for one without), then its text
// shapes' paragraphs and tables, its SmartArt diagrams' text, then its
// speaker notes; every block's page is its slide's number, so a passage is
// cited at its slide. Hidden slides are left out (their numbers kept). An
// encrypted deck is an OLE container, not a zip, and is skipped as
// encrypted.
func parsePPTX(b []byte, maxFile int64) (s structured, kind SkipKind, reason string) {
	if bytes.HasPrefix(b, oleMagic) {
		return s, SkipEncrypted, "encrypted PowerPoint deck (or the older binary .ppt format)"
	}
	z, err := openZipDoc(b, maxFile)
	if err != nil {
		return s, SkipMalformed, "malformed PowerPoint deck: " + err.Error()
	}
	return z.readPPTX()
}

// readPPTX reads the slides of an opened deck (see parsePPTX).
func (z *zipDoc) readPPTX() (s structured, kind SkipKind, reason string) {
	slides := z.slideOrder()
	if len(slides) == 0 {
		return s, SkipMalformed, "malformed PowerPoint deck: no slides"
	}
	var lb lineBlocks
	var bb blockBuilder
	for i, sp := range slides {
		n := i + 1
		xb, err := z.part(sp)
		if err != nil {
			if errors.Is(err, errZipTooLarge) {
				return z.tooLarge("PowerPoint deck")
			}
			continue // a slide listed but missing (or read): the others still read
		}
		sl, err := readSlide(xb)
		if err != nil {
			return s, SkipMalformed, "malformed PowerPoint deck: slide " + strconv.Itoa(n) + ": " + err.Error()
		}
		if sl.hidden {
			continue
		}
		targets, byType := z.relations(sp)
		// A SmartArt diagram's text is in its data part, a point of the
		// diagram a paragraph; in the part's order.
		for _, id := range byType["diagramData"] {
			if db, err := z.part(targets[id]); err == nil {
				if dg, err := readSlide(db); err == nil {
					sl.body = append(sl.body, dg.body...)
				}
			}
		}
		for _, id := range byType["notesSlide"] {
			if nb, err := z.part(targets[id]); err == nil {
				if notes, err := readSlide(nb); err == nil {
					sl.notes = append(sl.notes, notes.body...)
				}
			}
		}
		if sl.title == "" && len(sl.body) == 0 && len(sl.notes) == 0 {
			continue
		}
		heading := sl.title
		if heading == "" {
			heading = "Slide " + strconv.Itoa(n)
		} else if s.title == "" {
			s.title = heading
		}
		bb.mark(0, n)
		bb.write(heading)
		lb.emit(bb.take(blockHeading), 1)
		for _, it := range append(sl.body, sl.notes...) {
			bb.mark(0, n)
			if it.table {
				bb.writeRaw(it.text)
				lb.emit(bb.take(blockTable), 0)
				continue
			}
			bb.write(it.text)
			lb.emit(bb.take(blockPara), 0)
		}
	}
	if t := z.coreTitle("docProps/core.xml"); t != "" && t != "PowerPoint Presentation" {
		s.title = t // PowerPoint's default title names no deck
	}
	if z.over != "" {
		return z.tooLarge("PowerPoint deck")
	}
	s.blocks = lb.out
	return s, "", ""
}

// slideOrder is the slides' parts in the deck's order: the presentation's
// slide list, else (a deck without one) the slide parts by number.
func (z *zipDoc) slideOrder() []string {
	const pres = "ppt/presentation.xml"
	var out []string
	if z.has(pres) {
		targets, _ := z.relations(pres)
		z.eachStart(pres, func(_ *xmlReader, e xml.StartElement) bool {
			if e.Name.Local != "sldId" {
				return true
			}
			for _, a := range e.Attr {
				// r:id, not the slide's numeric id of no namespace.
				// A slide listed again is not read again.
				if t := targets[a.Value]; a.Name.Local == "id" && a.Name.Space != "" && z.has(t) && !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
			return true
		})
	}
	if len(out) > 0 {
		return out
	}
	for name := range z.files {
		if path.Dir(name) == "ppt/slides" && strings.HasPrefix(path.Base(name), "slide") && path.Ext(name) == ".xml" {
			out = append(out, name)
		}
	}
	num := func(p string) int {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path.Base(p), "slide"), ".xml"))
		return n
	}
	sort.Slice(out, func(i, j int) bool { return num(out[i]) < num(out[j]) })
	return out
}

// slideItem is a paragraph or a table of a slide.
type slideItem struct {
	text  string
	table bool // rows a line, cells joined by " | "
}

// slide is the text of a slide or a notes page.
type slide struct {
	hidden bool // show="0"
	title  string
	body   []slideItem
	notes  []slideItem
}

// readSlide reads a slide's (or a notes page's) text: its title
// placeholder's, and every other shape's paragraphs and tables in the
// order of the shape tree. Placeholders of slide numbers, dates, footers
// and (on a notes page) the slide's image are left out.
func readSlide(b []byte) (slide, error) {
	var sl slide
	d := newXMLReader(b)
	var para strings.Builder
	var shape []slideItem // the paragraphs of the open shape
	isTitle, skip := false, false
	tableDepth := 0
	var row, cells, table []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return sl, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sld":
				sl.hidden = attrValue(t, "show") == "0"
			case "sp", "pt": // a shape; a SmartArt diagram's point
				shape, isTitle, skip = shape[:0], false, false
			case "ph":
				switch attrValue(t, "type") {
				case "title", "ctrTitle":
					isTitle = true
				case "sldNum", "dt", "ftr", "hdr", "sldImg":
					skip = true
				}
			case "p":
				if t.Name.Space == drawingML {
					para.Reset()
				}
			case "br":
				para.WriteByte(' ')
			case "t":
				if t.Name.Space == drawingML {
					var txt string
					if err := d.DecodeElement(&txt, &t); err != nil {
						return sl, err
					}
					para.WriteString(txt)
				}
			case "tbl":
				tableDepth++
				if tableDepth == 1 {
					table = table[:0]
				}
			case "tr":
				row = row[:0]
			case "tc":
				cells = cells[:0]
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if t.Name.Space != drawingML {
					continue
				}
				txt := text.OneLine(para.String())
				para.Reset()
				switch {
				case txt == "":
				case tableDepth > 0:
					cells = append(cells, txt)
				default:
					shape = append(shape, slideItem{text: txt})
				}
			case "tc":
				row = append(row, strings.Join(cells, " "))
			case "tr":
				if strings.Trim(strings.Join(row, ""), " ") != "" {
					table = append(table, strings.Join(row, " | "))
				}
			case "tbl":
				tableDepth = max(tableDepth-1, 0)
				if tableDepth == 0 && len(table) > 0 {
					sl.body = append(sl.body, slideItem{text: strings.Join(table, "\n"), table: true})
				}
			case "sp", "pt":
				switch {
				case skip || len(shape) == 0:
				case isTitle && sl.title == "":
					parts := make([]string, len(shape))
					for i, it := range shape {
						parts[i] = it.text
					}
					sl.title = strings.Join(parts, " ")
				default:
					sl.body = append(sl.body, shape...)
				}
				shape = shape[:0]
			}
		}
	}
	return sl, nil
}
