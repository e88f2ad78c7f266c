package retrieval

import "testing"

// adviseHuge is a hint: whatever the slice's size and alignment, and
// whether or not the kernel gives huge pages, the memory stays usable
// and holds what is written to it.
func TestAdviseHuge(t *testing.T) {
	big := make([]uint32, 3*hugePage/4+12345)
	for _, s := range [][]uint32{nil, big[:1], big[:hugePage/4], big[1:], big[3 : len(big)-5]} {
		adviseHuge(s)
		for i := range s {
			s[i] = uint32(i)
		}
		for i, x := range s {
			if x != uint32(i) {
				t.Fatalf("%d: %d after advising %d words", i, x, len(s))
			}
		}
	}
	adviseHuge(make([]uint8, 5*hugePage))
}
