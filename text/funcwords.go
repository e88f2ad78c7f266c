package text

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
