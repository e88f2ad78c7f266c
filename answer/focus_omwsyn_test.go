package answer

import (
	"math"
	"slices"
	"testing"
	"testing/fstest"
)

// A question in a language with an Open Multilingual Wordnet table
// (package synonyms, Lang) has its words held, at omwSynonymWeight, by the
// lemmas they share a synset with: Spanish "comenzar" by "empezar". A
// language without a table (Turkish) and an English question get none of
// them.
func TestFocusOMWSynonyms(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"es.md": {Data: []byte("# Despliegue\n\nPara empezar el despliegue, ejecute la orden de instalación en el servidor.\n\n" +
			"La orden crea una versión nueva del servicio cada vez que se ejecuta.\n")},
		"en.md": {Data: []byte("# Deploy\n\nTo begin the deployment, run the install command on the server.\n")},
	}), nil).state.Load()
	tests := []struct {
		question, word, alt string
		want                bool
	}{
		{"¿Cómo comenzar el despliegue en el servidor?", "comenzar", "empezar", true},
		{"¿Qué orden hay que ejecutar para iniciar el despliegue?", "iniciar", "empezar", true},
		{"How do I commence the deployment?", "commence", "empezar", false},
	}
	for _, tt := range tests {
		f := st.focusOf(st.withoutFraming(tt.question))
		i := slices.IndexFunc(f.words, func(w []string) bool {
			return slices.ContainsFunc(w, func(t string) bool { return t == st.index.Analyze(tt.word)[0] })
		})
		if i < 0 {
			t.Fatalf("%q: focus words %v, want %q among them", tt.question, f.words, tt.word)
		}
		alt := st.index.Analyze(tt.alt)[0]
		if got := slices.Contains(f.alts[i], alt); got != tt.want {
			t.Errorf("%q: synonyms of %q = %v, holding %q %v, want %v", tt.question, tt.word, f.alts[i], alt, got, tt.want)
		}
	}
	// A sentence with empezar against one without: comenzar is held at
	// omwSynonymWeight of its weight.
	f := st.focusOf(st.withoutFraming("¿Cómo comenzar el despliegue en el servidor?"))
	i := slices.IndexFunc(f.alts, func(a []string) bool { return len(a) > 0 })
	with := f.coverage(st.index.Analyze("Para empezar el despliegue, ejecute la orden en el servidor."), around{})
	without := f.coverage(st.index.Analyze("Para revisar el despliegue, ejecute la orden en el servidor."), around{})
	if got, want := with.held-without.held, f.weights[i]*omwSynonymWeight; math.Abs(got-want) > 1e-9 {
		t.Errorf("held with empezar %.3f, without %.3f: the difference %.3f, want %.3f", with.held, without.held, got, want)
	}
}

func TestSynonymWeightOf(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want float64
	}{{"en", synonymWeight}, {"zh", zhSynonymWeight}, {"es", omwSynonymWeight}, {"ru", omwSynonymWeight}} {
		if got := synonymWeightOf(tt.lang); got != tt.want {
			t.Errorf("synonymWeightOf(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}
