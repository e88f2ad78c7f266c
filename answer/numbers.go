package answer

import (
	"regexp"
	"strconv"
	"strings"
)

// token matches a word with the dots and commas inside it: "1,000",
// "2.5", "X.25", "Life360".
var token = regexp.MustCompile(`[\pL\pN]+(?:[.,][\pL\pN]+)*`)

// number matches a token that is a number written alone, not inside a
// name: "1961", "1,000", "2.5", "10th", "1990s"; not "Life360", "X.25" or
// "k3s".
var number = regexp.MustCompile(`^(\pN+(?:[.,]\pN+)*)(?:st|nd|rd|th|s)?$`)

// numbersOf returns the numbers a text writes alone, commas of thousands
// taken out ("1,000" → "1000").
func numbersOf(s string) []string {
	var out []string
	for _, t := range token.FindAllString(s, -1) {
		if m := number.FindStringSubmatch(t); m != nil {
			out = append(out, strings.ReplaceAll(m[1], ",", ""))
		}
	}
	return out
}

// digitRun matches digits with the dots and commas between them.
var digitRun = regexp.MustCompile(`\pN+(?:[.,]\pN+)*`)

// digitsIn returns every number a text writes, also inside a word and
// each shorter version a version holds: "Argo CD v1.9" and "1.9.0" write
// 1.9, "Life360" 360. A sentence answers a question's "1.9" with any.
func digitsIn(s string) map[string]bool {
	has := map[string]bool{}
	for _, m := range digitRun.FindAllString(s, -1) {
		m = strings.ReplaceAll(m, ",", "")
		has[m] = true
		for i := strings.LastIndexByte(m, '.'); i > 0; i = strings.LastIndexByte(m, '.') {
			m = m[:i]
			has[m] = true
		}
	}
	return has
}

// keepsNumbers reports whether a sentence, or the sentences either side
// (near), which an answer may show with it, writes every number of an
// English question (its numbers, numbersOf): a question that changes a
// year, a count or an amount of the text ("Who patented a steam engine in
// 1883?" of "In 1781 James Watt patented a steam engine …"; "What debate
// lasts for 55 minutes?" of "… lasts for 45 minutes") asks what the text
// does not say. A small number may be written as a word or a roman
// numeral ("World War II", "three layers").
func keepsNumbers(asked []string, sentence, near string) bool {
	if len(asked) == 0 {
		return true
	}
	both := sentence + "\n" + near
	has := digitsIn(both)
	var words map[string]bool
	for _, n := range asked {
		if has[n] {
			continue
		}
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 || v >= len(smallNumbers) {
			return false
		}
		if words == nil {
			words = setOf(negWord.FindAllString(strings.ToLower(both), -1))
		}
		// "both parties" writes the question's "2 parties".
		if !words[smallNumbers[v][0]] && !words[smallNumbers[v][1]] && !(v == 2 && words["both"]) {
			return false
		}
	}
	return true
}

// smallNumbers are how a text may write a small number in words or roman
// numerals: "World War II" for "World War 2", "two parties" for "2
// parties".
var smallNumbers = [][2]string{{}, {"one", "i"}, {"two", "ii"}, {"three", "iii"}, {"four", "iv"}, {"five", "v"}, {"six", "vi"}, {"seven", "vii"}, {"eight", "viii"}, {"nine", "ix"}, {"ten", "x"}, {"eleven", "xi"}, {"twelve", "xii"}}
