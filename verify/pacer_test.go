package verify

import (
	"math/rand/v2"
	"strings"
	"testing"

	"corpusbot/internal/replygen"
)

// shownEach is what a caller that renders after every piece shows after
// each piece, then at the end, as answer's replyStream passes it on: the
// rendering once a claim is backed, when it extends what was shown.
func shownEach(rd *Reader, pieces []string, paced bool) []string {
	out := make([]string, 0, len(pieces)+1)
	var raw strings.Builder
	var p Pacer
	shown := ""
	show := func(r Rendered) {
		if r.Backed > 0 && len(r.Text) > len(shown) && strings.HasPrefix(r.Text, shown) {
			shown = r.Text
		}
	}
	for _, pc := range pieces {
		raw.WriteString(pc)
		if open := p.Write(pc); open || !paced {
			show(rd.Render(raw.String(), true))
		}
		out = append(out, shown)
	}
	show(rd.Render(raw.String(), false))
	return append(out, shown)
}

// piecesOf cuts s into pieces of size runes.
func piecesOf(s string, size int) []string {
	var out []string
	r := []rune(s)
	for i := 0; i < len(r); i += size {
		out = append(out, string(r[i:min(i+size, len(r))]))
	}
	return out
}

// pacedLag compares a paced stream of pieces with one rendered after every
// piece: every text the paced stream shows is one the other showed at the
// same piece (so today's rendering of that prefix), the end is the same,
// and it reports the pieces where the paced stream showed less, and
// whether it showed its first text later.
func pacedLag(t *testing.T, rd *Reader, pieces []string) (behind int, firstLater bool) {
	t.Helper()
	each, paced := shownEach(rd, pieces, false), shownEach(rd, pieces, true)
	first := func(s []string) int {
		for i, x := range s {
			if x != "" {
				return i
			}
		}
		return len(s)
	}
	for i := range paced {
		if paced[i] == each[i] {
			continue
		}
		// Shown, it is what rendering after every piece showed at some
		// piece up to this one.
		j := i
		for j >= 0 && each[j] != paced[i] {
			j--
		}
		if j < 0 || i == len(paced)-1 {
			t.Fatalf("%q in pieces %q: paced shows %q after piece %d, which rendering after every piece never showed by then (it showed %q)",
				strings.Join(pieces, ""), pieces, paced[i], i, each[i])
		}
		behind++
	}
	return behind, first(paced) > first(each)
}

// A paced stream shows what rendering after every piece shows, at the same
// pieces but for few, and ends the same: over the test replies cut every
// way, and long replies cut as models stream.
func TestPacedStreamSame(t *testing.T) {
	rd, ps := fixtureReader(t, 4)
	var replies []string
	for _, tt := range parseCitationsTests {
		replies = append(replies, tt.text)
	}
	for _, sd := range replyStreamSeeds {
		replies = append(replies, sd.reply)
	}
	pieces, behind, later, renders, rendersEach := 0, 0, 0, 0, 0
	for _, reply := range replies {
		for size := 1; size <= 20; size++ {
			ps := piecesOf(reply, size)
			b, l := pacedLag(t, rd, ps)
			pieces += len(ps)
			behind += b
			if l {
				later++
				t.Logf("first text later: %q in pieces of %d", reply, size)
			}
		}
	}
	for _, size := range []int{1000, 4000} {
		reply := replygen.Reply(ps.Len(), ps.Sentences, size)
		rng := rand.New(rand.NewPCG(uint64(size), 3))
		for range 3 {
			var cut []string
			r := []rune(reply)
			for i := 0; i < len(r); {
				n := min(3+rng.IntN(18), len(r)-i)
				cut = append(cut, string(r[i:i+n]))
				i += n
			}
			b, l := pacedLag(t, NewReader(ps, fixture.ix, "question"), cut)
			pieces += len(cut)
			behind += b
			if l {
				later++
				t.Logf("first text later: reply of %d in pieces of 3-20", size)
			}
			var p Pacer
			for _, c := range cut {
				if p.Write(c) {
					renders++
				}
			}
			rendersEach += len(cut)
		}
	}
	t.Logf("%d pieces, %d behind, %d first later; long replies render %d of %d pieces", pieces, behind, later, renders, rendersEach)
	if later > 0 {
		t.Errorf("%d streams show their first text later paced than rendered after every piece", later)
	}
	if renders*4 > rendersEach {
		t.Errorf("long replies render %d of %d pieces paced: not about once a sentence", renders, rendersEach)
	}
}

func TestPacerWrite(t *testing.T) {
	tests := []struct {
		name   string
		pieces []string
		want   string // per piece: x renders, . does not
	}{
		{"a word after a sentence", []string{"One", " two.", " Three", " four"}, "..x."},
		{"in one piece", []string{"One. Two"}, "x"},
		{"no space: not an end", []string{"Pi is 3", ".14 and", " more"}, "..."},
		{"a marker belongs to its sentence", []string{"One.", " [1", "]", " Two"}, "...x"},
		{"closers belong to it", []string{"He said \"no.", "\"", " Then"}, "..x"},
		{"a line break", []string{"Intro:", "\n", "- item"}, "..x"},
		{"full width needs no space", []string{"完成。", "下一"}, ".x"},
		{"a fence line ends", []string{"```go\nx := 1\n", "```", "\n"}, "xxx"}, // the backticks may open a span too
		{"a tag", []string{"One.", "<|im_end|>"}, ".x"},
		{"inline code after the mark", []string{"One. `x", "`", " y"}, ".xx"},
		{"an HTML line break, a mark before it or not", []string{"One [1]<b", "r />", "Two", "<BR>", "three"}, "..x.x"},
		{"no line break", []string{"One [1] <b>", "Two"}, ".."},
	}
	for _, tt := range tests {
		var p Pacer
		got := ""
		for _, pc := range tt.pieces {
			if p.Write(pc) {
				got += "x"
			} else {
				got += "."
			}
		}
		if got != tt.want {
			t.Errorf("%s: %q renders %s, want %s", tt.name, tt.pieces, got, tt.want)
		}
	}
}
