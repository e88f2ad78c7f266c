package retrieval

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"corpusbot/text"
)

// ThaiDF counts the items whose text writes a word of the Thai list,
// anywhere (ความ in ข้อความ), once an item however often, sara am in either
// form; not the titles; and does not count words the list lacks. Counted
// by shards (more items than one worker takes) it is what strings.Contains
// finds in every item, and a snapshot's parts give it back.
func TestThaiDF(t *testing.T) {
	items := []Item{
		{Doc: "a", Title: "ภาษาลาว", Text: "ภาษาไทยมีวรรณยุกต์ห้าเสียง ภาษาไทย", Lang: "th"},
		{Doc: "a", Title: "ภาษาลาว", Text: "ข้อความนี้ทําไมยาว", Lang: "th"},
		{Doc: "b", Text: "An English page that quotes ภาษาไทย once.", Lang: "en"},
		{Doc: "c", Text: "No Thai here; हिन्दी only.", Lang: "en"},
	}
	ix, err := New(Config{}, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word string
		df   int
		ok   bool
	}{
		{"ภาษาไทย", 2, true},
		{"ภาษา", 2, true},
		{"ไทย", 2, true},
		{"ความ", 1, true},       // inside ข้อความ
		{"ทำไม", 1, true},       // written ทําไม
		{"ทําไม", 1, true},      // asked so
		{"ลาว", 0, true},        // only in the titles
		{"ห้า", 1, true},        // twice in one item, once counted
		{"สมชายวงศ์", 0, false}, // not a word of the list
		{"thai", 0, false},
	} {
		if df, ok := ix.ThaiDF(tt.word); df != tt.df || ok != tt.ok {
			t.Errorf("ThaiDF(%q) = %d, %v; want %d, %v", tt.word, df, ok, tt.df, tt.ok)
		}
	}

	// Many shards (as many as the machine has cores, up to three),
	// against the scan.
	many := thaiItems(3*dfItemsPerWorker, 7)
	ix, err = New(Config{itemsPerWorker: dfItemsPerWorker}, many)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ix.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(p, many)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 200 {
		w := text.ThaiWordOf(r.IntN(text.ThaiWordIDs()))
		if k%2 == 1 { // a word an item writes
			w = text.ThaiWordOf(writtenWord(many[r.IntN(len(many))].Text, r, text.ThaiWordsIn))
		}
		want := 0
		for _, it := range many {
			if strings.Contains(it.Text, w) {
				want++
			}
		}
		for name, x := range map[string]*Index{"built": ix, "from parts": mapped} {
			if df, ok := x.ThaiDF(w); df != want || !ok {
				t.Fatalf("%s: ThaiDF(%q) = %d, %v; %d items write it", name, w, df, ok, want)
			}
		}
	}
}

// dfItemsPerWorker makes the counting tests' indexes of many shards small:
// 3 × 2,048 items (minItemsPerWorker) took each 40 s under -race.
const dfItemsPerWorker = 64

// writtenWord is the id of one of the words walk (text.ThaiWordsIn,
// text.DictWordsIn) finds in s, drawn by r: a word whose count is not 0.
func writtenWord(s string, r *rand.Rand, walk func(string, func(int))) int {
	var ids []int
	walk(s, func(id int) { ids = append(ids, id) })
	return ids[r.IntN(len(ids))]
}

// A snapshot's Thai counts that are not an index's are refused: out of
// order, a word not of the list, counts of no item or of more than all.
func TestThaiDFDamaged(t *testing.T) {
	items := []Item{{Doc: "a", Text: "ภาษาไทย", Lang: "th"}, {Doc: "b", Text: "ไทย", Lang: "th"}}
	ix, err := New(Config{}, items)
	if err != nil {
		t.Fatal(err)
	}
	good, err := ix.Parts()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FromParts(good, items); err != nil {
		t.Fatal(err)
	}
	words := func(ws ...string) (string, []uint32) {
		off := []uint32{0}
		var sb strings.Builder
		for _, w := range ws {
			sb.WriteString(w)
			off = append(off, uint32(sb.Len()))
		}
		return sb.String(), off
	}
	for name, damage := range map[string]func(p *Parts){
		"out of order": func(p *Parts) { p.ThaiBytes, p.ThaiOff = words("ไทย", "ภาษา"); p.ThaiDF = []uint32{2, 1} },
		"not a word":   func(p *Parts) { p.ThaiBytes, p.ThaiOff = words("abc"); p.ThaiDF = []uint32{1} },
		"no item":      func(p *Parts) { p.ThaiBytes, p.ThaiOff = words("ไทย"); p.ThaiDF = []uint32{0} },
		"too many":     func(p *Parts) { p.ThaiBytes, p.ThaiOff = words("ไทย"); p.ThaiDF = []uint32{3} },
		"offsets":      func(p *Parts) { p.ThaiOff = p.ThaiOff[:len(p.ThaiOff)-1] },
		"counts":       func(p *Parts) { p.ThaiDF = append(p.ThaiDF, 1) },
		// An offset past the bytes, the next one back within them.
		"offset decreases": func(p *Parts) {
			p.ThaiBytes, p.ThaiOff = words("ไทย", "ภาษา")
			p.ThaiOff[1] = uint32(len(p.ThaiBytes) + 3)
			p.ThaiDF = []uint32{1, 1}
		},
	} {
		p := good
		p.ThaiOff, p.ThaiDF = append([]uint32(nil), good.ThaiOff...), append([]uint32(nil), good.ThaiDF...)
		damage(&p)
		if _, err := FromParts(p, items); err == nil || !strings.Contains(err.Error(), "thai counts") {
			t.Errorf("%s: FromParts = %v, want a Thai counts error", name, err)
		}
	}
}

// thaiItems are n passages of about 100 Thai words drawn by Zipf's law
// from text's word list (ranked at random), run together as Thai writes
// them, a space every 5 to 12 words, 40 passages a document: made-up
// Thai prose of the corpus's form, not its sense.
func thaiItems(n int, seed uint64) []Item {
	r := rand.New(rand.NewPCG(seed, 1))
	vocab := make([]string, text.ThaiWordIDs())
	for i, k := range r.Perm(len(vocab)) {
		vocab[i] = text.ThaiWordOf(k)
	}
	z := rand.NewZipf(r, synthZipfS, 1, uint64(len(vocab)-1))
	items := make([]Item, n)
	var sb strings.Builder
	for i := range items {
		sb.Reset()
		for k, gap := 0, 5+r.IntN(8); k < 50+r.IntN(101); k++ {
			if k == gap {
				sb.WriteByte(' ')
				gap += 5 + r.IntN(8)
			}
			sb.WriteString(vocab[z.Uint64()])
		}
		items[i] = Item{Doc: fmt.Sprintf("th%05d.txt", i/40), Title: vocab[z.Uint64()], Text: sb.String(), Lang: "th"}
	}
	return items
}

var thaiBench = sync.OnceValue(func() []Item { return thaiItems(10_000, 11) })

// BenchmarkBuildThai builds the index of 10,000 made-up Thai passages
// (thaiItems, about 13 MB): what counting the Thai words adds to a Thai
// build, beside BenchmarkBuild100k's Latin one, which it must not move.
func BenchmarkBuildThai(b *testing.B) { benchBuild(b, thaiBench()) }

// ThaiDF counts the Lao, Khmer and Myanmar words of text's lists as it
// counts Thai's: anywhere in an item's text, once an item, Myanmar in
// either order of the asat and the dot below; and, by many shards, what
// strings.Contains finds.
func TestDictDF(t *testing.T) {
	items := []Item{
		{Doc: "lo", Text: "ມັນບໍ່ຮອງຮັບການບີບອັດ ມັນ", Lang: "lo"},
		{Doc: "km", Text: "វាមិនគាំទ្រទេ។", Lang: "km"},
		{Doc: "my", Text: "ဒီစာမျက်နှာကို ကြည\u103a\u1037ပါ", Lang: "my"},
		{Doc: "en", Text: "English quoting ບໍ່ once.", Lang: "en"},
	}
	ix, err := New(Config{}, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word string
		df   int
		ok   bool
	}{
		{"ບໍ່", 2, true},
		{"ມັນ", 1, true}, // twice in one item, once counted
		{"ຮອງຮັບ", 1, true},
		{"មិន", 1, true},
		{"គាំទ្រ", 1, true},
		{"ច្បាប់", 0, true},           // a word of the list no item writes
		{"ကြည\u1037\u103a", 1, true},  // the list's order
		{"ကြည\u103a\u1037", 1, true},  // asked in the other
		{"ສົມພອນວົງສະຫວັນ", 0, false}, // not a word of the lists
	} {
		if df, ok := ix.ThaiDF(tt.word); df != tt.df || ok != tt.ok {
			t.Errorf("ThaiDF(%q) = %d, %v; want %d, %v", tt.word, df, ok, tt.df, tt.ok)
		}
	}

	// Many shards (as many as the machine has cores, up to three),
	// against the scan.
	r := rand.New(rand.NewPCG(5, 6))
	n := text.DictWordIDs()
	many := make([]Item, 3*dfItemsPerWorker)
	var sb strings.Builder
	for i := range many {
		sb.Reset()
		for range 40 + r.IntN(60) {
			sb.WriteString(text.DictWordOf(r.IntN(n)))
			if r.IntN(8) == 0 {
				sb.WriteByte(' ')
			}
		}
		many[i] = Item{Doc: fmt.Sprintf("d%04d.txt", i/40), Text: sb.String(), Lang: "km"}
	}
	ix, err = New(Config{itemsPerWorker: dfItemsPerWorker}, many)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ix.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(p, many)
	if err != nil {
		t.Fatal(err)
	}
	for k := range 200 {
		w := text.DictWordOf(r.IntN(n))
		if k%2 == 1 { // a word an item writes
			w = text.DictWordOf(writtenWord(many[r.IntN(len(many))].Text, r, text.DictWordsIn))
		}
		want := 0
		for _, it := range many {
			if strings.Contains(it.Text, w) {
				want++
			}
		}
		for name, x := range map[string]*Index{"built": ix, "from parts": mapped} {
			if df, ok := x.ThaiDF(w); df != want || !ok {
				t.Fatalf("%s: ThaiDF(%q) = %d, %v; %d items write it", name, w, df, ok, want)
			}
		}
	}
}

// khmerItems are n made-up Khmer passages drawn as thaiItems draws Thai
// ones, from text's Khmer list (its largest of the three).
func khmerItems(n int, seed uint64) []Item {
	r := rand.New(rand.NewPCG(seed, 1))
	var vocab []string
	for id := range text.DictWordIDs() {
		if w := text.DictWordOf(id); w >= "\u1780" && w < "\u1800" {
			vocab = append(vocab, w)
		}
	}
	r.Shuffle(len(vocab), func(i, j int) { vocab[i], vocab[j] = vocab[j], vocab[i] })
	z := rand.NewZipf(r, synthZipfS, 1, uint64(len(vocab)-1))
	items := make([]Item, n)
	var sb strings.Builder
	for i := range items {
		sb.Reset()
		for k, gap := 0, 5+r.IntN(8); k < 50+r.IntN(101); k++ {
			if k == gap {
				sb.WriteByte(' ')
				gap += 5 + r.IntN(8)
			}
			sb.WriteString(vocab[z.Uint64()])
		}
		items[i] = Item{Doc: fmt.Sprintf("km%05d.txt", i/40), Title: vocab[z.Uint64()], Text: sb.String(), Lang: "km"}
	}
	return items
}

var khmerBench = sync.OnceValue(func() []Item { return khmerItems(10_000, 11) })

// BenchmarkBuildKhmer builds the index of 10,000 made-up Khmer passages
// (khmerItems): what counting the Lao, Khmer and Myanmar words adds to
// such a build.
func BenchmarkBuildKhmer(b *testing.B) { benchBuild(b, khmerBench()) }
