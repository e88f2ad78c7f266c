package verify

import (
	"testing"

	"corpusbot/text"
)

// A Latin name right after a Chinese or Japanese character starts a word:
// text.MatchFold writes no space between them ("是 PingCAP 公司" folds to
// "是pingcap公司"), so the claim "TiDB 是 PingCAP 公司研发的…", quoting the
// sentence "TiDB 是 PingCAP 公司自主设计、研发的…", was marked ⚠ "所引句子
// 没有提到 PingCAP" (round eleven, PingCAP's Chinese docs through Discord).
func TestHasWordPrefixAfterUnspacedScript(t *testing.T) {
	tests := []struct {
		text, w string
		want    bool
	}{
		{"TiDB 是 PingCAP 公司自主设计", "pingcap", true},
		{"TiDB是PingCAP公司", "pingcap", true},
		{"データベースPingCAPが開発した", "pingcap", true},
		{"PingCAP 公司", "pingcap", true},
		{"a PingCAP tool", "pingcap", true},
		{"MyPingCAP tools", "pingcap", false},
		{"是 MyPingCAP 工具", "pingcap", false},
		{"是 Google 公司", "pingcap", false},
	}
	for _, tt := range tests {
		if got := hasWordPrefix(text.MatchFold(tt.text), tt.w); got != tt.want {
			t.Errorf("hasWordPrefix(%q, %q) = %v, want %v", text.MatchFold(tt.text), tt.w, got, tt.want)
		}
	}
}
