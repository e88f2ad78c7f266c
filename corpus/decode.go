package corpus

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"corpusbot/text"
)

const (
	// sniffBytes is how much of a file the binary check looks at.
	sniffBytes = 8 << 10
	// maxInvalidPermille is the share of invalid UTF-8 bytes, in ‰, up to
	// which a file is repaired rather than skipped: a stray Latin-1 byte in a
	// UTF-8 file is worth keeping, a Latin-1 file is not UTF-8 at all.
	maxInvalidPermille = 10
)

// decoded is a file's bytes made into text.
type decoded struct {
	text    string
	invalid int  // invalid UTF-8 bytes replaced by U+FFFD
	inBytes bool // text is the bytes given, not a copy (see decodeOwned)
}

// decodeText turns a file's bytes into text: UTF-16 with a byte order mark is
// converted, a UTF-8 byte order mark dropped, a few invalid bytes replaced
// and "\r\n" made "\n". A non-empty kind, and reason, say why the file is
// not text.
func decodeText(b []byte) (d decoded, kind SkipKind, reason string) {
	return decode(b, false)
}

// decodeOwned is decodeText of bytes that nothing will write again: the
// text is those bytes (inBytes) when nothing had to be changed, not a copy.
func decodeOwned(b []byte) (d decoded, kind SkipKind, reason string) {
	return decode(b, true)
}

func decode(b []byte, owned bool) (d decoded, kind SkipKind, reason string) {
	if u, ok := decodeUTF16(b); ok {
		b, owned = u, false
	}
	b = trimBOM(b)
	if r := binaryReason(b); r != "" {
		return d, SkipBinary, r
	}
	var s string
	if owned && len(b) > 0 {
		s, d.inBytes = unsafe.String(unsafe.SliceData(b), len(b)), true
	} else {
		s = string(b)
	}
	if !utf8.ValidString(s) {
		n := countInvalid(s)
		if n*1000 > len(s)*maxInvalidPermille {
			return d, SkipEncoding, fmt.Sprintf("not UTF-8 text (%.1f%% of bytes invalid)", 100*float64(n)/float64(len(s)))
		}
		s, d.invalid, d.inBytes = repairUTF8(s), n, false
	}
	d.text = normalizeNewlines(s)
	if len(d.text) != len(s) {
		d.inBytes = false
	}
	return d, "", ""
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// decodeUTF16 converts text that starts with a UTF-16 byte order mark, as
// Windows editors write "Unicode" text.
func decodeUTF16(b []byte) ([]byte, bool) {
	if len(b) < 2 {
		return nil, false
	}
	var big bool
	switch {
	case b[0] == 0xFF && b[1] == 0xFE:
	case b[0] == 0xFE && b[1] == 0xFF:
		big = true
	default:
		return nil, false
	}
	b = b[2:]
	units := make([]uint16, len(b)/2)
	for i := range units {
		if big {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(units))), true
}

// binaryReason looks at the start of a file for what text never holds: NUL
// bytes, or mostly control characters.
func binaryReason(b []byte) string {
	if len(b) > sniffBytes {
		b = b[:sniffBytes]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "binary file (NUL bytes)"
	}
	// Eight bytes at a time, counted one by one only when one of them
	// may be a control character: in text, a line feed or a tab now and
	// then.
	ctrl, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		if x := binary.LittleEndian.Uint64(b[i:]); mayBeControl(x) != 0 {
			for _, c := range b[i : i+8] {
				ctrl += int(controlByte[c])
			}
		}
	}
	for _, c := range b[i:] {
		ctrl += int(controlByte[c])
	}
	if len(b) > 0 && ctrl*10 > len(b)*3 {
		return "binary file (mostly control characters)"
	}
	return ""
}

// mayBeControl has the high bit set in each byte of x under 0x20 or equal
// to 0x7F (DEL), and in no other: each byte's low seven bits plus 0x60
// reach 0x80 from 0x20 up, plus 0x01 only at 0x7F, without a carry.
func mayBeControl(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	low := x &^ high
	return (^(low + 0x60*ones) | (low + ones)) &^ x & high
}

// controlByte is 1 for the control characters text does not hold: all
// but tab, line feed, carriage return and form feed (NUL is looked for
// first).
var controlByte = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 1
	}
	t['\t'], t['\n'], t['\r'], t['\f'] = 0, 0, 0, 0
	t[0x7F] = 1
	return t
}()

func countInvalid(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// repairUTF8 replaces every invalid byte with U+FFFD, one for one, so the
// damage stays visible where it was.
func repairUTF8(s string) string {
	var sb strings.Builder
	sb.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	return sb.String()
}

func normalizeNewlines(s string) string {
	if strings.Contains(s, "\r\n") {
		return strings.ReplaceAll(s, "\r\n", "\n")
	}
	return s
}

// isBlankString reports whether s holds nothing visible.
func isBlankString(s string) bool {
	for _, r := range s {
		if !text.IsSpace(r) {
			return false
		}
	}
	return true
}
