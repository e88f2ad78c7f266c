package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// Follow-ups without a model. A question that continues a conversation is
// recognised by what it lacks, not by its length: it points back (a
// pronoun or demonstrative: "Does he still run it?"), it opens as an
// ellipsis ("And Tencent?", "Et pendant la pandémie ?"), or it names
// nothing of its own (no proper name, code word or figure: "How many were
// sent?"). Such a question is searched together with the conversation's
// earlier questions, back to the last one that stood alone.

// maxContextTurns bounds how many earlier questions a follow-up borrows
// from.
const maxContextTurns = 3

// anaphora are the words that point back to something said before, per
// language: personal and possessive pronouns of the third person and
// demonstratives. Closed classes of each language, not tuned on any
// corpus. Articles that double as pronouns (French le, la, les) are left
// out: they open most questions.
var anaphora = map[string][]string{
	"en": {"he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs",
		"this", "that", "these", "those", "there", "such", "former", "latter", "same"},
	"fr": {"il", "elle", "ils", "elles", "lui", "leur", "leurs", "eux", "son", "sa", "ses",
		"ce", "cet", "cette", "ces", "celui", "celle", "ceux", "celles", "cela", "ça", "ceci", "y", "en",
		"là", "dernier", "dernière"},
	"de": {"er", "sie", "es", "ihn", "ihm", "ihr", "ihnen", "sein", "seine", "seinen", "seiner", "ihre", "ihren", "ihrer",
		"dies", "diese", "dieser", "dieses", "diesen", "dort", "damit", "dabei", "davon", "dafür", "darüber"},
	"es": {"él", "ella", "ellos", "ellas", "lo", "le", "les", "su", "sus", "suyo", "suya",
		"este", "esta", "esto", "estos", "estas", "ese", "esa", "eso", "esos", "esas", "allí", "ahí"},
	"pt": {"ele", "ela", "eles", "elas", "dele", "dela", "deles", "delas", "seu", "sua", "seus", "suas", "lhe",
		"este", "esta", "isto", "esse", "essa", "isso", "aquele", "aquela", "aquilo", "lá", "ali"},
	"it": {"lui", "lei", "loro", "suo", "sua", "suoi", "sue", "questo", "questa", "quello", "quella", "ciò", "lì"},
	"nl": {"hij", "zij", "ze", "het", "hem", "haar", "hun", "zijn", "dit", "dat", "deze", "die", "daar"},
	"ru": {"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "него", "неё", "них",
		"этот", "эта", "это", "эти", "этого", "этой", "том", "тот", "та", "те", "там", "такой"},
	"ar": {"هو", "هي", "هم", "هما", "هن", "له", "لها", "لهم", "به", "بها", "بهم", "منه", "منها", "عنه", "عنها",
		"فيه", "فيها", "عليه", "عليها", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هناك"},
}

// anaphoraCJK are pointing words of Chinese and Japanese, matched inside
// the text, which has no spaces between words.
var anaphoraCJK = map[string][]string{
	"zh": {"他", "她", "它", "其", "该", "該", "此", "这", "這", "那", "上述"},
	"ja": {"彼", "彼女", "それ", "その", "これ", "この", "あれ", "あの", "そこ", "同社"},
}

// arabicSuffixes are the attached pronouns of Arabic ("مستخدميه": its
// users, "لإطلاقها": for its launch).
var arabicSuffixes = []string{"ها", "هم", "هما", "هن", "ه"}

// ellipsisOpeners open a question that continues another ("And Tencent?").
var ellipsisOpeners = map[string][]string{
	"en": {"and", "but", "also", "what about", "how about", "what else", "who else", "tell me more", "more on", "then"},
	"fr": {"et", "mais", "aussi", "et pour", "qu'en est-il", "quid", "ensuite", "puis"},
	"de": {"und", "aber", "auch", "was ist mit", "und was"},
	"es": {"y", "pero", "también", "qué hay de", "y qué"},
	"pt": {"e", "mas", "também", "e quanto", "e o", "e a"},
	"it": {"e", "ma", "anche", "e per"},
	"nl": {"en", "maar", "ook", "en wat"},
	"ru": {"а", "и", "но", "также", "а что", "что насчёт"},
}

// cjkOpeners open a Chinese or Japanese follow-up.
var cjkOpeners = []string{"那", "还有", "還有", "另外", "而", "那么", "那麼", "それで", "では", "じゃあ", "また"}

// followUp reports whether q, asked after earlier turns in lang (the
// conversation's language when q's own cannot be told), continues them.
func followUp(q, convLang string) bool {
	lang := text.DetectLanguage(q)
	if lang == "und" || lang == "" {
		lang = convLang
	}
	lower := strings.ToLower(q)
	words := wordList(lower)
	if len(words) == 0 {
		return false
	}
	return pointsBack(lower, words, lang) || opensAsEllipsis(lower, words, lang) || !namesAnything(q)
}

// pointsBack reports a pronoun or demonstrative of lang, or of any
// language of q's script when lang is unknown.
func pointsBack(lower string, words []string, lang string) bool {
	for l, list := range anaphoraCJK {
		if lang == l || lang == "" || lang == "und" {
			for _, a := range list {
				if strings.Contains(lower, a) {
					return true
				}
			}
		}
	}
	for l, list := range anaphora {
		if lang != l && lang != "" && lang != "und" {
			continue
		}
		for _, w := range words {
			if slices.Contains(list, w) {
				return true
			}
		}
	}
	if lang == "ar" {
		for _, w := range words {
			if arabicPronounSuffix(w) {
				return true
			}
		}
	}
	return false
}

// arabicPronounSuffix reports a word that carries an attached pronoun:
// not definite (the article and a possessive suffix exclude each other),
// with a stem of three letters or more left.
func arabicPronounSuffix(w string) bool {
	for _, article := range text.ArabicBare(w, 1, false) {
		if article {
			return false
		}
		break
	}
	for _, s := range arabicSuffixes {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w)-utf8.RuneCountInString(s) >= 3 {
			return true
		}
	}
	return false
}

// opensAsEllipsis reports a question that opens with a conjunction or
// "what about", or, in Arabic, with the attached conjunction و before a
// question word ("وما", "وماذا").
func opensAsEllipsis(lower string, words []string, lang string) bool {
	for _, o := range cjkOpeners {
		if strings.HasPrefix(lower, o) && (lang == "zh" || lang == "ja" || lang == "" || lang == "und") {
			return true
		}
	}
	if lang == "ar" {
		w := words[0]
		return strings.HasPrefix(w, "و") && text.IsStopword("ar", strings.TrimPrefix(w, "و"))
	}
	head := strings.Join(words[:min(len(words), 3)], " ")
	for l, list := range ellipsisOpeners {
		if lang != l && lang != "" && lang != "und" {
			continue
		}
		for _, o := range list {
			if head == o || strings.HasPrefix(head, o+" ") {
				return true
			}
		}
	}
	return false
}

// namesAnything reports whether q names something of its own that a search
// can find: a capitalised word other than the first (Alipay, Ant Group,
// Zhao), a code word (kube-public, restartPolicy, Internet+), a figure, a
// quotation, or a Latin-script word in text of another script.
func namesAnything(q string) bool {
	if latin, other := text.ScriptLetters(q); other > latin && latin > 0 {
		return true // "Alipay" in Arabic, "Kubernetes" in Chinese
	}
	if strings.ContainsAny(q, "\"«“「『`") {
		return true
	}
	first := true
	for sp := range text.Words(q) {
		w := q[sp.Start:sp.End]
		if codeWord(q, sp) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			return true
		}
		if !first && unicode.IsUpper(r) {
			return true
		}
		first = false
	}
	return false
}

// codeWord reports a word written as code or a product name: inner capitals
// (restartPolicy, WeChat), or joined to the next by - _ . + (kube-public).
func codeWord(q string, sp text.Span) bool {
	w := q[sp.Start:sp.End]
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	if sp.End < len(q) {
		c := q[sp.End]
		if c == '_' || c == '+' {
			return true
		}
		if (c == '-' || c == '.') && sp.End+1 < len(q) {
			next, _ := utf8.DecodeRuneInString(q[sp.End+1:])
			return unicode.IsLetter(next) || unicode.IsDigit(next)
		}
	}
	return false
}

// cjkQuestionWords are the question words and particles of Chinese and
// Japanese. Their index has no stopwords, so in a follow-up searched with
// the questions before it they would outweigh the words that matter.
var cjkQuestionWords = []string{
	"什么时候", "为什么", "為什麼", "什么", "什麼", "怎么样", "怎麼樣", "怎么", "怎麼", "怎样", "怎樣", "如何",
	"哪些", "哪个", "哪個", "哪里", "哪裡", "多少", "是否", "可以", "应该", "應該", "有没有", "有沒有",
	"吗", "嗎", "呢", "吧", "是", "的", "了", "有",
	"なぜ", "どうして", "どのように", "どう", "何", "いつ", "どこ", "どれ", "ですか", "ますか", "ですか", "か", "は", "の", "を", "に",
}

// searchWords drops from a question what a keyword search should not
// weigh: Chinese and Japanese question words and particles (the index
// drops other languages' stopwords itself).
func searchWords(q string) string {
	switch text.GuessLanguage(q) {
	case "zh", "ja":
		for _, w := range cjkQuestionWords {
			q = strings.ReplaceAll(q, w, " ")
		}
		return strings.Join(strings.Fields(q), " ")
	}
	return q
}

// wordList is the lower-case words of s.
func wordList(s string) []string {
	var out []string
	for sp := range text.Words(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

// conversationContext is what a follow-up borrows: the earlier questions,
// newest last, back to the last one that stood alone, at most
// maxContextTurns of them. lang is the conversation's language, for
// questions too short to tell.
func conversationContext(history []Turn) (questions []string, lang string) {
	var asked []string
	for _, t := range history {
		if t.Role == "user" && clean(t.Text) != "" {
			asked = append(asked, clean(t.Text))
		}
	}
	if len(asked) == 0 {
		return nil, ""
	}
	lang = text.DetectLanguage(strings.Join(asked, " "))
	start := len(asked) - 1
	for start > 0 && len(asked)-start < maxContextTurns && followUp(asked[start], lang) {
		start--
	}
	return asked[start:], lang
}

// retrievalQueries is what the question is searched with, before any
// rewrite: the question alone, or, for a follow-up, also the question
// with the earlier questions it continues, last. The question alone stays
// first: a false alarm then costs nothing.
func retrievalQueries(q string, history []Turn) []string {
	prev, lang := conversationContext(history)
	if len(prev) == 0 || !followUp(q, lang) {
		return []string{q}
	}
	// Each earlier question is cut on its own, so a long first one cannot
	// crowd out the one just before.
	for i, p := range prev {
		prev[i] = text.Clip(searchWords(p), 201)
	}
	return []string{q, strings.Join(prev, " ") + " " + searchWords(q)}
}
