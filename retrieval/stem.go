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
		s := f.run(b, string(t.term))
		if s == string(t.term) {
			continue
		}
		start := len(b.arena)
		b.arena = append(b.arena, s...)
		t.term = b.arena[start:len(b.arena):len(b.arena)]
	}
	return toks
}

func (f stemFilter) run(b *analysisBuf, w string) string {
	if b.env == nil {
		b.env = snowball.NewEnv(w)
	} else {
		b.env.SetCurrent(w)
	}
	f.stem(b.env)
	if s := b.env.Current(); s != "" {
		return s
	}
	return w
}
