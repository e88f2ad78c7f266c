package text

import "testing"

func TestWithoutControls(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"a\x00b", "ab"},
		{"line\nbreak\ttab\r\n", "line\nbreak\ttab\r\n"},
		{"\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"del\x7f and C1\u0085\u009b", "del and C1"},
		{"zero\u200bwidth", "zero\u200bwidth"}, // a format character, not a control
		{"中文\x07", "中文"},
	} {
		if got := WithoutControls(tt.in); got != tt.want {
			t.Errorf("WithoutControls(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
