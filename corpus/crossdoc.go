package corpus

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"path"
	"slices"
	"sort"
	"strings"

	"corpusbot/text"
)

const (
	// boilerMinDocs is the fewest documents a block must be repeated in to
	// be boilerplate; boilerShare the least share of the documents with
	// blocks, in ‰. A footer or "Edit this page" is on every page; a
	// sentence a writer reuses is on a few.
	boilerMinDocs = 3
	boilerShare   = 100
	// boilerMaxWords bounds the blocks judged: boilerplate is short.
	boilerMaxWords = 60
	// dedupeMinWords is the fewest words a passage needs to be indexed once
	// for several files: a short one means different things in different
	// places.
	dedupeMinWords = 8
)

// splitState is what a structured document was split from, kept until the
// corpus is loaded so that blocks repeated across documents can be left out.
type splitState struct {
	title  string
	blocks []block
	a      assembled
	keys   []string // normalised text of the blocks boilerplate may be; "" for the others
}

func newSplitState(title string, blocks []block, a assembled) *splitState {
	st := &splitState{title: title, blocks: blocks, a: a, keys: make([]string, len(blocks))}
	for i, b := range blocks {
		// Prose is already on one line, its white space collapsed. A line
		// ending in a colon leads into what follows ("For example:"): it
		// is the document's own flow, however often it recurs.
		if (b.kind == blockPara || b.kind == blockItem) && b.words <= boilerMaxWords && !strings.HasSuffix(b.text, ":") {
			st.keys[i] = b.text
		}
	}
	return st
}

// dropBoilerplate re-splits the documents that hold blocks repeated in many
// documents (navigation text, footers, notices no <nav> or <footer> marks)
// without those blocks. Headings, code and tables are never dropped. It
// returns how many blocks were dropped.
func dropBoilerplate(docs []Document, states []*splitState) int {
	// Blocks are counted once per page name, not per document: the copies
	// of one page in version folders share their text, and that is no
	// boilerplate (dedupePassages indexes it once).
	type pagesOf struct {
		first int32          // the first page the block is on
		more  map[int32]bool // the others; nil while there are none
	}
	nkeys := 0
	for _, st := range states {
		if st != nil {
			nkeys += len(st.keys)
		}
	}
	index := make(map[string]int32, nkeys) // block → its entry in pages
	pages := make([]pagesOf, 0, nkeys)
	at := make([]int32, 0, nkeys) // the entry of every key of every state, in order; -1 for ""
	names := make(map[string]int32)
	for i, st := range states {
		if st == nil {
			continue
		}
		pn := pageName(docs[i].Path)
		name, ok := names[pn]
		if !ok {
			name = int32(len(names))
			names[pn] = name
		}
		for _, k := range st.keys {
			if k == "" {
				at = append(at, -1)
				continue
			}
			e, ok := index[k]
			if !ok {
				e = int32(len(pages))
				index[k] = e
				pages = append(pages, pagesOf{first: name})
			} else if ps := &pages[e]; ps.first != name {
				if ps.more == nil {
					ps.more = make(map[int32]bool)
				}
				ps.more[name] = true
			}
			at = append(at, e)
		}
	}
	withBlocks := len(names)
	threshold := max(boilerMinDocs, (withBlocks*boilerShare+999)/1000)
	dropped := 0
	var resplit []int
	drops := make([][]bool, len(states))
	for i, st := range states {
		if st == nil {
			continue
		}
		var drop []bool
		for j := range st.keys {
			e := at[0]
			at = at[1:]
			if e >= 0 && 1+len(pages[e].more) >= threshold {
				if drop == nil {
					drop = make([]bool, len(st.blocks))
				}
				drop[j] = true
				dropped++
			}
		}
		if drop != nil {
			drops[i] = drop
			resplit = append(resplit, i)
		}
	}
	forEachParallel(len(resplit), func() func(int) {
		var pk packer
		return func(k int) {
			i := resplit[k]
			st := states[i]
			docs[i].Passages = splitStructured(&pk, docs[i].ID, st.title, st.blocks, st.a, drops[i])
		}
	})
	return dropped
}

// pageName is what names a page whatever folder holds it: the file name
// without extension or language suffix, with its folder for index pages.
func pageName(p string) string {
	key, _ := translationKey(p)
	base := path.Base(key)
	switch strings.ToLower(base) {
	case "index", "_index", "readme":
		return key
	}
	return base
}

// sourceCopyOf reports whether p is a copy of a source that a Sphinx build
// keeps beside its pages ("_sources/guide.rst.txt" for "guide.html"), and
// the page, when that page is among paths.
func sourceCopyOf(p string, paths map[string]bool) (string, bool) {
	if !isSourceCopy(p) {
		return "", false
	}
	dir, rest, _ := strings.Cut("/"+p, "/_sources/")
	dir = strings.TrimPrefix(dir, "/")
	base := rest
	for _, ext := range []string{".rst.txt", ".md.txt", ".txt", ".rst", ".md"} {
		if b, ok := strings.CutSuffix(rest, ext); ok {
			base = b
			break
		}
	}
	for _, page := range []string{base + ".html", base + "/index.html", base + ".htm"} {
		if dir != "" {
			page = dir + "/" + page
		}
		if paths[page] {
			return page, true
		}
	}
	return "", false
}

// isSourceCopy reports whether p is in a folder named _sources, where a
// Sphinx build keeps the copies of its sources.
func isSourceCopy(p string) bool {
	return strings.HasPrefix(p, "_sources/") || strings.Contains(p, "/_sources/")
}

// dedupePassages indexes a passage found word for word in several
// documents once: the first document in docs keeps it, with the others'
// IDs in AlsoIn; the others lose it. A document left with no passage of its
// own is returned, with the document it repeats, to be skipped.
func dedupePassages(docs []Document) (repeats map[int]int) {
	seed := maphash.MakeSeed()
	return dedupeBy(docs, func(text string) uint64 { return maphash.String(seed, text) })
}

// dedupeBy is dedupePassages with the hash of texts it keys them by: the
// texts are hashed on all cores first, and compared when their hashes are
// equal. Which passages repeat an earlier one is found by sorting the
// hashes (repeatsOf), not in a map of every passage: making and filling a
// map of a million passages was most of this step, which runs on one core.
func dedupeBy(docs []Document, hash func(string) uint64) (repeats map[int]int) {
	at := make([]int, len(docs)+1) // where each document's passages start in sums
	for i := range docs {
		at[i+1] = at[i] + len(docs[i].Passages)
	}
	sums := make([]uint64, at[len(docs)])
	forEachParallel(len(docs), func() func(int) {
		return func(i int) {
			for j := range docs[i].Passages {
				sums[at[i]+j] = hash(docs[i].Passages[j].Text)
			}
		}
	})
	docOf := func(g int32) int { return sort.SearchInts(at, int(g)+1) - 1 }
	earlier := repeatsOf(sums, func(g int32) string {
		d := docOf(g)
		return docs[d].Passages[int(g)-at[d]].Text
	})
	// keptAt is, for a passage kept that no earlier one repeats, its
	// index among the passages its document keeps.
	keptAt := make([]int32, len(sums))
	for di := range docs {
		d := &docs[di]
		// kept is d.Passages itself until one is left out: then a copy.
		kept := d.Passages
		copied := false
		origin := -1
		for pi := range d.Passages {
			p := d.Passages[pi]
			g := at[di] + pi
			first := earlier[g] // the passage p repeats, -1 when none
			if first < 0 || text.CountWords(p.Text) < dedupeMinWords {
				at := pi // where p is in the passages the document keeps
				if copied {
					at = len(kept)
					kept = append(kept, p)
				}
				if first < 0 {
					keptAt[g] = int32(at)
				}
				continue
			}
			if !copied {
				kept = append(d.Passages[:0:0], d.Passages[:pi]...)
				copied = true
			}
			fd := docOf(first)
			if fd == di {
				continue // repeated within one document: once is enough
			}
			fp := &docs[fd].Passages[keptAt[first]]
			if !containsString(fp.AlsoIn, d.ID) {
				fp.AlsoIn = append(fp.AlsoIn, d.ID)
			}
			origin = fd
		}
		if len(kept) == 0 && origin >= 0 {
			if repeats == nil {
				repeats = make(map[int]int)
			}
			repeats[di] = origin
			// Whatever it lent its passages' AlsoIn stays true: the text is there.
			continue
		}
		if copied {
			for i := range kept {
				kept[i].Index = i
			}
			d.Passages = kept
		}
	}
	return repeats
}

// repeatsOf returns, for each text g of hash sums[g] (text(g) its text),
// the first text before it that is the same, or -1 when none is. The
// hashes are sorted (radix, stable: equal hashes stay in order), and only
// texts of equal hashes compared.
func repeatsOf(sums []uint64, text func(g int32) string) []int32 {
	if len(sums) == 0 {
		return nil
	}
	a := make([]textHash, len(sums))
	for g, s := range sums {
		a[g] = textHash{s, int32(g)}
	}
	b := make([]textHash, len(a))
	for shift := 0; shift < 64; shift += 8 {
		var count [256]int
		for _, e := range a {
			count[e.sum>>shift&0xFF]++
		}
		if count[a[0].sum>>shift&0xFF] == len(a) {
			continue // every hash has this byte
		}
		pos := 0
		for i, n := range count {
			count[i] = pos
			pos += n
		}
		for _, e := range a {
			d := e.sum >> shift & 0xFF
			b[count[d]] = e
			count[d]++
		}
		a, b = b, a
	}
	earlier := make([]int32, len(sums))
	for i := 0; i < len(a); {
		j := i + 1
		for j < len(a) && a[j].sum == a[i].sum {
			j++
		}
		earlier[a[i].g] = -1
		if j-i > 1 {
			firstOfTexts(a[i:j], earlier, text)
		}
		i = j
	}
	return earlier
}

// textHash is a text, by its number g, and its hash.
type textHash struct {
	sum uint64
	g   int32
}

// firstOfTexts sets earlier[g] for each text of one hash after the first,
// in order: the first text of run that is the same, or -1 for the first of
// its text.
func firstOfTexts(run []textHash, earlier []int32, text func(int32) string) {
	const few = 8 // different texts of one hash compared one by one; more by a map
	firsts := []int32{run[0].g}
	var byText map[string]int32
	for _, e := range run[1:] {
		g, t := e.g, text(e.g)
		earlier[g] = -1
		if byText != nil {
			if f, ok := byText[t]; ok {
				earlier[g] = f
			} else {
				byText[t] = g
			}
			continue
		}
		for _, f := range firsts {
			if text(f) == t {
				earlier[g] = f
				break
			}
		}
		if earlier[g] < 0 {
			firsts = append(firsts, g)
			if len(firsts) > few {
				byText = make(map[string]int32, len(firsts))
				for _, f := range firsts {
					byText[text(f)] = f
				}
			}
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// linkTranslations sets Translations: documents are the same page in other
// languages when their paths differ only by a language folder ("en/x.md",
// "fr/x.md"; "docs/x.md", "i18n/fr/…/x.md") or a language suffix
// ("x.en.md", "x.fr.md"), at least one of them carries such a mark, and
// their languages differ: the language the mark names, else the detected
// one (a translated page whose option tables stayed English reads as
// English, but its folder says what it is).
func linkTranslations(docs []Document) {
	type member struct {
		i    int
		lang string
	}
	// The keys on all cores, then the documents grouped by key on one:
	// nearly every key is one document's.
	keys, marks := make([]string, len(docs)), make([]string, len(docs))
	forEachParallel(len(docs), func() func(int) {
		return func(i int) { keys[i], marks[i] = translationKey(docs[i].Path) }
	})
	first := make(map[string]int, len(docs)) // key → its first document
	groups := make(map[string][]int)         // keys of two documents or more → them
	for i, key := range keys {
		j, ok := first[key]
		if !ok {
			first[key] = i
			continue
		}
		if groups[key] == nil {
			groups[key] = []int{j}
		}
		groups[key] = append(groups[key], i)
	}
	for _, group := range groups {
		if !slices.ContainsFunc(group, func(i int) bool { return marks[i] != "" }) {
			continue
		}
		members := make([]member, len(group))
		for k, i := range group {
			members[k] = member{i, cmp.Or(marks[i], docs[i].Lang)}
		}
		for _, m := range members {
			var ts []string
			for _, o := range members {
				if o.i != m.i && o.lang != m.lang && o.lang != "und" {
					ts = append(ts, docs[o.i].ID)
				}
			}
			if len(ts) > 0 && m.lang != "und" {
				sort.Strings(ts)
				docs[m.i].Translations = ts
			}
		}
	}
}

// PageLang is the language of this version of a page: for a page with
// translations, the one its language folder or suffix names (a translated
// page whose option tables stayed English is detected as English, but its
// folder says what it is); else Lang.
func (d *Document) PageLang() string {
	if len(d.Translations) > 0 {
		if _, lang := translationKey(d.Path); lang != "" {
			return lang
		}
	}
	return d.Lang
}

// translationKey is a path without its language marks, cut to the last two
// segments after a language folder (the folders between the language and
// the page differ between sites' layouts), and the language its mark
// names ("" when it has none).
func translationKey(p string) (key, lang string) {
	ext := path.Ext(p)
	p = strings.TrimSuffix(p, ext)
	if dot := strings.LastIndexByte(p, '.'); dot > strings.LastIndexByte(p, '/') {
		if isLangCode(p[dot+1:]) {
			p, lang = p[:dot], langOfCode(p[dot+1:])
		}
	}
	segs := strings.Split(p, "/")
	last := -1
	for i, s := range segs[:len(segs)-1] {
		if isLangCode(s) {
			last = i
		}
	}
	if last >= 0 {
		if lang == "" {
			lang = langOfCode(segs[last])
		}
		segs = segs[last+1:]
	}
	if len(segs) > 2 {
		segs = segs[len(segs)-2:]
	}
	return strings.Join(segs, "/"), lang
}

// langOfCode is the ISO 639-1 code of a folder's language name: "pt_BR" →
// "pt".
func langOfCode(s string) string {
	primary, _, _ := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "_", "-"), "-")
	return primary
}

// isLangCode reports whether s names a language as sites name their
// folders: "fr", "zh-cn", "pt_BR", "zh-Hans".
func isLangCode(s string) bool {
	s = strings.ToLower(s)
	primary, region, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	if !knownLangs[primary] {
		return false
	}
	return region == "" || len(region) == 2 || region == "hans" || region == "hant"
}

// knownLangs are ISO 639-1 codes of languages documentation is translated
// into. Two letters alone are not enough: "go", "js", "ui" are folders too.
var knownLangs = func() map[string]bool {
	m := make(map[string]bool)
	for _, c := range strings.Fields(`ar bg bn ca cs da de el en es et fa fi fr he hi hr hu id it ja ka kk
		ko lt lv ms nb nl nn no pl pt ro ru sk sl sr sv sw ta th tr uk ur uz vi zh`) {
		m[c] = true
	}
	return m
}()

// describeRepeat is the reason a document wholly repeated elsewhere is
// skipped.
func describeRepeat(of string) string {
	return fmt.Sprintf("duplicate: every passage is already in %s", of)
}
