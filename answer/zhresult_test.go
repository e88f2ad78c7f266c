package answer

import (
	"testing"
	"testing/fstest"
)

func TestWithResult(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"删掉", true},
		{"听到", true},
		{"借给", true},
		{"删除", false}, // 除 is no result complement
		{"民族", false},
		{"社会", false}, // 会 left out: it ends too many nouns
		{"删", false},
		{"ab", false},
	} {
		if got := withResult(tt.w); got != tt.want {
			t.Errorf("withResult(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestResultKin(t *testing.T) {
	for _, tt := range []struct {
		w     string
		terms []string
		want  bool
	}{
		{"删掉", []string{"命令", "删除", "文件"}, true},
		{"借给", []string{"银行", "借出"}, true},
		{"删掉", []string{"命令", "文件"}, false},
		{"删掉", []string{"删掉"}, false},  // the word itself is held as any word
		{"删掉", []string{"删除该"}, false}, // a term of three characters
		{"删掉", []string{"删该"}, false},  // two characters, no word
		{"删掉", []string{"helm", "del"}, false},
	} {
		if got := resultKin(tt.w, tt.terms); got != tt.want {
			t.Errorf("resultKin(%q, %v) = %v, want %v", tt.w, tt.terms, got, tt.want)
		}
	}
}

// A Chinese verb with a result complement the pages never write (删掉,
// delete-away) is held by the same verb written with another ending
// (删除); a word the pages never write that only shares its first
// character with theirs (民族, nation, and 民主, democracy) is not.
func TestResultKinAnswers(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"store.md": {Data: []byte("# 仓库\n\n卸载仓库的命令：删除它的全部文件和历史记录。\n\n仓库的文件放在服务器上。\n")},
		"city.md":  {Data: []byte("# 城市\n\n这个城市：民主制度已有两百年的历史。\n\n城市的服务器放在北方。\n")},
		"team.md":  {Data: []byte("# 团队\n\n团队每周开一次会。\n\n团队的成员来自五个国家。\n")},
	}), nil)
	checkAsks(t, p, []askCase{
		{"仓库会删掉什么？", "删除它的全部文件"},
		{"城市的民族是什么？", ""},
	})
}
