package answer

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// rewriteSeeds are replies a model gives to the rewrite prompt, well and
// badly formed.
var rewriteSeeds = []string{
	"q: Who founded Ant Group?\nen: Ant Group founder\nfr: fondateur Ant Group",
	"- **Q**: « Qui a fondé Ant Group ? »\nfr: fondateur",
	"q：蚂蚁集团的创始人是谁？\nzh：蚂蚁集团 创始人",
	"Here you go:\n- en: DingTalk health code\n**FR**: « code de santé DingTalk »\nFrench: duplicate\nde: nicht gefragt\nar: رمز الصحة",
	"*: no language\n: nothing\nq:\n\"q\": \"quoted\"",
	"en: " + strings.Repeat("long ", 80),
	"und: what\nEnglish: x\x00y\u200b z",
}

// rewriteLangs holds a code without a name ("und", as an undetected
// corpus language is): a label naming nothing must not land on it.
var rewriteLangs = []string{"ar", "en", "fr", "zh", "und"}

// cleanOut reports whether s is what the parsers return: one clean line.
func cleanOut(s string) bool {
	return utf8.ValidString(s) && s == strings.TrimSpace(s) &&
		!strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) })
}

// labels returns the lower-cased label of every "label: text" line of a
// reply, as a model would mean it.
func labels(reply string) []string {
	var out []string
	for _, line := range strings.Split(reply, "\n") {
		line = strings.TrimLeft(strings.TrimSpace(line), "-*•> ")
		if i := strings.IndexAny(line, ":："); i > 0 {
			out = append(out, strings.ToLower(strings.Trim(line[:i], " *`\"'")))
		}
	}
	return out
}

// FuzzParseRewrite: whatever the model writes, the rewrites are clean
// lines of at most 200 runes and an ellipsis, at most one per language,
// never the original question, and each comes from a line labelled with a
// language asked for, by code or by name.
func FuzzParseRewrite(f *testing.F) {
	for _, s := range rewriteSeeds {
		f.Add(s, "What about DingTalk?")
	}
	f.Add("en: who is liu xu?", "Who is Liu Xu?")
	f.Fuzz(func(t *testing.T, reply, original string) {
		got := parseRewrite(reply, rewriteLangs, original)
		if len(got) > len(rewriteLangs) {
			t.Fatalf("parseRewrite(%q) = %q: more rewrites than languages", reply, got)
		}
		named := 0
		for _, l := range labels(reply) {
			if slices.Contains(rewriteLangs, l) || l != "" && codeOfName(l, rewriteLangs) != "" {
				named++
			}
		}
		if len(got) > named {
			t.Fatalf("parseRewrite(%q) = %q: %d rewrites from %d lines labelled with a language", reply, got, len(got), named)
		}
		for _, q := range got {
			if q == "" || !cleanOut(q) || utf8.RuneCountInString(q) > 201 || strings.EqualFold(q, original) {
				t.Fatalf("parseRewrite(%q, original %q) gave %q", reply, original, q)
			}
		}
	})
}

// FuzzParseStandalone: the standalone question is "" or one clean line of
// at most 300 runes and an ellipsis, found only on a line labelled q; a
// question written on such a line comes back as it was.
func FuzzParseStandalone(f *testing.F) {
	for _, s := range rewriteSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, reply string) {
		got := parseStandalone(reply)
		if got == "" {
			return
		}
		if !cleanOut(got) || utf8.RuneCountInString(got) > 301 || !slices.Contains(labels(reply), "q") {
			t.Fatalf("parseStandalone(%q) = %q", reply, got)
		}
		// Round trip: the question, written alone on a q line, is read back.
		if again := parseStandalone("q: " + got); again != got && !strings.HasSuffix(got, "…") {
			t.Fatalf("parseStandalone(%q) = %q, but of its own q line %q", reply, got, again)
		}
	})
}
