package text

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"corpusbot/internal/cputime"
)

// Lao, Khmer and Myanmar runs are cut into the words of ICU's lists, as
// Thai's are into PyThaiNLP's; before, each run was one word, and a
// sentence of nine words counted one.
func TestDictWords(t *testing.T) {
	for _, tt := range []struct {
		name, s string
		want    []string
	}{
		{"lao", "ລັດຖະບານໄດ້ຂໍໃຫ້ບໍລິສັດເປີດເວທີຂອງພວກເຂົາ",
			[]string{"ລັດຖະບານ", "ໄດ້", "ຂໍ", "ໃຫ້", "ບໍລິສັດ", "ເປີດ", "ເວທີ", "ຂອງ", "ພວກເຂົາ"}},
		{"lao repetition and ellipsis marks end a word", "ງ່າຍໆ ລາວຯ",
			[]string{"ງ່າຍ", "ລາວ"}},
		{"khmer", "រដ្ឋាភិបាលបានស្នើឱ្យក្រុមហ៊ុនបើកវេទិការបស់ពួកគេ",
			[]string{"រដ្ឋាភិបាល", "បាន", "ស្នើ", "ឱ្យ", "ក្រុមហ៊ុន", "បើក", "វេទិកា", "របស់", "ពួកគេ"}},
		{"khmer repetition mark and full stop", "ផ្សេងៗ។",
			[]string{"ផ្សេង"}},
		{"myanmar, ၎ and ၏ words of their own", "အစိုးရက ၎င်းတို့၏ ပလက်ဖောင်းများကို တောင်းဆိုခဲ့သည်။",
			[]string{"အစိုးရ", "က", "၎င်း", "တို့", "၏", "ပလက်ဖောင်း", "များ", "ကို", "တောင်း", "ဆို", "ခဲ့", "သည်"}},
		{"scripts and digits apart", "ລາວ2026ខ្មែរabcမြန်မာ",
			[]string{"ລາວ", "2026", "ខ្មែរ", "abc", "မြန်မာ"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for sp := range Words(tt.s) {
				got = append(got, tt.s[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Words(%q) = %q, want %q", tt.s, got, tt.want)
			}
			if n := CountWords(tt.s); n != len(tt.want) {
				t.Errorf("CountWords(%q) = %d, want %d", tt.s, n, len(tt.want))
			}
		})
	}
}

// Burmese typed with the asat before the dot below (most text) is cut as
// when typed in Unicode's order (ICU's list): before, a word so typed
// matched nothing, and its run was one unknown stretch.
func TestDictWordsMyanmarOrder(t *testing.T) {
	canonical := "ကျွန်တော့်တို့်သည်ကြည့်ရှုခဲ့်သည်"
	typed := strings.ReplaceAll(canonical, "့်", "့်")
	cut := func(s string) (out []string) {
		for sp := range Words(s) {
			out = append(out, strings.ReplaceAll(s[sp.Start:sp.End], "့်", "့်"))
		}
		return out
	}
	want, got := cut(canonical), cut(typed)
	if len(want) < 4 || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Words(%q) = %q, want %q (as typed in Unicode's order), of four words or more", typed, got, want)
	}
}

// A word never starts inside a letter's marks or stack, nor at a final
// consonant: the ICU lists' words all end where a word may (else no cut
// could match them), and so does every cut.
func TestDictTables(t *testing.T) {
	for _, tt := range []struct {
		sc   dictScript
		name string
		min  int
	}{{dictLao, "lo", 30000}, {dictKhmer, "km", 80000}, {dictMyanmar, "my", 40000}} {
		words := dictWords(tt.sc)
		if len(words) < tt.min {
			t.Errorf("%s: %d words, want at least %d", tt.name, len(words), tt.min)
		}
		inner := 0
		for w := range words {
			rs := []rune(w)
			if len(rs) > maxDictWord {
				t.Errorf("%s: %q is longer than %d", tt.name, w, maxDictWord)
			}
			for _, r := range rs {
				if dictOf(r) != tt.sc {
					t.Fatalf("%s: %q holds %U, not of its script's runs (gen_dictwords.go and dictOf differ)", tt.name, w, r)
				}
			}
			if !breaksBefore(tt.sc, rs, 0) || !breaksBefore(tt.sc, append(rs, 'ក'), len(rs)) {
				inner++
			}
		}
		// A few words of a list end before a mark of the next (ICU's lists
		// hold some fragments); the rules must not lose more.
		if inner*200 > len(words) {
			t.Errorf("%s: %d of %d words start or end where no word may", tt.name, inner, len(words))
		}
	}
}

// FuzzDictWords holds segment to cutting a run into words end to end, never
// where breaksBefore forbids, in every script.
func FuzzDictWords(f *testing.F) {
	for _, s := range []string{"ລັດຖະບານໄດ້", "ເແໂໃໄ", "ໍ່ກ", "រដ្ឋាភិបាល", "្ក", "ន៍", "ကုမ္ပဏီ", "င်္ဂ", "်က", "၎င်း"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, _ := utf8.DecodeRuneInString(s)
		sc := dictOf(r)
		if sc == dictNone {
			return
		}
		run := s[:dictRunEnd(sc, s, 0)]
		rs := []rune(run)
		at, k := 0, 0
		for _, sp := range segment(sc, run, 0) {
			if sp.Start != at || sp.End <= sp.Start {
				t.Fatalf("segment(%q): word %d:%d after %d", run, sp.Start, sp.End, at)
			}
			k += utf8.RuneCountInString(run[sp.Start:sp.End])
			if k < len(rs) && !breaksBefore(sc, rs, k) {
				t.Fatalf("segment(%q): a word ends before %q", run, rs[k])
			}
			at = sp.End
		}
		if at != len(run) {
			t.Fatalf("segment(%q) ends at %d of %d", run, at, len(run))
		}
	})
}

// BenchmarkCountWordsDict counts the words of Lao, Khmer and Myanmar prose
// (sentences made up for the tests, clauses parted by spaces as the
// scripts write them), the cost the word lists add to every such paragraph
// loaded.
func BenchmarkCountWordsDict(b *testing.B) {
	for _, tt := range []struct{ name, s string }{
		{"lo", "ລັດຖະບານໄດ້ຂໍໃຫ້ບໍລິສັດເປີດເວທີຂອງພວກເຂົາ ພາສາລາວບໍ່ມີການຍະຫວ່າງລະຫວ່າງຄໍາ "},
		{"km", "រដ្ឋាភិបាលបានស្នើឱ្យក្រុមហ៊ុនបើកវេទិការបស់ពួកគេ ភាសាខ្មែរមិនដកឃ្លារវាងពាក្យទេ "},
		{"my", "အစိုးရက ကုမ္ပဏီများကို ၎င်းတို့၏ ပလက်ဖောင်းများကို ဖွင့်ရန် တောင်းဆိုခဲ့သည်။ မြန်မာဘာသာစကားသည် စကားလုံးများကြား နေရာလွတ်မထားပါ။ "},
	} {
		b.Run(tt.name, func(b *testing.B) {
			s := strings.Repeat(tt.s, 10240/len(tt.s)+1)
			b.SetBytes(int64(len(s)))
			start := cputime.Now()
			for b.Loop() {
				CountWords(s)
			}
			b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkReadWordSet reads Thai's table into its set, as the first Thai
// text met does: gzipped as embedded, and from the same lines already
// decompressed (what the embedded text cost before it was gzipped).
func BenchmarkReadWordSet(b *testing.B) {
	plain := strings.Join(slices.Sorted(maps.Keys(readWordSet(thWordsData))), "\n") + "\n"
	for _, tt := range []struct{ name, data string }{{"gzip", thWordsData}, {"plain", plain}} {
		b.Run(tt.name, func(b *testing.B) {
			start := cputime.Now()
			for b.Loop() {
				readWordSet(tt.data)
			}
			b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
