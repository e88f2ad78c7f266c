package answer

import (
	"testing"
	"testing/fstest"
)

// A Japanese question is read by its scripts: its hiragana frames it
// (とは, ですか, にするには), a katakana word is one word held by a
// sentence that writes it, and its kanji pairs are words though the
// Chinese dictionary does not know them (変数, 可変).
func TestJapaneseFocus(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"vars.md": {Data: []byte("# 変数\n\nシャドーイングとは、同じ名前で新しい変数を宣言することです。\n\n" +
			"変数は標準で不変です。mutを付けると変数を可変にできます。\n")},
		"mem.md": {Data: []byte("# メモリ\n\nメモリはスコープを抜けると解放されます。\n\nインデックスは0から始まります。\n")},
		"log.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n")},
	}), nil)
	checkAsks(t, p, []askCase{
		{"シャドーイングとは何ですか？", "同じ名前で新しい変数を宣言する"},
		{"変数を可変にするにはどうすればいいですか？", "変数を可変にできます"},
		// イン of インデックス is no part of what is asked.
		{"インターフェースとは何ですか？", ""},
		{"トランザクションとは何ですか？", ""},
	})
}
