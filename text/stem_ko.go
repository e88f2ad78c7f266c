package text

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// KoreanStem returns a Korean word (a run of Hangul syllables, as written
// between spaces) without the particle or verb ending it ends with, when
// it ends with one of a closed list: "인자를" → 인자, "압축하려면" → 압축,
// "도구인가요" → 도구, "받나요" → 받. Korean glues particles (은, 를,
// 에서, 으로) and endings (합니다, 하려면, 나요) to the word, so that
// without this a question's "인자를" and a page's "인자는" share only the
// pair 인자, and "를" or "나요" make pairs of their own that match any
// page using them. Without a dictionary a syllable cannot be told from
// the noun it ends, so the cut is cautious: one ending, the longest; a
// one-syllable one only from a word of three syllables or more (사이,
// 결과, 권한 and 속도 keep theirs), a longer one only where a syllable
// is left. A noun that ends like a particle (디스플레이) loses it the same
// way in every text, which keeps its other pairs matching.
func KoreanStem(word string) string {
	n := utf8.RuneCountInString(word)
	if n < 2 {
		return word
	}
	for _, e := range koreanEndings() {
		if !strings.HasSuffix(word, e.s) {
			continue
		}
		left := n - e.n
		if left >= 2 || left >= 1 && (e.n >= 2 || koreanOnlyParticle[e.s]) {
			return word[:len(word)-len(e.s)]
		}
	}
	return word
}

// koreanOnlyParticle are particles no noun ends with: they go from a word
// of two syllables too (수도는, 이름을 keeps 을: 마을, 가을).
var koreanOnlyParticle = map[string]bool{"는": true, "를": true, "은": true}

type koreanEnding struct {
	s string
	n int // syllables
}

// koreanEndings are the particles and endings KoreanStem cuts, longest
// first: case and topic particles and their combinations, the copula and
// the endings of 하다/되다 verbs (whose stem is a noun: 압축하다) and of
// questions.
var koreanEndings = sync.OnceValue(func() []koreanEnding {
	const list = `
은 는 이 가 을 를 의 에 도 만 로 와 과
에서 에게 께서 한테 으로 부터 까지 보다 처럼 마다 이나 이란 라는 이라 이며 에는 에도 로는 로도 와는 과는 만을 만의 에만 으로서 로서 으로써 로써
에서는 에서도 에서의 에게는 으로는 으로도 부터는 까지는 이라는 이라고 라고 이라면 라면 이고 이면
입니다 입니까 인가요 인가 인지 일까요 인데 이다 였다 이었다 였나요 이었나요
합니다 합니까 하나요 했나요 할까요 하세요 하려면 하면 하고 하여 해서 하는 하기 하지 해야 했다 한다 하며 하게 함 한 할 해
됩니다 됩니까 되나요 됐나요 되었나요 되었습니다 될까요 되려면 되면 되고 되어 돼서 되는 되기 되지 돼야 됐다 된다 되며 되게 됨 된 될
습니다 습니까 나요 까요 려면 세요 었나요 았나요 었습니다 았습니다 는지 는데 니까
`
	var out []koreanEnding
	seen := map[string]bool{}
	for _, s := range strings.Fields(list) {
		if !seen[s] {
			seen[s] = true
			out = append(out, koreanEnding{s, utf8.RuneCountInString(s)})
		}
	}
	slices.SortStableFunc(out, func(a, b koreanEnding) int { return cmp.Compare(b.n, a.n) })
	return out
})

// IsKoreanEnding reports whether w is, whole, one of the particles and
// endings KoreanStem cuts: glued to a word of another script ("PHP로",
// "defineAsyncComponent는") it is all that is Korean of it.
func IsKoreanEnding(w string) bool {
	return slices.ContainsFunc(koreanEndings(), func(e koreanEnding) bool { return e.s == w })
}
