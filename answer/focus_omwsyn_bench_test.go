package answer

import (
	"testing"
	"testing/fstest"
)

// BenchmarkFocusOfSpanish times reading a Spanish question's focus, which
// looks up each word in the Spanish table of the Open Multilingual
// Wordnet (loaded before the timer: BenchmarkReadLang in package synonyms
// times that).
func BenchmarkFocusOfSpanish(b *testing.B) {
	st := newPipeline(b, loadFS(b, fstest.MapFS{
		"es.md": {Data: []byte("# Despliegue\n\nPara empezar el despliegue, ejecute la orden de instalación en el servidor. " +
			"La orden crea una versión nueva del servicio cada vez que se ejecuta. Después puede volver a una versión anterior.\n")},
	}), nil).state.Load()
	qs := []string{"¿Cómo comenzar el despliegue en el servidor?", "¿Qué crea la orden cada vez?", "¿Se puede volver a una versión anterior?", "¿Dónde se ejecuta la orden de instalación?"}
	for _, q := range qs {
		st.focusOf(st.withoutFraming(q))
	}
	i := 0
	for b.Loop() {
		st.focusOf(st.withoutFraming(qs[i%len(qs)]))
		i++
	}
}
