package retrieval

import (
	"fmt"
	"math"
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

// countThai counts item i, whose text is str, in the shard's tally.
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
}

// thaiCountsOf merges the shards' tallies into the table of words written.
func thaiCountsOf(shards []*shard) thaiCounts {
	var df thaiTally
	for _, s := range shards {
		if s.thai == nil {
			continue
		}
		if df == nil {
			df = s.thai
		} else {
			for id, c := range s.thai {
				df[id].df += c.df
			}
		}
		s.thai = nil
	}
	var tc thaiCounts
	if df == nil {
		return tc
	}
	var sb strings.Builder
	tc.off = []uint32{0}
	for id, c := range df { // ids are in the words' order
		if c.df > 0 {
			sb.WriteString(text.ThaiWordOf(id))
			tc.off = append(tc.off, uint32(sb.Len()))
			tc.df = append(tc.df, c.df)
		}
	}
	tc.bytes = sb.String()
	return tc
}

// ThaiDF is the number of items whose text writes word, one of text's
// Thai words (text.ThaiWordID; sara am in either form), anywhere in it,
// as strings.Contains finds it. False for a word not in the list, whose
// items are not counted: the caller counts them itself.
func (ix *Index) ThaiDF(word string) (int, bool) {
	id, ok := text.ThaiWordID(word)
	if !ok {
		return 0, false
	}
	w := text.ThaiWordOf(id)
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

// checkThai checks a snapshot's Thai counts over n items: words of the
// list, sorted and distinct, each written by 1 to n items.
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
		if id, ok := text.ThaiWordID(w); !ok || text.ThaiWordOf(id) != w {
			return fmt.Errorf("thai counts: word %d %q not in the word list", i, w)
		}
		if tc.df[i] == 0 || int(tc.df[i]) > n {
			return fmt.Errorf("thai counts: word %d in %d of %d items", i, tc.df[i], n)
		}
	}
	return nil
}
