package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

const (
	// shortWords bounds the paragraphs the line patterns look at: page
	// furniture is short, and a long paragraph that mentions "all rights
	// reserved" is text.
	shortWords = 25
	// signOffAfterWords is how much article must come before a sign-off
	// ("Reporting by …", "Related") for it to end the article: at the top
	// of a page the same words are a byline or a menu.
	signOffAfterWords = 100
	// footerWords bounds the lines of a page footer ("Newspapers from China").
	footerWords = 6
	// teaserWords is the fewest words of a paragraph that rule 7 judges.
	teaserWords = 30
	// strayPermille is the share of a trailing paragraph's content words
	// under which it is taken for another story. Paragraphs of a short news
	// article share 20–60% of theirs with the paragraphs above; a teaser of
	// another story shares only generic words, about 10%.
	strayPermille = 120
	// strayMinKeys is the fewest distinct content words a paragraph needs
	// for its overlap with the article to mean anything.
	strayMinKeys = 30
	// unrelatedMinDocKeys is the fewest distinct content words a document
	// needs before a short line sharing none of them is taken as a stray.
	unrelatedMinDocKeys = 100
)

// mode is where the noise rules are in a page, read top to bottom.
type mode uint8

const (
	modeArticle  mode = iota
	modeTrailing      // after a sign-off: what follows is Aside
	modeComments      // after a comment form: what follows is dropped
)

// classify sets the role of each paragraph: the first line (the title)
// and the article are Body; teasers and related links Aside; page
// furniture dropped. The rules, in order:
//
//  1. line patterns: comment forms, share buttons, copyright, photo credits
//     and template placeholders are dropped wherever they are;
//  2. a comment form ("Leave a Reply") drops everything after it;
//  3. a repeated paragraph is dropped after its first occurrence;
//  4. a sign-off after the article ("Additional reporting by …" kept,
//     "Related", "موصى به" dropped) makes everything after it Aside; an
//     inline "Lire aussi …" link is Aside on its own;
//  5. the short lines around a copyright line at the end are a footer;
//  6. a short heading-like line sharing no content word with the rest of
//     the document is Aside (a teaser headline dropped into a page);
//  7. long paragraphs at the end that are cut off mid-sentence or share
//     almost no content words with the article are Aside (teasers without
//     a sign-off).
func (r *noiseRules) classify(text string, ps []para) {
	first := -1
	for i := range ps {
		if ps[i].role != roleFiller {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	r.classifyLines(text, ps, first)
	dropFooter(text, ps, first)
	if countRole(ps, roleBody) < 3 {
		return // a title and an abstract: nothing to compare
	}
	keys := newKeyIndex(text, ps)
	defer keys.release()
	markStrays(ps, keys, first)
	markTeaserTail(text, ps, keys)
}

// classifyLines applies rules 1–4, reading the page top to bottom.
func (r *noiseRules) classifyLines(src string, ps []para, first int) {
	seen := make(map[string]bool)
	m := modeArticle
	before := ps[first].words
	for i := first + 1; i < len(ps); i++ {
		p := &ps[i]
		if p.role == roleFiller {
			continue
		}
		t := src[p.start:p.end]
		key, marker := t, ""
		short := p.words <= shortWords
		if short {
			key = text.Fold(t)
			marker = markerText(key)
		}
		// A repeated paragraph is page furniture, unless it is a heading
		// that starts a section (a section title repeats its table of
		// contents entry) or code and data (YAML keys and code lines repeat).
		dupe := p.words >= 3 && seen[key] && !(p.heading && startsSection(ps, i)) && !looksLikeCode(t)
		seen[key] = true
		switch {
		case m == modeComments:
			p.role = roleDrop
		case short && r.isBoilerplate(key, marker, p.words):
			p.role, p.boiler = roleDrop, true
		case short && r.isCommentForm(marker):
			p.role = roleDrop
			if before >= signOffAfterWords { // at the top it is a link under the title
				m = modeComments
			}
		case dupe:
			p.role = roleDrop
		case short && equalsAny(marker, r.related):
			p.role = roleDrop // a label with nothing of its own
			// What follows is links to other stories only at the end of a
			// page: less text after the label than the article before it.
			if before >= signOffAfterWords && 2*wordsAfter(ps, i) < before {
				m = modeTrailing
			}
		case short && hasPrefixAny(marker, r.credits) && before >= signOffAfterWords:
			// The credit belongs to the article; what follows does not.
			p.heading = false
			if m == modeTrailing {
				p.role = roleAside
			}
			m = modeTrailing
		case short && hasPrefixAny(marker, r.inlineRelated):
			p.role = roleAside
		case m == modeTrailing:
			p.role = roleAside
		}
		if p.role == roleBody {
			before += p.words
		}
	}
}

// isBoilerplate reports whether a short folded line is page furniture.
func (r *noiseRules) isBoilerplate(folded, marker string, words int) bool {
	if equalsAny(marker, r.boilerplateLines) || containsAny(folded, r.boilerplate) {
		return true
	}
	// An unfilled template: "Connecting to %s", "%d bloggers like this";
	// not a format string in code ("fmt.Printf(\"%s\n\", x)").
	if (strings.Contains(folded, "%s") || strings.Contains(folded, "%d")) && !looksLikeCode(folded) {
		return true
	}
	if words > 15 {
		return false
	}
	if containsAny(folded, r.photoCredits) {
		return true
	}
	for _, l := range r.photoLabels {
		if i := strings.Index(marker, l); i == 0 || i > 0 && strings.HasSuffix(marker[:i], ". ") {
			return true // "Photo: AFP", "(Photo: AFP)", "صورة تمثيلية. الصورة: ملف"
		}
	}
	return false
}

// looksLikeCode reports whether a line reads as code or data rather than
// prose: it holds brackets, quotes, operators or a backslash, or is a
// "key: value" or "key = value" pair.
func looksLikeCode(t string) bool {
	if strings.ContainsAny(t, "{}()[];=<>\\\"`$") {
		return true
	}
	k, _, ok := strings.Cut(strings.TrimLeft(t, "-* "), ":")
	return ok && k != "" && !strings.ContainsAny(k, " \t")
}

// startsSection reports whether a paragraph of text follows ps[i]: a
// heading above text, not a caption or label left at the end.
func startsSection(ps []para, i int) bool {
	for _, p := range ps[i+1:] {
		if p.role == roleFiller {
			continue
		}
		return !p.heading && p.words >= shortWords/2
	}
	return false
}

// wordsAfter counts the words of the paragraphs after ps[i].
func wordsAfter(ps []para, i int) int {
	n := 0
	for _, p := range ps[i+1:] {
		n += p.words
	}
	return n
}

// isCommentForm reports whether a line opens a comment section.
func (r *noiseRules) isCommentForm(marker string) bool {
	if hasPrefixAny(marker, r.comments) {
		return true
	}
	// "12 comments", "3 responses to …"
	n := strings.TrimLeft(marker, "0123456789")
	return len(n) < len(marker) && hasPrefixAny(n, r.commentCounts)
}

// dropFooter applies rule 5: from the end, short lines without final
// punctuation and dropped lines form the footer when a boilerplate line is
// among them ("Newspapers in English / Newspapers from China / ©
// PressReader").
func dropFooter(src string, ps []para, first int) {
	from, boiler := len(ps), false
scan:
	for i := len(ps) - 1; i > first; i-- {
		p := ps[i]
		switch {
		case p.role == roleFiller:
			continue
		case p.boiler:
			boiler = true
		case p.role == roleDrop:
		case p.words <= footerWords && !p.bullet && !text.EndsSentence(src[p.start:p.end]):
		default:
			break scan
		}
		from = i
	}
	if !boiler {
		return
	}
	for i := from; i < len(ps); i++ {
		if ps[i].role != roleFiller {
			ps[i].role = roleDrop
		}
	}
}

// markStrays applies rule 6: a heading-like Body line whose content words
// (two at least) appear nowhere else in a document of some length is a
// stray, such as a teaser headline ("ما هو افضل سن للزواج") above an
// article about something else.
func markStrays(ps []para, keys *keyIndex, first int) {
	candidate := false
	for i := first + 1; i < len(ps); i++ {
		if ps[i].role == roleBody && ps[i].heading {
			candidate = true
			break
		}
	}
	if !candidate {
		return // no need to count the document's words
	}
	// docFreq counts, for each content key, the Body and Aside paragraphs
	// that use it.
	judged := func(p para) bool { return p.role == roleBody || p.role == roleAside }
	for i, p := range ps {
		if judged(p) {
			keys.of(i)
		}
	}
	docFreq := make([]int32, keys.size())
	distinct := 0
	for i, p := range ps {
		if !judged(p) {
			continue
		}
		for _, id := range keys.of(i) {
			if docFreq[id] == 0 {
				distinct++
			}
			docFreq[id]++
		}
	}
	if distinct < unrelatedMinDocKeys {
		return
	}
	for i := first + 1; i < len(ps); i++ {
		p := &ps[i]
		if p.role != roleBody || !p.heading {
			continue
		}
		set := keys.of(i)
		if len(set) < 2 {
			continue
		}
		shared := false
		for _, id := range set {
			if docFreq[id] > 1 {
				shared = true
				break
			}
		}
		if !shared {
			p.role = roleAside
		}
	}
}

// markTeaserTail applies rule 7: reading up from the end, long Body
// paragraphs in the second half of the document that are cut off
// mid-sentence (as previews of other stories are) or share under
// strayPermille of their content words with the paragraphs above them are
// Aside, up to the first long paragraph that is neither.
func markTeaserTail(text string, ps []para, keys *keyIndex) {
	body := make([]int, 0, len(ps))
	total := 0
	for i, p := range ps {
		if p.role == roleBody {
			body = append(body, i)
			total += p.words
		}
	}
	if len(body) < 4 {
		return
	}
	before := total // words of the Body paragraphs above body[j], and body[j]
	for j := len(body) - 1; j > 0; j-- {
		p := &ps[body[j]]
		if 2*(before-p.words) < total {
			return // the first half is the article, whatever it says
		}
		before -= p.words
		if p.words < teaserWords || p.bullet {
			continue
		}
		if !looksTruncated(text[p.start:p.end]) && !keys.isStray(body[j], body[:j]) {
			return
		}
		p.role = roleAside
	}
}

// looksTruncated reports whether a paragraph stops mid-sentence or trails
// off in an ellipsis, as a preview does.
func looksTruncated(t string) bool {
	t = strings.TrimRightFunc(t, text.IsCloser)
	return !text.EndsSentence(t) && !strings.HasSuffix(t, ":") ||
		strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...")
}

func countRole(ps []para, r role) int {
	n := 0
	for _, p := range ps {
		if p.role == r {
			n++
		}
	}
	return n
}

func equalsAny(s string, list []string) bool {
	for _, l := range list {
		if s == l {
			return true
		}
	}
	return false
}

// hasPrefixAny reports whether s starts with one of list as whole words.
func hasPrefixAny(s string, list []string) bool {
	for _, l := range list {
		if rest, ok := strings.CutPrefix(s, l); ok {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, list []string) bool {
	for _, l := range list {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}
