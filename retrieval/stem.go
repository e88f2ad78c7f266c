package retrieval

import (
	snowball "github.com/blevesearch/snowballstem"
)

// stemFilter applies a Snowball stemmer to word tokens. Stemming allocates;
// an index build calls it once per distinct word (see analyzeShard).
type stemFilter struct {
	stem func(*snowball.Env) bool
}

func (f stemFilter) filter(b *analysisBuf, toks []token) []token {
	for i := range toks {
		t := &toks[i]
		if t.kind != kindWord || t.stop {
			continue
		}
		s := f.run(string(t.term))
		if s == string(t.term) {
			continue
		}
		start := len(b.arena)
		b.arena = append(b.arena, s...)
		t.term = b.arena[start:len(b.arena):len(b.arena)]
	}
	return toks
}

func (f stemFilter) run(w string) string {
	env := snowball.NewEnv(w)
	f.stem(env)
	if s := env.Current(); s != "" {
		return s
	}
	return w
}
