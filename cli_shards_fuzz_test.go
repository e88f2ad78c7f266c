package main

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParseShardRange: a SHARD_ID is read as a shard or a range of shards
// from 0, first ≤ last, and the range written back reads the same.
func FuzzParseShardRange(f *testing.F) {
	for _, s := range []string{"0", "3", "0-3", " 2 - 5 ", "5-2", "-1", "1-", "-", "+3", "1-2-3", "99999999999999999999", "٣", "0x1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		first, last, ok := parseShardRange(v)
		if !ok {
			if first != 0 || last != 0 {
				t.Fatalf("parseShardRange(%q) = %d, %d, false: want zeros with false", v, first, last)
			}
			return
		}
		if first < 0 || last < first {
			t.Fatalf("parseShardRange(%q) = %d-%d", v, first, last)
		}
		if !strings.Contains(v, "-") && first != last {
			t.Fatalf("parseShardRange(%q) = %d-%d: a range from one number", v, first, last)
		}
		for _, w := range []string{strconv.Itoa(first) + "-" + strconv.Itoa(last), strconv.Itoa(first)} {
			f2, l2, ok2 := parseShardRange(w)
			if want := w == strconv.Itoa(first); !ok2 || f2 != first || (want && l2 != first) || (!want && l2 != last) {
				t.Fatalf("parseShardRange(%q) = %d-%d, but %q reads %d-%d %v", v, first, last, w, f2, l2, ok2)
			}
		}
	})
}
