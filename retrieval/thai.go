package retrieval

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"corpusbot/text"
)

// Thai is indexed as character pairs, which say little of a Thai word: a
// word the items never write (ลาว) is made of pairs they write
// everywhere (ลา, าว). The answer pipeline weighs a Thai question's
// words by the items whose text writes them (ThaiDF), counted here once,
// as the items are analysed: every word of text's Thai list each item's
// text writes anywhere (text.ThaiWordsIn), not only where a segmenter
// would cut it. Counting at a question scanned every Thai passage once a
// Thai word: tenths of a second a question on a corpus of 100 MB.

// thaiCounts are the items that write each Thai word: the words written
// at least once, sorted bytewise and concatenated in bytes (word k is
// bytes[off[k]:off[k+1]]), and their items in df.
type thaiCounts struct {
	bytes string
	off   []uint32
	df    []uint32
}

func (tc *thaiCounts) word(k int) string { return tc.bytes[tc.off[k]:tc.off[k+1]] }

// thaiTally counts a shard's items by the Thai words they write, by
// word id; nil until the shard meets a word.
type thaiTally []thaiCount

// thaiCount is a word's items so far, and the last one (item+1) counted:
// side by side, one cache miss a word found, not two.
type thaiCount struct{ df, last uint32 }

// countThai counts item i, whose text is str, in the shard's tallies:
// Thai's, and the Lao, Khmer and Myanmar words' (text.DictWordsIn), which
// the focus rule weighs as it weighs Thai's.
func (s *shard) countThai(i int, str string) {
	text.ThaiWordsIn(str, func(id int) {
		if s.thai == nil {
			s.thai = make(thaiTally, text.ThaiWordIDs())
		}
		if c := &s.thai[id]; c.last != uint32(i)+1 {
			c.last = uint32(i) + 1
			c.df++
		}
	})
	text.DictWordsIn(str, func(id int) {
		if s.lkm == nil {
			s.lkm = make(thaiTally, text.DictWordIDs())
		}
		if c := &s.lkm[id]; c.last != uint32(i)+1 {
			c.last = uint32(i) + 1
			c.df++
		}
	})
}

// mergeTallies merges the shards' tallies of one list (tally picks it),
// clearing theirs; nil when none met a word.
func mergeTallies(shards []*shard, tally func(*shard) *thaiTally) thaiTally {
	var df thaiTally
	for _, s := range shards {
		t := tally(s)
		if *t == nil {
			continue
		}
		if df == nil {
			df = *t
		} else {
			for id, c := range *t {
				df[id].df += c.df
			}
		}
		*t = nil
	}
	return df
}

// thaiCountsOf merges the shards' tallies into the table of words
// written, Thai's and the Lao, Khmer and Myanmar ones, sorted bytewise.
func thaiCountsOf(shards []*shard) thaiCounts {
	type written struct {
		word string
		df   uint32
	}
	var ws []written
	for id, c := range mergeTallies(shards, func(s *shard) *thaiTally { return &s.thai }) {
		if c.df > 0 {
			ws = append(ws, written{text.ThaiWordOf(id), c.df})
		}
	}
	for id, c := range mergeTallies(shards, func(s *shard) *thaiTally { return &s.lkm }) {
		if c.df > 0 {
			ws = append(ws, written{text.DictWordOf(id), c.df})
		}
	}
	var tc thaiCounts
	if len(ws) == 0 {
		return tc
	}
	// Each list's ids are in its words' order; one sort orders them all.
	slices.SortFunc(ws, func(a, b written) int { return strings.Compare(a.word, b.word) })
	var sb strings.Builder
	tc.off = []uint32{0}
	for _, w := range ws {
		sb.WriteString(w.word)
		tc.off = append(tc.off, uint32(sb.Len()))
		tc.df = append(tc.df, w.df)
	}
	tc.bytes = sb.String()
	return tc
}

// ThaiDF is the number of items whose text writes word, one of text's
// Thai words (text.ThaiWordID; sara am in either form) or of its Lao,
// Khmer and Myanmar ones (text.DictWordID; Myanmar in MyanmarOrder),
// anywhere in it, as strings.Contains finds it. False for a word not in
// the lists, whose items are not counted: the caller counts them itself.
func (ix *Index) ThaiDF(word string) (int, bool) {
	var w string
	if id, ok := text.ThaiWordID(word); ok {
		w = text.ThaiWordOf(id)
	} else if id, ok := text.DictWordID(word); ok {
		w = text.DictWordOf(id)
	} else {
		return 0, false
	}
	tc := &ix.thai
	lo, hi := 0, len(tc.df)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tc.word(m) < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(tc.df) && tc.word(lo) == w {
		return int(tc.df[lo]), true
	}
	return 0, true
}

// listed reports w as it is written in the Thai list or the Lao, Khmer
// and Myanmar ones.
func listed(w string) bool {
	if id, ok := text.ThaiWordID(w); ok {
		return text.ThaiWordOf(id) == w
	}
	id, ok := text.DictWordID(w)
	return ok && text.DictWordOf(id) == w
}

// checkThai checks a snapshot's Thai counts over n items: words of the
// lists, sorted and distinct, each written by 1 to n items.
func checkThai(tc thaiCounts, n int) error {
	if len(tc.df) == 0 && len(tc.off) <= 1 && tc.bytes == "" {
		return nil
	}
	k := len(tc.df)
	if len(tc.off) != k+1 || tc.off[0] != 0 || int(tc.off[k]) != len(tc.bytes) || uint64(len(tc.bytes)) > math.MaxUint32 {
		return fmt.Errorf("thai counts: %d offsets, %d words, %d bytes", len(tc.off), k, len(tc.bytes))
	}
	// Every offset is checked before a word is cut: one past the bytes
	// with the next back within them is only caught at the next.
	for i := range k {
		if tc.off[i+1] < tc.off[i] {
			return fmt.Errorf("thai counts: offset %d decreases", i+1)
		}
	}
	for i := range k {
		w := tc.word(i)
		if i > 0 && tc.word(i-1) >= w {
			return fmt.Errorf("thai counts: word %d out of order", i)
		}
		if !listed(w) {
			return fmt.Errorf("thai counts: word %d %q not in the word list", i, w)
		}
		if tc.df[i] == 0 || int(tc.df[i]) > n {
			return fmt.Errorf("thai counts: word %d in %d of %d items", i, tc.df[i], n)
		}
	}
	return nil
}
