package verify_test

import (
	"fmt"
	"strings"

	"corpusbot/verify"
)

func ExampleParseCitations() {
	c := verify.ParseCitations("Sources disagree: 450 million [3] or 1 billion users [1, 3]. See also [7].", 3)
	fmt.Println(c.Text)
	fmt.Println(c.Used, c.Dropped)
	// Output:
	// Sources disagree: 450 million [1] or 1 billion users [2][1]. See also.
	// [3 1] [7]
}

// passages are the passages a prompt gave, numbered [1], [2], …: here one,
// in English, each sentence of it on a line of its own.
type passages []string

func (ps passages) Len() int                 { return len(ps) }
func (ps passages) Text(i int) string        { return ps[i] }
func (ps passages) Lang(int) string          { return "en" }
func (ps passages) Sentences(i int) []string { return strings.Split(ps[i], "\n") }

// words analyses text into lower-case words, as an index would.
type words struct{}

func (words) Analyze(text string) []string { return strings.Fields(strings.ToLower(text)) }

// A reply's claims are checked against the passages they cite: a quote
// found in its passage verifies its claim, one that is not there, or a
// claim citing nothing, is marked, and the quotes are taken out of the
// text.
func ExampleReader() {
	ps := passages{"Ant Group was told to spin off its micro-loan business.\nThe regulator set no deadline."}
	rd := verify.NewReader(ps, words{}, "What was Ant Group told?")
	r := rd.Render("Ant Group must spin off its lending arm [1] «told to spin off its micro-loan business». "+
		"It has a year to do so [1] «a year to do so». Alipay has a billion users.", false)
	fmt.Println(r.Text)
	for _, c := range r.Claims {
		fmt.Printf("%s %q\n", c.Support, c.Reason)
	}
	// Output:
	// Ant Group must spin off its lending arm [1]. ⚠¹ It has a year to do so [1]. ❔² Alipay has a billion users.
	// verified ""
	// unverified "quote_not_found"
	// uncited "uncited"
}

// A caller streaming a reply renders it again only where Write reports
// that a sentence may open: the pieces before show nothing a partial
// Render did not show already.
func ExamplePacer() {
	var p verify.Pacer
	for _, piece := range []string{"Alipay was told", " to spin off", " its loans [1].", " It", " agreed", " [2].\n", "- A list", " item"} {
		fmt.Printf("%q %v\n", piece, p.Write(piece))
	}
	// Output:
	// "Alipay was told" false
	// " to spin off" false
	// " its loans [1]." false
	// " It" true
	// " agreed" false
	// " [2].\n" false
	// "- A list" true
	// " item" false
}
