package corpus

// The word lists below are switch statements rather than maps so that they
// are code, not package state, and cost no allocation to consult.

// Bits of functionWordLangs, in the order of latinLanguage's codes.
const (
	langEN uint8 = 1 << iota
	langFR
	langDE
	langES
	langIT
	langPT
	langNL
)

// functionWordLangs returns the languages, as bits, in which the lower-cased
// word w is one of the most frequent function words. It takes bytes too, so
// that language detection looks words up without copying them.
func functionWordLangs[T string | []byte](w T) uint8 {
	switch string(w) {
	case "and", "are", "at", "be", "been", "but", "by", "for", "from", "had",
		"has", "have", "he", "her", "his", "it", "its", "not", "of", "on",
		"or", "said", "she", "that", "the", "their", "there", "they", "this", "to",
		"was", "were", "which", "who", "will", "with", "would":
		return langEN
	case "au", "aux", "avec", "ce", "ces", "cette", "d", "dans", "du", "elle",
		"est", "et", "l", "les", "leur", "leurs", "lui", "ne", "nous", "ont",
		"ou", "par", "pas", "plus", "pour", "qu", "qui", "sa", "ses", "son",
		"sont", "sur", "une", "vous", "était", "été", "être":
		return langFR
	case "auch", "auf", "aus", "bei", "dass", "dem", "den", "der", "die", "ein",
		"eine", "einer", "für", "hat", "im", "ist", "mit", "nach", "nicht", "noch",
		"nur", "oder", "sich", "sie", "sind", "und", "von", "vor", "war", "werden",
		"wie", "wir", "wird", "zu", "über":
		return langDE
	case "des":
		return langFR | langDE
	case "el", "entre", "esta", "este", "está", "fue", "han", "hay", "las", "los",
		"muy", "más", "pero", "sin", "sobre", "su", "sus", "también", "y":
		return langES
	case "es":
		return langDE | langES
	case "alla", "anche", "che", "come", "degli", "dei", "della", "delle", "di", "gli",
		"ma", "nel", "nella", "non", "per", "più", "questa", "questo", "sono", "è":
		return langIT
	case "il", "le":
		return langFR | langIT
	case "al", "con", "del", "ha", "lo", "una":
		return langES | langIT
	case "la", "un":
		return langFR | langES | langIT
	case "ao", "com", "do", "dos", "e", "em", "foi", "mas", "na", "nos",
		"não", "o", "os", "pela", "pelo", "são", "também", "um", "uma", "é":
		return langPT
	case "as":
		return langEN | langPT
	case "mais":
		return langFR | langPT
	case "das":
		return langDE | langPT
	case "como", "no", "para", "por":
		return langES | langPT
	case "que", "se":
		return langFR | langES | langPT
	case "da":
		return langIT | langPT
	case "aan", "als", "bij", "dat", "door", "een", "het", "hij", "maar", "met",
		"naar", "niet", "nog", "om", "ook", "op", "te", "tot", "van", "voor",
		"werd", "worden", "wordt", "ze", "zijn":
		return langNL
	case "is":
		return langEN | langNL
	case "er":
		return langDE | langNL
	case "en":
		return langFR | langES | langNL
	case "de":
		return langFR | langES | langPT | langNL
	}
	return 0
}

// isStopword reports whether the folded word w carries too little meaning to
// tell what a paragraph is about: function words of the Latin languages
// above, and common English, French and Arabic words.
func isStopword(w string) bool {
	if functionWordLangs(w) != 0 {
		return true
	}
	switch w {
	case "a", "about", "above", "according", "after", "again", "ainsi", "all", "alors", "also",
		"am", "an", "any", "après", "aussi", "avant", "avoir", "because", "before", "being",
		"below", "between", "bien", "both", "c", "can", "car", "chez", "comme", "could",
		"deux", "did", "does", "doing", "donc", "done", "dont", "down", "dr", "during",
		"déjà", "each", "elles", "encore", "eux", "fait", "few", "first", "further", "get",
		"got", "having", "here", "him", "how", "i", "if", "ils", "into", "j",
		"je", "just", "last", "m", "made", "make", "many", "may", "me", "mes",
		"might", "mon", "more", "most", "mr", "mrs", "ms", "much", "must", "my",
		"même", "n", "new", "nor", "notre", "off", "once", "one", "only", "other",
		"oui", "our", "out", "over", "own", "peu", "s", "same", "sans", "say",
		"says", "selon", "shall", "should", "si", "so", "some", "sous", "such", "t",
		"ta", "tes", "than", "them", "then", "these", "those", "three", "through", "told",
		"ton", "too", "tous", "tout", "toute", "toutes", "trois", "très", "tu", "two",
		"under", "until", "up", "us", "very", "vos", "votre", "we", "what", "when",
		"where", "while", "why", "year", "years", "you", "your", "à", "الا", "التي",
		"الذي", "الذين", "اللذين", "الي", "ان", "انا", "انه", "انها", "او", "اي",
		"ايضا", "ب", "بعد", "بل", "به", "بها", "بين", "تكون", "تلك", "ثم",
		"حتي", "حول", "خلال", "دون", "ذلك", "عبر", "علي", "عليه", "عليها", "عن",
		"عند", "غير", "ف", "في", "فيه", "فيها", "قال", "قالت", "قبل", "قد",
		"ك", "كان", "كانت", "كل", "كما", "ل", "لا", "لدي", "لكن", "لم",
		"لن", "له", "لها", "لهم", "ما", "مع", "من", "منذ", "منه", "منها",
		"نحن", "هذا", "هذه", "هم", "هن", "هو", "هي", "و", "وان", "وعلي",
		"وفي", "وقال", "وقالت", "وقد", "ومن", "وهو", "وهي", "يكون", "يوم":
		return true
	}
	return false
}
