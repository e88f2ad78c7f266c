package text

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestNL(t *testing.T) {
	b, _ := os.ReadFile("/tmp/held/nl.txt")
	ok, n := 0, 0
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		n++
		if g := DetectLanguage(q); g == "nl" {
			ok++
		} else {
			fmt.Println("NLX", g, q)
		}
	}
	fmt.Println("NL", ok, n)
}
