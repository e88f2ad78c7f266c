package corpus

import (
	"slices"
	"strings"
	"testing"

	"corpusbot/text"
)

// FuzzKeyIndex holds keyIndex to the sets of content keys it replaced: a
// map per paragraph, every paragraph's computed, and isStray counting all
// the paragraphs above without stopping early.
func FuzzKeyIndex(f *testing.F) {
	seedFiles(f)
	f.Add("Title\n\nOne regulators two regulation.\n\nregulators l'industrie china's 12abc 支付宝支付\n\nother words entirely here")
	f.Add("CHINA'S Regulators said:\tREGULATION  of U.S. Banks, 12.5 and 5,600 L'Industrie O'Neil's\n\nthe regulators\r\nand\vthe BANKS' rules")
	f.Fuzz(func(t *testing.T, src string) {
		ps := paragraphs(src)
		sets := make([]map[string]bool, len(ps))
		for i, p := range ps {
			sets[i] = map[string]bool{}
			contentKeys(text.Fold(src[p.start:p.end]), func(k string) bool { sets[i][k] = true; return true })
		}
		x := newKeyIndex(src, ps)
		defer x.release()
		// Last to first, as markTeaserTail asks: the paragraphs above are
		// read without being indexed; then again, once all are indexed.
		for pass := range 2 {
			for i := len(ps) - 1; i >= 0; i-- {
				above := make([]int, i)
				for k := range above {
					above[k] = k
				}
				shared := 0
				for k := range sets[i] {
					for _, s := range sets[:i] {
						if s[k] {
							shared++
							break
						}
					}
				}
				want := len(sets[i]) >= strayMinKeys && shared*1000 < len(sets[i])*strayPermille
				if got := x.isStray(i, above); got != want {
					t.Errorf("pass %d, paragraph %d: isStray = %v, want %v (%d of %d keys shared)", pass, i, got, want, shared, len(sets[i]))
				}
			}
		}
		names := make([]string, x.size())
		for k, id := range x.ids {
			names[id] = k
		}
		for i := range ps {
			got := x.of(i)
			if len(got) != len(sets[i]) {
				t.Errorf("paragraph %d: %d keys, want %d", i, len(got), len(sets[i]))
			}
			for _, id := range got {
				if !sets[i][names[id]] {
					t.Errorf("paragraph %d: key %q is not one of its words'", i, names[id])
				}
			}
		}
	})
}

// FuzzContentKeysASCII holds the stray check's reading of ASCII paragraphs
// (no Fold, case lowered word by word, filtered) to contentKeys of the
// folded text.
func FuzzContentKeysASCII(f *testing.F) {
	f.Add("CHINA'S Regulators said:\tREGULATION  of U.S. Banks, 12.5 and 5,600 L'Industrie O'Neil's\r\nthe BANKS' rules")
	f.Add("Between\vbetweenness;\x00ABOUT about-face  Another's\fanothers 3.14abc x.y,z")
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		for i := range b {
			b[i] &= 0x7f // ASCII, the only text this reading is for
		}
		checkKeyReader(t, string(b), func(s string, may *keyFilter, fn func(string) bool) { contentKeysASCII(s, may, fn) })
	})
}

// FuzzReadKeys holds readKeys, which folds only the words of a paragraph
// that are not ASCII, to contentKeys of the whole folded paragraph.
func FuzzReadKeys(f *testing.F) {
	f.Add("Cells of β-catenin (≥12 μg) in the REGULATORS’ view: l’industrie\u00a0Ali\u200bpay 支付宝支付 ﬁnal ＡＢＣ１ x\u0301y")
	f.Add("a \u0308b ¨c\n\u00a8 d\t中文 中 文 naïve CAFÉ's 5,600 ١٢٣ والمنظمين")
	f.Fuzz(func(t *testing.T, s string) {
		checkKeyReader(t, strings.ToValidUTF8(s, "\uFFFD"), readKeys) // as the loader decodes files
	})
}

// checkKeyReader holds read to contentKeys of the folded text s: the same
// keys in the same order, a filter passing over no key it holds, and the
// reading stopping where fn says so.
func checkKeyReader(t *testing.T, s string, read func(t string, may *keyFilter, fn func(key string) bool)) {
	t.Helper()
	var want, got []string
	contentKeys(text.Fold(s), func(k string) bool { want = append(want, k); return true })
	read(s, nil, func(k string) bool { got = append(got, k); return true })
	if !slices.Equal(got, want) {
		t.Fatalf("reading %q gave %q, want contentKeys of the folded text %q", s, got, want)
	}
	// A filter of every other key: the filtered reading gives each of
	// them where the full one does (and maybe other keys).
	var filter keyFilter
	kept := map[string]bool{}
	for i, k := range want {
		if i%2 == 0 {
			filter.add(k)
			kept[k] = true
		}
	}
	var in, wantIn []string
	read(s, &filter, func(k string) bool {
		if kept[k] {
			in = append(in, k)
		}
		return true
	})
	for _, k := range want {
		if kept[k] {
			wantIn = append(wantIn, k)
		}
	}
	if !slices.Equal(in, wantIn) {
		t.Fatalf("filtered: got %q, want %q", in, wantIn)
	}
	if len(want) > 0 {
		stop := len(want) / 2
		var upTo []string
		read(s, nil, func(k string) bool { upTo = append(upTo, k); return len(upTo) <= stop })
		if !slices.Equal(upTo, want[:stop+1]) {
			t.Fatalf("stopped after key %d: got %q, want %q", stop, upTo, want[:stop+1])
		}
	}
}
