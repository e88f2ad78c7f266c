package snapshot

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
	"unsafe"

	"corpusbot/corpus"
	"corpusbot/retrieval"
)

// The corpus is stored as fixed-size records that point into one block of
// strings; reading it back makes the documents and passages the answer
// pipeline uses, their strings views of that block (no text is copied).

const (
	partStrings    = "corpus/strings"
	partTexts      = "corpus/texts"    // documents' texts, apart: reading a title does not map a text's pages
	partLists      = "corpus/lists"    // string lists: count uint32, then refs
	partDocs       = "corpus/docs"     // docSize bytes per document
	partPassages   = "corpus/passages" // passageSize bytes per passage
	partWarnings   = "corpus/warnings" // warningSize bytes per warning
	partItemTitles = "corpus/itemTitles"
	partSpans      = "corpus/spans" // span lists: count uint32, then start, end uint32 each

	refSize     = 12 // offset uint64, length uint32
	docSize     = 7*refSize + 4 + 4
	passageSize = 8 + 8 + refSize + 4 + 4 + 4*4 + 4
	warningSize = 3 * refSize
	noList      = math.MaxUint32 // a nil list
	dedupMax    = 512            // strings up to this long are stored once
)

type ref struct {
	off uint64
	n   uint32
}

func appendRef(b []byte, r ref) []byte {
	b = binary.LittleEndian.AppendUint64(b, r.off)
	return binary.LittleEndian.AppendUint32(b, r.n)
}

// encoder lays out a corpus and its index's item titles.
type encoder struct {
	arena *Arena // the texts are placed in it; nil: written after the strings
	size  uint64
	strs  []string
	tsize uint64
	texts []string
	dedup map[string]ref
	lists []byte
	known map[string]uint32
	spans []byte
}

// spanList stores a passage's Literal spans; they are not shared.
func (e *encoder) spanList(l [][2]int, textLen int) (uint32, error) {
	if l == nil {
		return noList, nil
	}
	if len(e.spans) > math.MaxUint32-8*(len(l)+1) {
		return 0, fmt.Errorf("span lists: too many")
	}
	at := uint32(len(e.spans))
	e.spans = binary.LittleEndian.AppendUint32(e.spans, uint32(len(l)))
	for _, sp := range l {
		if sp[0] < 0 || sp[0] > sp[1] || sp[1] > textLen {
			return 0, fmt.Errorf("span %v outside %d bytes", sp, textLen)
		}
		e.spans = binary.LittleEndian.AppendUint32(e.spans, uint32(sp[0]))
		e.spans = binary.LittleEndian.AppendUint32(e.spans, uint32(sp[1]))
	}
	return at, nil
}

func (e *encoder) str(s string) (ref, error) {
	if len(s) > math.MaxUint32 {
		return ref{}, fmt.Errorf("a string of %d bytes: too long", len(s))
	}
	if s == "" {
		return ref{}, nil
	}
	if len(s) <= dedupMax {
		if r, ok := e.dedup[s]; ok {
			return r, nil
		}
	}
	r := ref{off: e.size, n: uint32(len(s))}
	e.strs = append(e.strs, s)
	e.size += uint64(len(s))
	if len(s) <= dedupMax {
		e.dedup[s] = r
	}
	return r, nil
}

func (e *encoder) list(l []string) (uint32, error) {
	if l == nil {
		return noList, nil
	}
	key := strings.Join(l, "\x00") + "\x01" // "\x01": [""] is not []
	if at, ok := e.known[key]; ok {
		return at, nil
	}
	if len(e.lists) > math.MaxUint32-refSize*(len(l)+1) {
		return 0, fmt.Errorf("string lists: too many")
	}
	at := uint32(len(e.lists))
	e.lists = binary.LittleEndian.AppendUint32(e.lists, uint32(len(l)))
	for _, s := range l {
		r, err := e.str(s)
		if err != nil {
			return 0, err
		}
		e.lists = appendRef(e.lists, r)
	}
	e.known[key] = at
	return at, nil
}

func u32(name string, v int) (uint32, error) {
	if v < 0 || v > math.MaxUint32 {
		return 0, fmt.Errorf("%s %d: out of range", name, v)
	}
	return uint32(v), nil
}

// encodeCorpus returns the parts of c and of the items of ix, which must
// be c's passages in order (as the answer pipeline indexes them). The
// texts come first: with a, they are a's, placed there (their size is
// set when a is sealed).
func encodeCorpus(c *corpus.Corpus, ix *retrieval.Index, a *Arena) ([]part, error) {
	e := &encoder{arena: a, dedup: make(map[string]ref), known: make(map[string]uint32)}
	var docs, passages, warnings, titles []byte
	item := 0
	for di := range c.Docs {
		d := &c.Docs[di]
		var refs [7]ref
		for i, s := range []string{d.ID, d.Path, d.Title, d.Description, string(d.Format), d.Lang} {
			r, err := e.str(s)
			if err != nil {
				return nil, fmt.Errorf("document %s: %w", d.ID, err)
			}
			refs[i] = r
		}
		if len(d.Text) > math.MaxUint32 {
			return nil, fmt.Errorf("document %s: %d bytes of text: too long", d.ID, len(d.Text))
		}
		switch {
		case e.arena == nil:
			refs[6] = ref{off: e.tsize, n: uint32(len(d.Text))}
			e.texts = append(e.texts, d.Text)
			e.tsize += uint64(len(d.Text))
		case d.Text != "":
			off, ok := e.arena.place(d.Text)
			if !ok {
				return nil, errArenaUnusable
			}
			refs[6] = ref{off: off, n: uint32(len(d.Text))}
		}
		for _, r := range refs {
			docs = appendRef(docs, r)
		}
		tr, err := e.list(d.Translations)
		if err != nil {
			return nil, err
		}
		np, err := u32("passages", len(d.Passages))
		if err != nil {
			return nil, err
		}
		docs = binary.LittleEndian.AppendUint32(docs, tr)
		docs = binary.LittleEndian.AppendUint32(docs, np)
		for pi := range d.Passages {
			p := &d.Passages[pi]
			if p.Start < 0 || p.Start > p.End || p.End > len(d.Text) || p.Text != d.Text[p.Start:p.End] || p.Index != pi || p.DocID != d.ID {
				return nil, fmt.Errorf("document %s, passage %d: not a span of the document's text", d.ID, pi)
			}
			if item >= ix.Len() {
				return nil, fmt.Errorf("the index has %d items, fewer than the corpus's passages", ix.Len())
			}
			it := ix.Item(item)
			if it.Doc != d.ID || it.Lang != d.Lang || it.Text != p.Text {
				return nil, fmt.Errorf("index item %d is not passage %d of %s", item, pi, d.ID)
			}
			title, err := e.str(it.Title)
			if err != nil {
				return nil, err
			}
			titles = appendRef(titles, title)
			item++

			passages = binary.LittleEndian.AppendUint64(passages, uint64(p.Start))
			passages = binary.LittleEndian.AppendUint64(passages, uint64(p.End))
			kind, err := e.str(string(p.Kind))
			if err != nil {
				return nil, err
			}
			passages = appendRef(passages, kind)
			for _, l := range [][]string{p.Headings, p.AlsoIn} {
				at, err := e.list(l)
				if err != nil {
					return nil, err
				}
				passages = binary.LittleEndian.AppendUint32(passages, at)
			}
			for _, v := range []int{p.LineStart, p.LineEnd, p.PageStart, p.PageEnd} {
				n, err := u32("line or page", v)
				if err != nil {
					return nil, fmt.Errorf("document %s, passage %d: %w", d.ID, pi, err)
				}
				passages = binary.LittleEndian.AppendUint32(passages, n)
			}
			lit, err := e.spanList(p.Literal, len(p.Text))
			if err != nil {
				return nil, fmt.Errorf("document %s, passage %d: literal %w", d.ID, pi, err)
			}
			passages = binary.LittleEndian.AppendUint32(passages, lit)
		}
	}
	if item != ix.Len() {
		return nil, fmt.Errorf("the index has %d items for %d passages", ix.Len(), item)
	}
	for _, w := range c.Warnings {
		for _, s := range []string{w.Path, w.Reason, string(w.Kind)} {
			r, err := e.str(s)
			if err != nil {
				return nil, err
			}
			warnings = appendRef(warnings, r)
		}
	}
	texts := part{name: partTexts, size: int64(e.tsize), write: writeAll(e.texts)}
	if a != nil {
		texts = part{name: partTexts, placed: true}
	}
	return []part{
		texts,
		{name: partStrings, size: int64(e.size), write: writeAll(e.strs)},
		{name: partLists, data: e.lists},
		{name: partDocs, data: docs},
		{name: partPassages, data: passages},
		{name: partWarnings, data: warnings},
		{name: partItemTitles, data: titles},
		{name: partSpans, data: e.spans},
	}, nil
}

func writeAll(strs []string) func(io.Writer) error {
	return func(w io.Writer) error {
		for _, s := range strs {
			if _, err := io.WriteString(w, s); err != nil {
				return err
			}
		}
		return nil
	}
}

// decoder reads records; every offset is checked against its part.
type decoder struct {
	blob  string // the strings part, in place
	texts string // the texts part, in place
	lists []byte
	cache map[uint32][]string
	spans []byte
}

// spanList returns the span list at offset at, each span within textLen.
func (d *decoder) spanList(at uint32, textLen int) ([][2]int, error) {
	if at == noList {
		return nil, nil
	}
	if uint64(at)+4 > uint64(len(d.spans)) {
		return nil, fmt.Errorf("%w: span list at %d outside %d bytes", ErrCorrupt, at, len(d.spans))
	}
	n := uint64(binary.LittleEndian.Uint32(d.spans[at:]))
	start := uint64(at) + 4
	if n > (uint64(len(d.spans))-start)/8 {
		return nil, fmt.Errorf("%w: span list at %d of %d spans overruns", ErrCorrupt, at, n)
	}
	l := make([][2]int, n)
	for i := range l {
		b := d.spans[start+uint64(i)*8:]
		a, z := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
		if a > z || int(z) > textLen {
			return nil, fmt.Errorf("%w: span %d–%d outside %d bytes", ErrCorrupt, a, z, textLen)
		}
		l[i] = [2]int{int(a), int(z)}
	}
	return l, nil
}

func (d *decoder) ref(b []byte) (string, error) { return refIn(d.blob, b) }

// refIn reads the reference at b into blob.
func refIn(blob string, b []byte) (string, error) {
	off := binary.LittleEndian.Uint64(b)
	n := uint64(binary.LittleEndian.Uint32(b[8:]))
	if off > uint64(len(blob)) || n > uint64(len(blob))-off {
		return "", fmt.Errorf("%w: string at %d+%d outside %d bytes", ErrCorrupt, off, n, len(blob))
	}
	if n == 0 {
		return "", nil
	}
	return blob[off : off+n], nil
}

// list returns the list at offset at; lists read twice are shared.
func (d *decoder) list(at uint32) ([]string, error) {
	if at == noList {
		return nil, nil
	}
	if l, ok := d.cache[at]; ok {
		return l, nil
	}
	if uint64(at)+4 > uint64(len(d.lists)) {
		return nil, fmt.Errorf("%w: list at %d outside %d bytes", ErrCorrupt, at, len(d.lists))
	}
	n := uint64(binary.LittleEndian.Uint32(d.lists[at:]))
	start := uint64(at) + 4
	if n > (uint64(len(d.lists))-start)/refSize {
		return nil, fmt.Errorf("%w: list at %d of %d strings overruns", ErrCorrupt, at, n)
	}
	l := make([]string, n)
	for i := range l {
		s, err := d.ref(d.lists[start+uint64(i)*refSize:])
		if err != nil {
			return nil, err
		}
		l[i] = s
	}
	d.cache[at] = l
	return l, nil
}

func records(b []byte, size int, name string) (int, error) {
	if len(b)%size != 0 {
		return 0, fmt.Errorf("%w: %s: %d bytes, not records of %d", ErrCorrupt, name, len(b), size)
	}
	return len(b) / size, nil
}

// decodeCorpus makes the corpus and the index's items of parts. Their
// strings point into the parts' bytes.
func decodeCorpus(parts map[string][]byte) (*corpus.Corpus, []retrieval.Item, error) {
	for _, name := range []string{partStrings, partTexts, partLists, partDocs, partPassages, partWarnings, partItemTitles, partSpans} {
		if _, ok := parts[name]; !ok {
			return nil, nil, fmt.Errorf("%w: part %s missing", ErrCorrupt, name)
		}
	}
	blob, texts := parts[partStrings], parts[partTexts]
	d := &decoder{blob: unsafe.String(unsafe.SliceData(blob), len(blob)), texts: unsafe.String(unsafe.SliceData(texts), len(texts)), lists: parts[partLists], cache: make(map[uint32][]string), spans: parts[partSpans]}
	ndocs, err := records(parts[partDocs], docSize, partDocs)
	if err != nil {
		return nil, nil, err
	}
	npass, err := records(parts[partPassages], passageSize, partPassages)
	if err != nil {
		return nil, nil, err
	}
	nwarn, err := records(parts[partWarnings], warningSize, partWarnings)
	if err != nil {
		return nil, nil, err
	}
	ntitles, err := records(parts[partItemTitles], refSize, partItemTitles)
	if err != nil {
		return nil, nil, err
	}
	if ntitles != npass {
		return nil, nil, fmt.Errorf("%w: %d item titles for %d passages", ErrCorrupt, ntitles, npass)
	}
	c := &corpus.Corpus{Docs: make([]corpus.Document, ndocs)}
	items := make([]retrieval.Item, 0, npass)
	// One allocation for every passage; each document gets its slice.
	all := make([]corpus.Passage, npass)
	pb, tb := parts[partPassages], parts[partItemTitles]
	next := 0
	for di := range c.Docs {
		rec := parts[partDocs][di*docSize:]
		var s [7]string
		for i := range s {
			blob := d.blob
			if i == 6 {
				blob = d.texts
			}
			if s[i], err = refIn(blob, rec[i*refSize:]); err != nil {
				return nil, nil, err
			}
		}
		doc := corpus.Document{ID: s[0], Path: s[1], Title: s[2], Description: s[3], Format: corpus.Format(s[4]), Lang: s[5], Text: s[6]}
		if doc.Translations, err = d.list(binary.LittleEndian.Uint32(rec[7*refSize:])); err != nil {
			return nil, nil, err
		}
		np := int(binary.LittleEndian.Uint32(rec[7*refSize+4:]))
		if np > npass-next {
			return nil, nil, fmt.Errorf("%w: document %d has %d passages, %d left", ErrCorrupt, di, np, npass-next)
		}
		doc.Passages = all[next : next+np : next+np]
		for pi := range doc.Passages {
			r := pb[(next+pi)*passageSize:]
			start, end := binary.LittleEndian.Uint64(r), binary.LittleEndian.Uint64(r[8:])
			if start > end || end > uint64(len(doc.Text)) {
				return nil, nil, fmt.Errorf("%w: passage %d of document %d at %d–%d of %d bytes", ErrCorrupt, pi, di, start, end, len(doc.Text))
			}
			kind, err := d.ref(r[16:])
			if err != nil {
				return nil, nil, err
			}
			p := &doc.Passages[pi]
			*p = corpus.Passage{
				DocID: doc.ID, Index: pi, Kind: corpus.Kind(kind), Text: doc.Text[start:end], Start: int(start), End: int(end),
				LineStart: int(binary.LittleEndian.Uint32(r[36:])), LineEnd: int(binary.LittleEndian.Uint32(r[40:])),
				PageStart: int(binary.LittleEndian.Uint32(r[44:])), PageEnd: int(binary.LittleEndian.Uint32(r[48:])),
			}
			if p.Headings, err = d.list(binary.LittleEndian.Uint32(r[28:])); err != nil {
				return nil, nil, err
			}
			if p.AlsoIn, err = d.list(binary.LittleEndian.Uint32(r[32:])); err != nil {
				return nil, nil, err
			}
			if p.Literal, err = d.spanList(binary.LittleEndian.Uint32(r[52:]), len(p.Text)); err != nil {
				return nil, nil, err
			}
			title, err := d.ref(tb[(next+pi)*refSize:])
			if err != nil {
				return nil, nil, err
			}
			items = append(items, retrieval.Item{Doc: doc.ID, Title: title, Text: p.Text, Lang: doc.Lang})
		}
		next += np
		c.Docs[di] = doc
	}
	if next != npass {
		return nil, nil, fmt.Errorf("%w: %d passages, documents account for %d", ErrCorrupt, npass, next)
	}
	for i := range nwarn {
		r := parts[partWarnings][i*warningSize:]
		var s [3]string
		for k := range s {
			if s[k], err = d.ref(r[k*refSize:]); err != nil {
				return nil, nil, err
			}
		}
		c.Warnings = append(c.Warnings, corpus.Warning{Path: s[0], Reason: s[1], Kind: corpus.SkipKind(s[2])})
	}
	return c, items, nil
}
