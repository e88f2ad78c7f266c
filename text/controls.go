package text

import (
	"strings"
	"unicode"
)

// WithoutControls drops the control characters of s but line breaks and
// tabs: NUL and the like mean nothing to a reader, and PostgreSQL refuses
// to store a text holding NUL. s comes back as it is when it has none.
func WithoutControls(s string) string {
	if !strings.ContainsFunc(s, isStrayControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isStrayControl(r) {
			return -1
		}
		return r
	}, s)
}

func isStrayControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r'
}
