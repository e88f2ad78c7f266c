package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// asksFor is what a question asks for beyond its words, as its question
// word says: someone ("Who reported …?"), a yes or a no ("Can I …?"), a
// condition ("When does a hook run?"). Unlike answerKind, which keeps out
// a sentence without the figure or date asked for, it only orders the
// sentences already chosen: one holding something of that kind is shown
// first, for a reader reads the first sentence.
type asksFor uint8

const (
	forAnything asksFor = iota
	// forSomeone: a name the question does not write ("Qui participait
	// à la réunion ?" → "…, dont Tencent et Alibaba").
	forSomeone
	// forYesNo: a sentence that says no, or yes ("Do I have to add a
	// repository first?" → "This approach doesn't require …").
	forYesNo
	// forCondition: on what condition ("When should metadata be a
	// label?" → "… under the following conditions").
	forCondition
	// forPlace: an address a reader opens, a URL, a path, a file
	// ("Where do I open the HotROD demo once it runs?" → "Then navigate
	// to http://localhost:8080."); the sentences holding one are also
	// chosen before the others (extractive).
	forPlace
)

// asksForOf reads what a question asks for from its opening words, in
// English, French, Arabic and Chinese. "Who is X?" asks what X is, which
// saysWhat looks for, not another name.
func asksForOf(q string) asksFor {
	q = strings.TrimSpace(q)
	var first, second string
	n := 0
	for w := range text.Words(q) {
		word := strings.ToLower(q[w.Start:w.End])
		if n == 0 {
			first = word
		} else {
			second = word
			break
		}
		n++
	}
	switch {
	case asksPlace(first, q):
		return forPlace
	case someoneWords[first] && !whoCopulas[second]:
		return forSomeone
	case first == "when" && conditionAux[second]:
		// kindOf asks no date of these: "When does a PostSync hook
		// execute?".
		return forCondition
	case yesNoOpeners[first], strings.HasPrefix(strings.ToLower(q), "est-ce qu"), invertedFrench(firstField(q)):
		return forYesNo
	}
	tail := strings.TrimRight(q, "?？ ")
	if strings.HasSuffix(tail, "吗") || strings.HasSuffix(tail, "嗎") || containsAny(q, zhYesNo) {
		return forYesNo
	}
	return forAnything
}

var (
	// someoneWords open a question asking who: English, French, Arabic
	// ("من" opening a question; "from" elsewhere). Chinese "谁" is not
	// read: its names have no capitals to find (namesAnother).
	someoneWords = setOf(strings.Fields("who whom whose qui من"))
	// whoCopulas after a who-word ask what the one named is: "Who is
	// Laurent Commarieu?", "Qui est …", "من هو …".
	whoCopulas = setOf(strings.Fields("is are was were est sont était هو هي"))
	// yesNoOpeners open a question asking for a yes or a no: English's
	// auxiliaries, Arabic's هل.
	yesNoOpeners = setOf(strings.Fields("do does did is are was were can could should must will would may might has have had shall هل"))
	// zhYesNo ask a Chinese question for a yes or a no.
	zhYesNo = []string{"是否", "能否", "可否", "是不是", "能不能", "可不可以", "有没有", "有沒有", "会不会", "會不會"}
)

// firstField is q's first word as typed, hyphens kept, lower case.
func firstField(q string) string {
	f, _, _ := strings.Cut(strings.ToLower(q), " ")
	return f
}

// invertedFrench reports a French verb joined to its subject pronoun,
// which asks for a yes or a no: "peut-on", "faut-il", "existe-t-il".
func invertedFrench(w string) bool {
	for _, p := range []string{"-on", "-il", "-elle", "-ils", "-elles", "-je", "-tu", "-nous", "-vous"} {
		if strings.HasSuffix(w, p) && len(w) > len(p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// holds reports whether a sentence holds what question q asks for;
// forAnything is held by every sentence.
func (k asksFor) holds(sentence, q string) bool {
	switch k {
	case forSomeone:
		return namesAnother(sentence, q)
	case forYesNo:
		return saysYesOrNo(sentence)
	case forCondition:
		return hasWord(sentence, conditionWords)
	case forPlace:
		return holdsAddress(sentence)
	}
	return true
}

// namesAnother reports whether a sentence writes a name the question does
// not: a capitalised word past the sentence's first ("Tencent", "ICBC"),
// not one of the question's words nor "I". Scripts without capitals name
// nobody this way, and their sentences keep their order.
func namesAnother(sentence, q string) bool {
	asked := map[string]bool{}
	for w := range text.Words(q) {
		asked[strings.ToLower(q[w.Start:w.End])] = true
	}
	first := true
	for w := range text.Words(sentence) {
		word := sentence[w.Start:w.End]
		if first {
			first = false
			continue
		}
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) && word != "I" && !asked[strings.ToLower(word)] {
			return true
		}
	}
	return false
}

// saysYesOrNo reports a sentence that says no (a negation) or yes.
func saysYesOrNo(sentence string) bool {
	l := strings.ToLower(sentence)
	for w := range text.Words(l) {
		if word := l[w.Start:w.End]; negates(word) || yesNoWords[word] {
			return true
		}
	}
	return containsAny(sentence, zhNegations)
}

var (
	// yesNoWords say no beyond English's negations (negates), in French
	// and Arabic, or say yes.
	yesNoWords = setOf(strings.Fields("yes pas jamais aucun aucune non oui ni لا ليس ليست لم لن غير نعم"))
	// zhNegations say no in Chinese: 不 and 没 negate verbs ("不支持",
	// "没有"), 无 and 非 nouns.
	zhNegations = []string{"不", "没", "沒", "无", "無", "非", "否"}
	// conditionWords say on what condition something happens: "after all
	// Sync hooks completed", "under the following conditions".
	conditionWords = setOf(strings.Fields("after before when whenever if once until unless while during upon condition conditions"))
)
