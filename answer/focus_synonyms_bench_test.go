package answer

import (
	"testing"
	"testing/fstest"
)

// BenchmarkFocusOf times reading a question's focus in languages whose
// words are looked up in a synonym table: Chinese pairs of ideographs in
// CC-CEDICT's, Spanish words in the Open Multilingual Wordnet's. Each
// table is loaded before the timer (BenchmarkReadChinese and
// BenchmarkReadLang in package synonyms time that).
func BenchmarkFocusOf(b *testing.B) {
	for _, c := range []struct {
		lang, doc string
		qs        []string
	}{
		{"zh", "# 部署\n\n每当你运行部署命令时，系统都会生成一个新的版本。" +
			"每一个版本都有自己的编号。部署之后可以回滚到以前的版本。使用之前需要满足以下前提条件。\n",
			[]string{"每次运行部署命令会生成什么？", "使用之前需要准备哪些条件？", "版本号是什么格式？", "可以回滚到以前的版本吗？"}},
		{"es", "# Despliegue\n\nPara empezar el despliegue, ejecute la orden de instalación en el servidor. " +
			"La orden crea una versión nueva del servicio cada vez que se ejecuta. Después puede volver a una versión anterior.\n",
			[]string{"¿Cómo comenzar el despliegue en el servidor?", "¿Qué crea la orden cada vez?", "¿Se puede volver a una versión anterior?", "¿Dónde se ejecuta la orden de instalación?"}},
	} {
		b.Run(c.lang, func(b *testing.B) {
			st := newPipeline(b, loadFS(b, fstest.MapFS{c.lang + ".md": {Data: []byte(c.doc)}}), nil).state.Load()
			for _, q := range c.qs {
				st.focusOf(st.withoutFraming(q))
			}
			i := 0
			for b.Loop() {
				st.focusOf(st.withoutFraming(c.qs[i%len(c.qs)]))
				i++
			}
		})
	}
}
