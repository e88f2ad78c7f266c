package verify

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// Support is what the check of a sentence found.
type Support string

// Supports. A sentence that makes no claim (a heading, a lead-in ending in
// ":", a statement that the passages do not say something) has none.
const (
	// Verified: every citation carries a quote found in the passage it
	// cites, and, in the passage's language, the quote's sentence holds the
	// sentence's figures, names and negations.
	Verified Support = "verified"
	// Weak: the quote is in the cited passage, but its sentence lacks a
	// figure, a name or a negation of the claim.
	Weak Support = "weak"
	// Unverified: a citation without a quote, or with a quote that is not
	// in the passage it cites.
	Unverified Support = "unverified"
	// Uncited: a claim that cites nothing.
	Uncited Support = "uncited"
)

// Reason says why a sentence is not verified.
type Reason string

// Reasons.
const (
	ReasonNoQuote      Reason = "no_quote"        // a citation without a quote
	ReasonShortQuote   Reason = "short_quote"     // too short to show anything
	ReasonNotFound     Reason = "quote_not_found" // in none of the passages given
	ReasonOtherPassage Reason = "other_passage"   // in a passage it does not cite
	ReasonNumber       Reason = "number"          // a figure the quote's sentence lacks
	ReasonName         Reason = "name"            // a name the quote's sentence lacks
	ReasonNegation     Reason = "negation"        // a negation on one side only
	ReasonUncited      Reason = "uncited"
	// A line of a code block the model wrote is in no passage it cites
	// (Text is that line), or only in a passage given but never cited.
	ReasonCodeNotFound Reason = "code_not_found"
	ReasonCodeUncited  Reason = "code_uncited"
)

// Claim is one sentence of a result and what backs it.
type Claim struct {
	Text    string   // as shown, without citations or mark
	Cites   []int    // its citations, numbered as in Rendered.Text
	Quotes  []string // the quotes it gave, as written
	Support Support  `json:",omitempty"`
	Reason  Reason   `json:",omitempty"`
	// Detail is the figure or name missing, or the number of the passage
	// a misplaced quote is from ("" when it is from none cited).
	Detail string `json:",omitempty"`
	// Mark numbers the sentence's mark in Rendered.Text (⚠¹, ❔²); 0 when it
	// is not marked.
	Mark int `json:",omitempty"`

	backed map[int]string // citation → the quote found in its passage
}

// Marked reports whether the reader is warned about the claim.
func (c Claim) Marked() bool { return c.Mark > 0 }

// Mark symbols: a citation that does not back its sentence, and a claim
// that cites nothing. They open the sentence, so that splitting a long
// answer into messages (at sentence ends) never parts a mark from its
// sentence, and a streamed sentence shows with its mark at once.
const (
	markUnverified = "⚠"
	markUncited    = "❔"
)

// MarkText is the mark that opens the sentence of a marked claim, ⚠ for
// a citation that does not back it, ❔ for no citation, with its number:
// ⚠³.
func (c Claim) MarkText() string {
	sym := markUnverified
	if c.Support == Uncited {
		sym = markUncited
	}
	return sym + superscript(c.Mark)
}

func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	var b strings.Builder
	for _, d := range []byte(strconv.Itoa(n)) {
		r := []rune(digits)[d-'0']
		b.WriteRune(r)
	}
	return b.String()
}

// Passages is what the checker needs of the passages a reply was given,
// numbered from 0: passage i is the prompt's [i+1].
type Passages interface {
	Len() int
	Text(i int) string        // as the prompt gave it
	Sentences(i int) []string // its sentences, as written
	Lang(i int) string        // its document's language (text's codes)
}

// Analyzer reads text into search terms as the index does
// (retrieval.Index): a text without any says nothing searchable, and a
// capitalised word without any is a function word ("The", "Il").
type Analyzer interface {
	Analyze(text string) []string
}

// checker verifies the claims of one reply against the passages it was
// given. It caches the folded passages; one checker serves one reply, also
// while it streams.
type checker struct {
	ps       Passages
	an       Analyzer
	question string // folded: restating it proves nothing and needs no proof
	asked    string // as written, for its figures
	folded   map[int]*foldedText
	code     map[int]string  // a passage's text with white space as single spaces
	names    map[string]bool // capitalised words inside the passages' sentences
}

func newChecker(ps Passages, an Analyzer, question string) *checker {
	return &checker{ps: ps, an: an, question: text.MatchFold(question), asked: question, folded: map[int]*foldedText{}, code: map[int]string{}}
}

func (ck *checker) block(i int) *foldedText {
	if f, ok := ck.folded[i]; ok {
		return f
	}
	sents := ck.ps.Sentences(i)
	if len(sents) == 0 {
		sents = []string{ck.ps.Text(i)}
	}
	f := foldSentences(sents)
	ck.folded[i] = f
	return f
}

// check evaluates one sentence: plain is its text without citations, runs
// the citation runs in it, used the renumbering.
func (ck *checker) check(plain string, runs []citeRun, used []int) Claim {
	c := Claim{Text: plain}
	for _, r := range runs {
		c.Cites = append(c.Cites, r.nums...)
		if r.quote != "" {
			c.Quotes = append(c.Quotes, r.quote)
		}
	}
	if len(runs) == 0 {
		if ck.isClaim(plain) {
			c.Support, c.Reason = Uncited, ReasonUncited
		}
		return c
	}
	var evidence []string
	sameLang := true
	lang := text.GuessLanguage(plain)
	negatable := knowsNegation(lang)
	langs := []string{lang}
	backed := map[int]string{}
	for _, r := range runs {
		reason, detail, ev, n := ck.checkRun(r, used)
		if reason != "" {
			c.Support, c.Reason, c.Detail = Unverified, reason, detail
			return c
		}
		backed[n] = r.quote
		evidence = append(evidence, ev...)
		for _, n := range r.nums {
			dl := ck.ps.Lang(used[n-1] - 1)
			if lang == "" || dl != lang {
				sameLang = false
			}
			negatable = negatable && knowsNegation(dl)
			langs = append(langs, dl)
		}
	}
	c.Support, c.backed = Verified, backed
	quotes := strings.Join(c.Quotes, " ")
	reason, detail := Reason(""), ""
	if sameLang {
		reason, detail = ck.weak(plain, quotes, strings.Join(evidence, " "), lang)
	} else {
		reason, detail = ck.weakAcross(plain, quotes, strings.Join(evidence, " "), negatable, langs)
	}
	if reason != "" {
		c.Support, c.Reason, c.Detail = Weak, reason, detail
	}
	return c
}

// addresses are what a claim may hold that is not its prose: links
// ("https://…/v1/…", "<https://…>") and Discord's tags (channels, user and
// role mentions, commands, timestamps, custom emoji). Their digits are an
// address, not a figure the quoted sentence must give.
var addresses = regexp.MustCompile(`(?i)<[a-z][a-z0-9+.-]*://[^\s<>]*>|\b[a-z][a-z0-9+.-]*://[^\s<>()]*(?:\([^\s<>()]*\)[^\s<>()]*)*|<(?:@[!&]?\d+|#\d+|/[^<>:\n]{1,100}:\d+|t:-?\d+(?::[a-z])?|a?:\w+:\d+|id:\w+)>`)

// prose is claim without its links and Discord tags, for reading its
// figures and names.
func prose(claim string) string {
	return addresses.ReplaceAllString(claim, " ")
}

// negationLangs are the languages negationWords covers.
var negationLangs = map[string]bool{"en": true, "fr": true, "ar": true, "zh": true}

// knowsNegation reports whether negated reads "not" in language lang.
func knowsNegation(lang string) bool {
	_, unspaced := unspacedNegations[lang]
	return negationLangs[lang] || negationByLang[lang] != nil || unspaced
}

// weakAcross is weak for a claim in another language than its passages:
// only what reads the same in both is compared. Figures are read into
// values in every language ("1 billion" is "مليار" and "10亿"); a
// negation is compared when both languages are ones negationWords covers.
func (ck *checker) weakAcross(claim, quotes, evidence string, negatable bool, langs []string) (Reason, string) {
	claim = prose(claim)
	// Number words are read into digits on both sides (numwords.go): the
	// claim's in its own language, the evidence's in every language of
	// the run.
	digits, spelled := text.SpelledAsDigits(claim, langs[0])
	ev := append([]string{evidence, quotes, ck.asked}, text.SpelledEvidence(evidence+" "+quotes+" "+ck.asked, langs)...)
	if f, ok := text.MissingFigure(digits, ev, false); ok {
		if w, ok := spelled[f.Text]; ok {
			return ReasonNumber, w
		}
		return ReasonNumber, f.Text
	}
	if negatable && negated(claim, langs...) != negated(evidence, langs...) && (negated(claim, langs...) || negated(quotes, langs...)) {
		return ReasonNegation, ""
	}
	return "", ""
}

// checkRun looks for a run's quote in the passages it cites. It returns the
// sentences holding the quote and the citation whose passage holds it, or
// why it fails.
func (ck *checker) checkRun(r citeRun, used []int) (Reason, string, []string, int) {
	if strings.TrimSpace(r.quote) == "" {
		return ReasonNoQuote, "", nil, 0
	}
	segs := quoteSegments(r.quote)
	if segs == nil {
		return ReasonShortQuote, "", nil, 0
	}
	for _, n := range r.nums {
		if g, s, e, ok := ck.block(used[n-1]-1).findQuote(r.quote, segs); ok {
			return "", "", g.sentencesIn(s, e), n
		}
	}
	for bi := range ck.ps.Len() {
		if _, _, _, ok := ck.block(bi).findQuote(r.quote, segs); ok {
			detail := ""
			for m, g := range used {
				if g == bi+1 {
					detail = "[" + strconv.Itoa(m+1) + "]"
				}
			}
			return ReasonOtherPassage, detail, nil, 0
		}
	}
	return ReasonNotFound, "", nil, 0
}

// isClaim reports whether an uncited sentence states something: not a
// heading ("# …", a line all in bold), not a lead-in ending in ":", not
// without searchable words, and not a statement that the passages do not
// say something, which the prompt asks for and which needs no source.
func (ck *checker) isClaim(t string) bool {
	if strings.HasPrefix(t, "#") || strings.HasSuffix(strings.TrimRight(t, "*_ "), ":") {
		return false
	}
	bare := t[listPrefix(t):]
	if len(bare) > 4 && (strings.HasPrefix(bare, "**") && strings.HasSuffix(bare, "**") ||
		strings.HasPrefix(bare, "__") && strings.HasSuffix(bare, "__")) {
		return false
	}
	if len(ck.an.Analyze(t)) == 0 {
		return false
	}
	return !SaysNoAnswer(t)
}

// weak compares a verified claim with the sentences its quotes come from,
// in the same language: each figure and name of the claim must be there
// (or in the question), and a negation must be on both sides or neither.
func (ck *checker) weak(claim, quotes, evidence, lang string) (Reason, string) {
	claim = prose(claim)
	if f, ok := text.MissingFigure(claim, []string{evidence, quotes, ck.asked}, true); ok {
		return ReasonNumber, f.Text
	}
	ev := text.MatchFold(evidence + " " + quotes)
	for _, name := range ck.namesOf(claim) {
		f := text.MatchFold(name)
		if f != "" && !hasWordPrefix(ev, f) && !hasWordPrefix(ck.question, f) {
			return ReasonName, name
		}
	}
	if negated(claim, lang) != negated(evidence, lang) && (negated(claim, lang) || negated(quotes, lang)) {
		return ReasonNegation, ""
	}
	return "", ""
}

// hasWordPrefix reports whether a word of folded text starts with w
// ("alibaba" in "alibaba's").
func hasWordPrefix(folded, w string) bool {
	for from := 0; ; {
		i := strings.Index(folded[from:], w)
		if i < 0 {
			return false
		}
		i += from
		if i == 0 || folded[i-1] == ' ' {
			return true
		}
		// text.MatchFold writes no space between a Chinese or Japanese
		// character and a Latin word ("是 PingCAP" is "是pingcap"): the
		// word starts there all the same.
		if r, _ := utf8.DecodeLastRuneInString(folded[:i]); text.IsUnspaced(r) {
			return true
		}
		from = i + 1
	}
}

// namesOf lists the words of a claim written with a capital letter, in
// Latin script: names of people, companies and places. The first word of
// the claim counts only when the passages also capitalise it inside a
// sentence, so that "Regulators …" is not a name.
func (ck *checker) namesOf(claim string) []string {
	var out []string
	first := true
	for _, f := range strings.FieldsFunc(claim, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"“”«»()[]{},;:!?`, r)
	}) {
		w := strings.TrimRight(f, ".'’")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		isFirst := first
		first = false
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || !unicode.Is(unicode.Latin, r) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		if len(ck.an.Analyze(w)) == 0 {
			continue // a function word: "The", "Il"
		}
		if isFirst && !ck.capitalised()[text.MatchFold(w)] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// capitalised is the set of words the passages write with a capital letter
// after the first word of a sentence.
func (ck *checker) capitalised() map[string]bool {
	if ck.names != nil {
		return ck.names
	}
	ck.names = map[string]bool{}
	for i := range ck.ps.Len() {
		for _, s := range ck.block(i).orig {
			fs := strings.Fields(s)
			for j, w := range fs {
				r, _ := utf8.DecodeRuneInString(w)
				if j > 0 && unicode.IsUpper(r) {
					ck.names[text.MatchFold(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))] = true
				}
			}
		}
	}
	return ck.names
}

// negated reports whether s says "not" in English, French, Arabic or
// Chinese, or in one of langs.
func negated(s string, langs ...string) bool {
	f := " " + text.MatchFold(strings.NewReplacer("n't", " not", "n’t", " not").Replace(s)) + " "
	for _, w := range negationWords {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	for _, l := range langs {
		if l == "fa" && strings.Contains(f, " نمي") || l == "th" && strings.Contains(f, "ไม่") { // a prefix; Thai is unspaced
			return true
		}
		for _, w := range negationByLang[l] {
			if strings.Contains(f, " "+w+" ") {
				return true
			}
		}
		if neg, ok := unspacedNegations[l]; ok && negatedWords(f, neg) {
			return true
		}
	}
	for _, r := range s {
		if strings.ContainsRune("不没沒未無无非", r) {
			return true
		}
	}
	return false
}

var negationWords = []string{
	"not", "no", "never", "none", "neither", "nor", "without", "cannot",
	"ne", "n", "pas", "jamais", "aucun", "aucune", "sans", "ni",
	"لا", "لم", "لن", "ليس", "ليست", "غير", "بدون",
}

// negationByLang are the negation words of more languages, written
// folded (text.MatchFold: Persian's ی as ي), each read only in text of its
// language: "nu" is Romanian's "not" and Dutch's "now". In Persian a verb
// is negated by its prefix too (نمی‌کند, folded نميكند).
var negationByLang = map[string][]string{
	"ru": {"не", "нет", "ни", "никогда", "без"},
	"uk": {"не", "ні", "немає", "нема", "ніколи", "без"},
	"bg": {"не", "няма", "никога", "без"},
	"de": {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne"},
	"es": {"nunca", "jamás", "sin", "ningún", "ninguna", "ninguno"},
	"pt": {"não", "nunca", "jamais", "sem", "nenhum", "nenhuma", "nem"},
	"it": {"non", "mai", "senza", "nessun", "nessuno", "nessuna"},
	"nl": {"niet", "geen", "nooit", "zonder"},
	"pl": {"nie", "nigdy", "bez", "żaden", "żadna", "żadne"},
	"cs": {"není", "nikdy", "bez", "žádný", "žádná", "žádné"},
	"hr": {"nije", "nisu", "nikad", "nikada", "bez"},
	"lt": {"nėra", "niekada"},
	"ro": {"nu", "niciodată", "fără", "niciun", "nicio"},
	"hu": {"nem", "nincs", "nincsenek", "soha", "nélkül"},
	"sv": {"inte", "ej", "aldrig", "utan", "ingen", "inget", "inga"},
	"da": {"ikke", "aldrig", "uden", "ingen", "intet"},
	"no": {"ikke", "aldri", "uten", "ingen", "intet"},
	"fi": {"ei", "eivät", "ilman", "koskaan"},
	"el": {"δεν", "μην", "όχι", "ποτέ", "χωρίς"},
	"tr": {"değil", "yok", "asla"},
	"vi": {"không", "chưa", "chẳng", "chả", "đừng"},
	"id": {"tidak", "bukan", "belum", "tanpa", "tak"},
	"fa": {"نيست", "نيستند", "ندارد", "نبود", "نشد", "بدون", "هرگز", "هيچ"},
	"hi": {"नहीं", "नही", "न", "मत", "बिना"}, "th": {"ไม่"}, // Thai's is read as a prefix (negated)
}

// unspacedNegation is how Lao, Khmer or Burmese, written without spaces
// between words, says "not": a word the segmenter cuts (text.Words, ICU's
// word lists) that is a negation (equal) or opens with one (prefix: the
// lists join some, ບໍ່ມີ "has not", មិនមែន "is not", မဟုတ် "is not"), unless
// the word before it makes it "or not" (after).
type unspacedNegation struct {
	equal, prefix []string
	after         string
}

// unspacedNegations are, from the grammars:
//
//   - Lao: ບໍ່ "not" before the verb (with its tone mark; ບໍ without it is
//     the yes/no question particle), ຢ່າ "don't", ປາສະຈາກ "without"; ຫຼືບໍ່
//     is "or not", a question's (N. J. Enfield, A Grammar of Lao, 2007,
//     ch. 12 "Negation"; ch. 13 for the particles).
//   - Khmer: មិន "not" before the verb, the sentence closed by ទេ (មិន…ទេ);
//     formal ពុំ, colloquial អត់, គ្មាន "there is no", កុំ "don't", ឥត
//     "without". ទេ alone is not read: it closes yes/no questions too
//     (តើ…ទេ?) (F. E. Huffman, Modern Spoken Cambodian, 1970, lessons on
//     negation; J. Haiman, Cambodian: Khmer, 2011, §3 negation).
//   - Burmese: the prefix မ- on the verb, the clause closed by ဘူး in speech
//     (မ…ဘူး) or by ပါ, ဘဲ, နဲ့ (မ…ပါ, မ…ဘဲ "without", မ…နဲ့ "don't"); the
//     segmenter cuts မ off a verb it does not list with it (မ|ထောက်ပံ့|ပါ);
//     ဘူး is negative only; ပါ is polite in any clause, so only မ and ဘူး
//     are read (J. Okell, A Reference Grammar of Colloquial Burmese, 1969;
//     Okell and Allott, Burmese/Myanmar Dictionary of Grammatical Forms,
//     2001, entries မ and ဘူး).
var unspacedNegations = map[string]unspacedNegation{
	"lo": {equal: []string{"ຢ່າ"}, prefix: []string{"ບໍ່", "ປາສະຈາກ"}, after: "ຫຼື"},
	"km": {equal: []string{"អត់", "កុំ"}, prefix: []string{"មិន", "ពុំ", "គ្មាន", "ឥត"}},
	"my": {equal: []string{"မ", "ဘူး"}, prefix: []string{"မဟုတ်"}},
}

// negatedWords reports whether a word of s that neg's script segments is
// one of neg's negations.
func negatedWords(s string, neg unspacedNegation) bool {
	prev := ""
	for sp := range text.Words(s) {
		w := s[sp.Start:sp.End]
		is := slices.Contains(neg.equal, w) || slices.ContainsFunc(neg.prefix, func(p string) bool { return strings.HasPrefix(w, p) })
		if is && (neg.after == "" || prev != neg.after) {
			return true
		}
		prev = w
	}
	return false
}

// checkCode checks a fenced code block the model wrote (its text between
// the fence lines): every line of it, white space aside, must stand in a
// passage the reply cites (used: its renumbering), copied as a run or
// assembled line by line. A reader copies code as it is; code the passages
// do not hold is marked like an unbacked claim. undecided: a line stands
// only in a passage given but not cited yet, which a later citation of the
// streaming reply may still cite.
func (ck *checker) checkCode(body string, used []int) (c Claim, undecided bool) {
	cited := map[int]bool{}
	for _, g := range used {
		cited[g-1] = true
	}
	for _, line := range strings.Split(body, "\n") {
		l := strings.Join(strings.Fields(line), " ")
		if !text.HasLetterOrDigit(l) {
			continue // blank, a brace, "..."
		}
		in := func(bi int) bool {
			t := ck.codeText(bi)
			return strings.Contains(t, l) || strings.HasPrefix(l, "$ ") && strings.Contains(t, l[2:])
		}
		found, given := false, false
		for bi := range ck.ps.Len() {
			if in(bi) {
				given = true
				if cited[bi] {
					found = true
					break
				}
			}
		}
		switch {
		case found:
			continue
		case given:
			return Claim{Text: strings.TrimSpace(line), Support: Unverified, Reason: ReasonCodeUncited}, true
		default:
			return Claim{Text: strings.TrimSpace(line), Support: Unverified, Reason: ReasonCodeNotFound}, false
		}
	}
	return Claim{}, false
}

// codeText is passage i's text with its white space as single spaces.
func (ck *checker) codeText(i int) string {
	if t, ok := ck.code[i]; ok {
		return t
	}
	t := strings.Join(strings.Fields(ck.ps.Text(i)), " ")
	ck.code[i] = t
	return t
}
