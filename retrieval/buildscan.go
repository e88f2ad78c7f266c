package retrieval

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
)

// The index build's fast path. Most text is ASCII words between spaces:
// "The", "cells", "2012", "DNA", each followed by a space or punctuation.
// For those the tokenizer's work (the char filter, a token struct, a copy
// of the term, then the cache's own pass over its bytes) is more than the
// word needs: addText reads them straight from the text, and hands
// everything else to the tokenizer.
//
// Why the two agree: ASCII white space is a clean cut for the tokenizer.
// A white-space byte ends any token and pending joiner, clears the CJK
// run, and is a normalisation boundary (nothing composes with it, so no
// NFKC segment spans it). So tokenizing text[:q] and text[q:] gives the
// tokens of text whenever text[q] is white space, and each chunk between
// white space can be read on its own. A chunk is read here only when it is
// ASCII and made of tokens whose end is certain (below); any other goes,
// with the chunks after it up to the next one read here, to the tokenizer.
// Terms are counted in the same order either way, so local ids, and the
// index, are the same (TestFastPathAgrees, FuzzFastPath).

// Byte classes of the fast path.
const (
	bcSep   uint8 = iota // ASCII punctuation and symbols: end a token
	bcSpace              // ASCII white space: a chunk's end
	bcLower
	bcUpper
	bcDigit
	bcJoin // ' . , _: end a token or join it to what follows
	bcHigh // a byte of a non-ASCII character
)

var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 0x80:
			t[c] = bcHigh
		case c == ' ' || c-'\t' < 5:
			t[c] = bcSpace
		case 'a' <= c && c <= 'z':
			t[c] = bcLower
		case 'A' <= c && c <= 'Z':
			t[c] = bcUpper
		case '0' <= c && c <= '9':
			t[c] = bcDigit
		case c == '\'' || c == '.' || c == ',' || c == '_':
			t[c] = bcJoin
		}
	}
	return t
}()

// chunkToks bounds the tokens of one chunk read by the fast path; a chunk
// with more ("a/b/c/d/e/f/g/h/i") goes to the tokenizer.
const chunkToks = 8

// simpleTok is a token of the fast path: text[start:end], lower-cased;
// for a short one, its words and hash in the cache, once batched.
type simpleTok struct {
	start, end int
	kind       tokenKind
	lo, hi     uint64
	hash       uint64
}

// addText counts the terms of text and returns its analysed length, as
// addGeneral does.
//
// Each word is read once: scanChunk finds it and loads its key and hash
// as it goes, straight into the batch; flush then looks the batch's words
// up.
//
// A chunk the fast path leaves to the tokenizer ("mRNA", "±", "NF-κB",
// "Alzheimer's") is analysed once per analyser: what it counted is kept
// (surfaceCache.chunks) and counted again where it recurs, as the word
// cache does for words. It is analysed from the white space before it, as
// a run of such chunks was.
func (sb *shardBuilder) addText(a *analyzer, cache *surfaceCache, text string) (n int) {
	if !sb.fast {
		return sb.addGeneral(a, cache, text)
	}
	bt, nb := &sb.batch, sb.nb
	for i := 0; i < len(text); {
		c := byteClass[text[i]]
		if c == bcSpace {
			i++
			continue
		}
		if nb > batchToks {
			sb.nb = nb
			n += sb.flush(a, cache, text)
			nb = 0
		}
		if c >= bcLower && c <= bcDigit && i+2*8 <= len(text) {
			// Most chunks are one word, alone or before one byte of
			// punctuation: "cells", "cells," or "(2012)" without its
			// "(": read here, without scanChunk's rules for the rest.
			if next, ok := wordChunk(text, i, c, &bt[nb]); ok {
				nb++
				i = next
				continue
			}
		}
		nt, end, ok := scanChunk(text, i, (*[chunkToks]simpleTok)(bt[nb:]))
		if !ok {
			// At the white space before, if any.
			t := &bt[nb]
			t.start, t.end, t.kind, nt = max(i-1, 0), end, kindChunk, 1
			if w := end - t.start; w <= shortSurface {
				t.lo, t.hi = chunkWords(text, t.start, w)
				t.hash = surfaceHash(t.lo, t.hi, w)
			}
		}
		nb += nt
		i = end
	}
	sb.nb = nb
	return n + sb.flush(a, cache, text)
}

// kindChunk marks a chunk of a batch left to the tokenizer (addChunk).
const kindChunk tokenKind = math.MaxUint8

// maxChunkKey bounds the chunks kept: text without white space (a
// paragraph of Chinese) is one chunk, seldom seen twice, that keeping
// would copy.
const maxChunkKey = 64

// chunkTerms is where a chunk's counted ids sit in surfaceCache.chunkIDs,
// and its analysed length.
type chunkTerms struct{ off, ids, n uint32 }

// addChunk counts the terms of a chunk the fast path leaves to the
// tokenizer, t in the batch, and returns its analysed length.
func (sb *shardBuilder) addChunk(a *analyzer, cache *surfaceCache, text string, t *simpleTok) int {
	chunk := text[t.start:t.end]
	w := len(chunk)
	if w > maxChunkKey {
		return sb.addGeneral(a, cache, chunk)
	}
	var c chunkTerms
	var ok bool
	if w <= shortSurface {
		c, ok = cache.chunkTab.get(t.lo, t.hi, w, t.hash)
	} else {
		c, ok = cache.chunks[chunk]
	}
	if ok {
		for _, id := range cache.chunkIDs[c.off : c.off+c.ids] {
			sb.count(id)
		}
		return int(c.n)
	}
	// count records the ids after those of the title (titleIDs), which
	// stay as they were.
	recording, from := sb.recording, len(sb.titleIDs)
	sb.recording = true
	n := sb.addGeneral(a, cache, chunk)
	ids := sb.titleIDs[from:]
	c = chunkTerms{off: uint32(len(cache.chunkIDs)), ids: uint32(len(ids)), n: uint32(n)}
	if w <= shortSurface {
		cache.chunkTab.put(t.lo, t.hi, w, c)
	} else {
		cache.chunks[strings.Clone(chunk)] = c
	}
	cache.chunkIDs = append(cache.chunkIDs, ids...)
	if !recording {
		sb.recording, sb.titleIDs = false, sb.titleIDs[:from]
	}
	return n
}

// batchToks is how many fast-path tokens flush looks up together, at
// least: a batch takes whole chunks, up to chunkToks more.
const batchToks = 64

// flush counts the batch of fast-path tokens of text, in order, and
// returns how many are terms. A rare word's slot of the cache is a miss
// of the processor's caches: the slots of the whole batch are read first,
// in a loop of their own so that the processor has many of these
// independent loads in flight at once (reading each as its word is
// scanned overlaps only a few), and the lookups in order then find them
// cached.
func (sb *shardBuilder) flush(a *analyzer, cache *surfaceCache, text string) (n int) {
	var touch uint32
	for i := range sb.nb {
		t := &sb.batch[i]
		if w := t.end - t.start; w <= shortSurface {
			if t.kind != kindChunk {
				touch |= cache.touch(w, t.hash)
			} else {
				touch |= cache.chunkTab.touch(t.hash)
			}
		}
	}
	sb.touch = touch
	for i := range sb.nb {
		if t := &sb.batch[i]; t.kind == kindChunk {
			n += sb.addChunk(a, cache, text, t)
		} else {
			n += sb.addSimple(a, cache, text, t)
		}
	}
	sb.nb = 0
	return n
}

// scanChunk reads the chunk of text at i, up to the next white space or
// the end, into toks. ok is false when the chunk is not ASCII, or holds a
// token the fast path leaves to the tokenizer: an identifier the tokenizer
// may split (mRNA, HTTPServer, max_tokens, miRNAs), a number with
// separators other than one decimal point (70,000, 1.2.3), an apostrophe
// between letters (user's), more than chunkToks tokens, or one past
// maxTermBytes. end is where the chunk ends either way. Each token of 16
// bytes or fewer comes with its key and hash in the word cache.
//
// A token read here is one the tokenizer keeps whole and as written,
// lower-cased:
//
//   - letters and digits with no capital after the first lower-case
//     letter or digit: cells, The, p53, 5mg, CD4, KLF2, Th17, DCs;
//   - capitals alone: DNA;
//   - three capitals or more and one lower-case letter: RNAs (the parts
//     "RN" and "As" are too short to be cut);
//   - digits, a point, digits: 0.05.
//
// and what follows it ends it for the tokenizer too: the chunk's end;
// punctuation; '.' or ',' after a letter; an apostrophe after a digit, or
// before anything but a letter; an underscore before anything but a
// letter or digit.
func scanChunk(text string, i int, toks *[chunkToks]simpleTok) (nt, end int, ok bool) {
	k := i
	for k < len(text) {
		c := byteClass[text[k]]
		switch c {
		case bcSpace:
			return nt, k, true
		case bcSep, bcJoin:
			// Outside a token a joiner is a separator.
			k++
			continue
		case bcHigh:
			return nt, chunkEnd(text, k), false
		}
		start := k
		k++
		letters, tail := c != bcDigit, true // tail: lower-case letters and digits may follow
		if c == bcUpper {
			u := 1
			for k < len(text) && byteClass[text[k]] == bcUpper {
				k++
				u++
			}
			if u >= 3 && k < len(text) && byteClass[text[k]] == bcLower {
				// The tokenizer would cut before the last capital if both
				// parts were long enough: only "RNAs" is kept whole.
				k++
				tail = false
			}
		}
		for tail && k+8 <= len(text) {
			// Eight bytes at a time: most words end within the first
			// eight, and where is computed without a branch.
			lower, digit := lowerDigits(load64(text, k))
			run := bits.TrailingZeros64(^(lower|digit)&highBits) >> 3
			if lower&(1<<(8*run)-1) != 0 {
				letters = true
			}
			k += run
			tail = run == 8
		}
		for tail && k < len(text) {
			switch byteClass[text[k]] {
			case bcLower:
				letters = true
			case bcDigit:
			default:
				tail = false
				continue
			}
			k++
		}
		kind := kindWord
		if !letters {
			kind = kindNumber
		}
		if kind == kindNumber && k+1 < len(text) && text[k] == '.' && byteClass[text[k+1]] == bcDigit {
			// One decimal point: a number canonNumber leaves as it is.
			for k++; k < len(text) && byteClass[text[k]] == bcDigit; k++ {
			}
		}
		if k < len(text) {
			lastDigit := byteClass[text[k-1]] == bcDigit
			next := uint8(bcSpace) // class of the byte after the follower
			if k+1 < len(text) {
				next = byteClass[text[k+1]]
			}
			switch text[k] {
			case '_':
				if next == bcLower || next == bcUpper || next == bcDigit {
					return nt, chunkEnd(text, k), false
				}
			case '\'':
				if !lastDigit && (next == bcLower || next == bcUpper) {
					return nt, chunkEnd(text, k), false
				}
			case '.', ',':
				if lastDigit && next == bcDigit {
					return nt, chunkEnd(text, k), false
				}
			default:
				if f := byteClass[text[k]]; f != bcSep && f != bcSpace {
					// A capital, a letter after "RNAs", or a non-ASCII
					// byte goes on with the token.
					return nt, chunkEnd(text, k), false
				}
			}
		}
		if nt == chunkToks || k-start > maxTermBytes {
			return nt, chunkEnd(text, k), false
		}
		t := &toks[nt]
		t.start, t.end, t.kind = start, k, kind
		if w := k - start; w <= shortSurface {
			t.lo, t.hi = lowerWords(text, start, w)
			t.hash = surfaceHash(t.lo, t.hi, w)
		}
		nt++
	}
	return nt, k, true
}

// wordChunk reads the chunk at start, whose first byte, of class c, is a
// letter or a digit, when it is one word of lower-case letters and
// digits after its first byte (cells, The, p53, 2012), shorter than 16
// bytes, alone or before one byte of punctuation ("cells,", "2012)"): its
// token, as scanChunk would read it, into t, and where the chunk ends.
// Its key, lower-cased, comes from the loads that find its end. text must
// hold 16 bytes from start. ok is false for any other chunk (DNA, mRNA,
// a longer word, "0.05", "(95%"): scanChunk reads it.
func wordChunk(text string, start int, c uint8, t *simpleTok) (next int, ok bool) {
	x := load64(text, start)
	lower, digit := lowerDigits(x)
	// The first byte belongs to the token whatever its class.
	m := ^(lower | digit | 0x80) & highBits
	var run int
	var lo, hi uint64
	var letters bool
	if m != 0 {
		run = bits.TrailingZeros64(m) >> 3
		keep := uint64(1)<<(8*run) - 1
		lo, letters = (x|asciiLower)&keep, lower&keep != 0
	} else {
		y := load64(text, start+8)
		lower2, digit2 := lowerDigits(y)
		m = ^(lower2 | digit2) & highBits
		if m == 0 {
			return 0, false
		}
		r := bits.TrailingZeros64(m) >> 3
		keep := uint64(1)<<(8*r) - 1
		run = 8 + r
		lo, hi, letters = x|asciiLower, (y|asciiLower)&keep, lower != 0 || lower2&keep != 0
	}
	end := start + run
	next = end
	// A capital after the word, a letter or digit after its punctuation
	// ("e.g", "0.05", "a,b") or anything not ASCII: scanChunk's rules.
	if f := byteClass[text[end]]; (f == bcSep || f == bcJoin) && end+1 < len(text) {
		next++
	}
	if byteClass[text[next]] != bcSpace {
		return 0, false
	}
	t.start, t.end, t.kind = start, end, kindWord
	if !letters && c == bcDigit {
		t.kind = kindNumber
	}
	t.lo, t.hi, t.hash = lo, hi, surfaceHash(lo, hi, run)
	return next, true
}

// highBits is the high bit of each byte of a word.
const highBits = 0x8080808080808080

// lowerDigits marks, with its high bit, each byte of x that is an ASCII
// lower-case letter, and each that is an ASCII digit. Each byte's sums
// stay within it: its high bit is cleared first, and 0x7f plus the
// largest constant is under 0x100.
func lowerDigits(x uint64) (lower, digit uint64) {
	const ones = 0x0101010101010101
	y := x &^ highBits
	ascii := ^x & highBits
	lower = (y + (0x80-'a')*ones) &^ (y + (0x80-'z'-1)*ones) & ascii
	digit = (y + (0x80-'0')*ones) &^ (y + (0x80-'9'-1)*ones) & ascii
	return lower, digit
}

// chunkEnd is the white space after k, or the end of text.
func chunkEnd(text string, k int) int {
	for k < len(text) && byteClass[text[k]] != bcSpace {
		k++
	}
	return k
}

// asciiLower sets the case bit of every byte: lower-cases letters and
// leaves digits as they are, which is all a fast-path token needs.
const asciiLower = 0x2020202020202020

// addSimple counts a fast-path token: 1 if it is a term, 0 if dropped.
func (sb *shardBuilder) addSimple(a *analyzer, cache *surfaceCache, text string, t *simpleTok) int {
	n := t.end - t.start
	var id int32
	var ok bool
	if n <= shortWord {
		if id, ok = cache.getShort(t.lo, shortTag(t.hi, n), t.hash); !ok {
			id = sb.miss(a, cache, text, t)
		}
	} else if n <= shortSurface {
		if id, ok = cache.mid.get(t.lo, t.hi, n, t.hash); !ok {
			id = sb.miss(a, cache, text, t)
		}
	} else {
		sb.lower = appendLower(sb.lower[:0], text[t.start:t.end])
		if id, ok = cache.long[string(sb.lower)]; !ok {
			id = sb.miss(a, cache, text, t)
		}
	}
	if id < 0 {
		return 0
	}
	sb.count(uint32(id))
	return 1
}

// miss runs a fast-path token the cache does not know through the
// filters, as addGeneral does, and caches what it became.
func (sb *shardBuilder) miss(a *analyzer, cache *surfaceCache, text string, t *simpleTok) int32 {
	b := &sb.b
	sb.lower = appendLower(sb.lower[:0], text[t.start:t.end])
	n := len(sb.lower)
	b.arena = append(b.arena[:0], sb.lower...)
	b.toks = append(b.toks[:0], token{term: b.arena[:n:n], start: t.start, end: t.end, kind: t.kind})
	id := int32(-1)
	if out := a.run(b, b.toks[:1]); len(out) == 1 {
		id = int32(sb.intern(out[0].term, string(sb.lower)))
	}
	cache.put(sb.lower, id)
	return id
}

func appendLower(dst []byte, s string) []byte {
	for i := range len(s) {
		dst = append(dst, s[i]|0x20)
	}
	return dst
}

// lowerWords is words of text[i:i+n] (n 1–16), lower-cased: masks
// rather than branches on n, which varies from word to word.
func lowerWords(text string, i, n int) (lo, hi uint64) { return maskedWords(text, i, n, asciiLower) }

// chunkWords is words of text[i:i+n] (n 1–16), as written.
func chunkWords(text string, i, n int) (lo, hi uint64) { return maskedWords(text, i, n, 0) }

// maskedWords is words of text[i:i+n] (n 1–16), each byte or-ed with
// set's.
func maskedWords(text string, i, n int, set uint64) (lo, hi uint64) {
	if i+16 <= len(text) {
		// Load 16 bytes and keep n: one load a word.
		lo, hi = load64(text, i), load64(text, i+8)
	} else {
		var buf [shortSurface]byte
		copy(buf[:], text[i:i+n])
		lo, hi = binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
	}
	// Only the token's bytes take the case bit, so a word and its
	// zero padding stay apart. A shift by 64 or more is 0 in Go.
	mlo := ^uint64(0) >> (64 - 8*min(n, 8))
	mhi := uint64(1)<<(8*max(n-8, 0)) - 1
	return (lo | set) & mlo, (hi | set) & mhi
}

func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
