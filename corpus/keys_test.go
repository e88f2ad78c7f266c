package corpus

import "testing"

// FuzzKeyIndex holds keyIndex to the sets of content keys it replaced: a
// map per paragraph, every paragraph's computed, and isStray counting all
// the paragraphs above without stopping early.
func FuzzKeyIndex(f *testing.F) {
	seedFiles(f)
	f.Add("Title\n\nOne regulators two regulation.\n\nregulators l'industrie china's 12abc 支付宝支付\n\nother words entirely here")
	f.Add("CHINA'S Regulators said:\tREGULATION  of U.S. Banks, 12.5 and 5,600 L'Industrie O'Neil's\n\nthe regulators\r\nand\vthe BANKS' rules")
	f.Fuzz(func(t *testing.T, text string) {
		ps := paragraphs(text)
		sets := make([]map[string]bool, len(ps))
		for i, p := range ps {
			sets[i] = map[string]bool{}
			contentKeys(fold(text[p.start:p.end]), func(k string) bool { sets[i][k] = true; return true })
		}
		x := newKeyIndex(text, ps)
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
