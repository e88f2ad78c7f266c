package text

// Word lists for detection only. They are not stopwords for retrieval
// (Stopwords): a language listed here has no stemmer and no measured list
// in the index, and adding one to IsStopword's union would change what
// every corpus keeps. Each is a few dozen of its language's commonest
// function words, chosen from the stopwords-iso collection
// (github.com/stopwords-iso, MIT), leaving out words English or another
// listed language uses as often (to, do, no, on, by, we, go, je, se…),
// which would only share their evidence.
func detectionWords(lang string) string {
	switch lang {
	case "pl":
		return `ale bardzo bez był była było były będzie być czy dla dlaczego dlatego gdy gdzie
ich ile jak jaka jaki jakie jako jego jej jest jestem już kiedy kto która które
który których między może można nad nie nich oraz pod przez przy się są także
tego tej ten też tylko więc że żeby jaką czym co moje za`
	case "cs":
		return `aby ale ani až byl byla byli bylo být což jak jaká jaké jaký jako jeho její
jejich jen jsem jsme jsou jste kde kdo kdy když která které který kteří kolik
mezi nebo než podle pro proč proto protože před při také tento toho tom však
už že co moje tohle tady`
	case "hr":
		// Croatian, and Serbian and Bosnian in Latin script, which use the
		// same function words (šta is Serbian and Bosnian for što).
		return `ako ali bila bili bilo bio biti gdje iako ili jer još kada kako kao koja koje
koji kojima koju koliko nakon nego neki nije nisu njegov njegova njihov ono
ova prema prije samo smo sve svi što šta tako taj već vrlo zašto tko kojeg
kojem između su li ga mu ja mi ti ona oni od iz za sam si smo ste moj moja
moje jesam jesi jest jesu`
	case "lt":
		// stopwords-iso's Lithuanian list is in Windows-1257 read as Latin-1;
		// the words here are in Unicode. yra, buvo, bus, nėra (is, was, will
		// be, is not) are the auxiliaries the other lists have; jo, ką and
		// kokios are forms of its jis, kas and koks.
		return `apie arba bei bet dar dėl iki ir iš jau jei jeigu jis jie jos jog juk kad
kada kai kaip kas kiek kodėl kokia koks kol kur kuri kuris kurie nei nes nors
nuo per prie tačiau tai taip tarp tas tik yra buvo bus savo ji aš mano tavo tu
mes jūs jo ką kokia kokie kokios nėra`
	case "da":
		// The Danish words of stopwords-iso that Snowball lists for
		// Norwegian and not for Danish, and Danish question words: without
		// them a Danish question ("Hvorfor blev…", "Jeg kan ikke…") was
		// Norwegian. samme is as Danish as Norwegian, though only the
		// Norwegian lists have it.
		return `bare begge fordi før hvem hver hvilken hvilket hvilke hvordan hvorfor hvornår
hvorfra ingen ja kan kom kun så ved nogen samme`
	case "pt":
		// é, "is": no other listed language writes it as a word (Italian
		// writes è; Irish é, "he", is in ga's list). Snowball's
		// Portuguese list lacks it. The rest are in Snowball's Spanish
		// list, and Portuguese writes and uses them the same (sobre,
		// "about"; estado, "been" of estar): without them each counted for
		// Spanish alone in a Portuguese sentence ("Mostra tudo sobre o
		// estado do disco" was Spanish).
		return `é sobre todo todos nada contra durante algo desde estado`
	case "es":
		// dos, "two", is as common in Spanish as Portuguese's dos ("of
		// the"), which only Portuguese's list has: "Compara dos imágenes"
		// was Portuguese.
		return `dos`
	case "nl":
		// Dutch question words, as extraStopwords has other languages'.
		return `hoeveel hoe wanneer waar waarom welke welk wie wat waarin waarmee`
	}
	return ""
}

// cyrillicWord tells Bulgarian from Russian by their commonest function
// words that the other lacks (stopwords-iso's bg and ru lists, and
// Snowball's Russian): 1 for Bulgarian, -1 for Russian, 0 for neither.
// Bulgarian has no ы or э, and ъ, its commonest tell, is missing from
// many short questions ("Защо Alipay беше…").
func cyrillicWord(w []byte) int {
	switch string(w) { // does not allocate
	case "е", "са", "това", "този", "тази", "тези", "който", "която", "което", "които",
		"ще", "защо", "какво", "колко", "кога", "къде", "кой", "със", "във", "през", "след",
		"аз", "съм", "сме", "сте", "ние", "вие",
		"беше", "бяха", "той", "тя", "нещо", "няма", "има",
		// Short-form pronouns and the reflexive се/си: Russian has no
		// such clitics ("Намерих го.", "Наемате ли се?"). й is
		// stopwords-iso's spelling of ѝ, "her".
		"го", "му", "ги", "ме", "ми", "ти", "ви", "се", "си", "й", "ѝ",
		"мен", "тук", "сега", "трябва":
		return 1
	case "что", "это", "кто", "где", "когда", "сколько", "почему", "какой", "какая", "какое",
		"какие", "какого", "какому", "каким", "каком", "каких", "какую",
		"был", "была", "было", "были", "он", "она", "они", "его", "её", "ее", "этот", "эта", "чем", "который":
		return -1
	}
	return 0
}

// ukrainianWord scores Ukrainian's commonest function words that Russian
// and Bulgarian lack (1), against theirs (cyrillicWord's, -1), for a
// Cyrillic text with no letter proper to any of the three: 1 Ukrainian,
// -1 Russian or Bulgarian, 0 neither.
func ukrainianWord(w []byte) int {
	switch string(w) { // does not allocate
	case "що", "хто", "чи", "як", "яка", "яке", "який", "яку", "якого", "якщо",
		"це", "цей", "ця", "цього", "або", "але", "щоб", "чому", "де", "також",
		"дуже", "вже", "таке", "такий":
		return 1
	}
	if cyrillicWord(w) != 0 {
		return -1
	}
	return 0
}
