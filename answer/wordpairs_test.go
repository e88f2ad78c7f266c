package answer

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"testing"
)

// A table of pairs reads both ways; comments and lines without the
// separator are passed over.
func TestWordPairs(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("# a comment\thead\npolish\tpoland\nno separator\npole\tpoland\n"))
	zw.Close()
	got := wordPairs(b.Bytes(), "\t", "test")
	want := map[string][]string{"polish": {"poland"}, "poland": {"polish", "pole"}, "pole": {"poland"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
