package answer

import (
	"testing"
	"testing/fstest"
)

// BenchmarkFocusOfChinese times reading a Chinese question's focus, which
// looks up each pair of ideographs in the Chinese synonym table (loaded
// before the timer: BenchmarkReadChinese in package synonyms times that).
func BenchmarkFocusOfChinese(b *testing.B) {
	st := newPipeline(b, loadFS(b, fstest.MapFS{
		"zh.md": {Data: []byte("# 部署\n\n每当你运行部署命令时，系统都会生成一个新的版本。" +
			"每一个版本都有自己的编号。部署之后可以回滚到以前的版本。使用之前需要满足以下前提条件。\n")},
	}), nil).state.Load()
	qs := []string{"每次运行部署命令会生成什么？", "使用之前需要准备哪些条件？", "版本号是什么格式？", "可以回滚到以前的版本吗？"}
	for _, q := range qs {
		st.focusOf(st.withoutFraming(q))
	}
	i := 0
	for b.Loop() {
		st.focusOf(st.withoutFraming(qs[i%len(qs)]))
		i++
	}
}
