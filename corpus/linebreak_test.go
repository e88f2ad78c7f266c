package corpus

import (
	"strings"
	"testing"
)

// Chinese and Japanese are written without spaces, and their sources are
// wrapped anywhere: a line break between two of their characters is no
// space, as a browser shows it (CSS Text 3, segment breaks). Korean and
// Latin text keep the space. The sample text is made up.
func TestEastAsianLineBreaks(t *testing.T) {
	tests := []struct {
		name, path, src, want string
	}{
		{"markdown ja", "a.md", "# 変数\n\n値を変えることが\nできません。これは、\nRustの選択です。\n", "値を変えることができません。これは、 Rustの選択です。"},
		{"markdown zh", "a.md", "# 安装\n\n运行以下命令来安装\n本工具。\n", "运行以下命令来安装本工具。"},
		{"markdown ko keeps the space", "a.md", "# 설치\n\n다음 명령을 실행하여\n설치합니다.\n", "다음 명령을 실행하여 설치합니다."},
		{"markdown en keeps the space", "a.md", "# Install\n\nRun the command\nto install it.\n", "Run the command to install it."},
		{"markdown hard break keeps the space", "a.md", "# 変数\n\n値を変えることが\\\nできません。\n", "値を変えることが できません。"},
		{"html ja", "a.html", "<html><body><main><h1>変数</h1><p>値を変えることが\n  できません。</p></main></body></html>", "値を変えることができません。"},
		{"rst ja", "a.rst", "変数\n====\n\n値を変えることが\nできません。\n", "値を変えることができません。"},
		{"asciidoc ja list", "a.adoc", "= 変数\n\n* 値を変えることが\nできません。\n", "値を変えることができません。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadOne(t, tt.path, tt.src)
			if !strings.Contains(d.Text, tt.want) {
				t.Errorf("got text %q, want it to hold %q", d.Text, tt.want)
			}
		})
	}
}

// A line's anchor stays on its first character when the space before it
// is not written.
func TestEastAsianLineBreakAnchor(t *testing.T) {
	var bb blockBuilder
	bb.mark(1, 0)
	bb.write("できません。")
	bb.lineBreak()
	bb.mark(2, 0)
	bb.write("これは")
	b := bb.take(blockPara)
	if b.text != "できません。これは" {
		t.Fatalf("got %q", b.text)
	}
	want := []anchor{{0, 1, 0}, {len("できません。"), 2, 0}}
	if len(b.anchors) != 2 || b.anchors[0] != want[0] || b.anchors[1] != want[1] {
		t.Errorf("got anchors %v, want %v", b.anchors, want)
	}
}

// A ruby's reading (<rt>) and fallback parentheses (<rp>) are not part of
// the sentence: 様<rp>(</rp><rt>よう</rt><rp>)</rp> reads 様. Made-up text.
func TestRubyAnnotations(t *testing.T) {
	const ruby = "<ruby>様<rp>(</rp><rt>よう</rt><rp>)</rp></ruby>"
	tests := []struct {
		name, path, src, want string
	}{
		{"markdown inline", "a.md", "# ユニット" + ruby + "構造体\n\n借用ルールを侵害する<ruby>虞<rp>(</rp><rt>おそれ</rt><rp>)</rp></ruby>があります。\n", "ユニット様構造体\n\n借用ルールを侵害する虞があります。"},
		{"markdown unclosed rt ends with its paragraph", "a.md", "# T\n\n一つ<rt>目の段落。\n\n二つ目の段落。\n", "二つ目の段落。"},
		{"html", "a.html", "<main><h1>ユニット" + ruby + "構造体</h1><p>侵害する<ruby>虞<rt>おそれ</rt></ruby>があります。</p></main>", "ユニット様構造体\n\n侵害する虞があります。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadOne(t, tt.path, tt.src)
			if !strings.Contains(d.Text, tt.want) {
				t.Errorf("got text %q, want it to hold %q", d.Text, tt.want)
			}
			if strings.Contains(d.Text, "よう") || strings.Contains(d.Text, "おそれ") || strings.Contains(d.Text, "(") {
				t.Errorf("a reading is in the text: %q", d.Text)
			}
		})
	}
}
