package verify

import (
	"reflect"
	"testing"

	"corpusbot/internal/replygen"
)

// sameAsCold fails when rd, whose memos earlier replies warmed, renders a
// prefix of reply streamed in pieces of size runes, or reply whole,
// otherwise than it would without its sentence memo: the memo must not
// change a byte.
func sameAsCold(t *testing.T, rd *Reader, reply string, size int) {
	t.Helper()
	runes := []rune(reply)
	check := func(raw string, partial bool) {
		// The reference shares rd's checker and claim cache (keyed by
		// citation numbers as renumbered, so an earlier reply's entries
		// stand: the tests reuse a Reader across replies); only the
		// sentence memo is off, every sentence read afresh as before it.
		cold := &Reader{ck: rd.ck, given: rd.given, cache: rd.cache}
		if got, want := rd.Render(raw, partial), cold.Render(raw, partial); !reflect.DeepEqual(got, want) {
			t.Fatalf("Render(%q, %v) with warm memos\n%+v\nwant, as it renders unmemoized,\n%+v", raw, partial, got, want)
		}
	}
	for i := size; i < len(runes)+size; i += size {
		check(string(runes[:min(i, len(runes))]), true)
	}
	check(reply, false)
}

// Rendering a streaming reply memoizes what it reads of each sentence; a
// Reader that rendered every piece before renders each as it would
// without the memo, over every chunking of the test replies and a long
// reply.
func TestRenderMemoSameAsCold(t *testing.T) {
	_, ps := fixtureReader(t, 4)
	rd := NewReader(ps, fixture.ix, "question")
	var replies []string
	for _, tt := range parseCitationsTests {
		replies = append(replies, tt.text)
	}
	for _, sd := range replyStreamSeeds {
		replies = append(replies, sd.reply)
	}
	for _, reply := range replies {
		for size := 1; size <= 16; size++ {
			sameAsCold(t, rd, reply, size)
		}
	}
	long := replygen.Reply(ps.Len(), ps.Sentences, 1500)
	for _, size := range []int{3, 7, 13, 20} {
		sameAsCold(t, rd, long, size)
	}
}
