package text

import "strings"

// Ordinal number words, read as the number they rank: "the twelfth", "le
// douzième", "الثانية عشر", "δωδέκατος", "बारहवाँ" are evidence for a
// claim's "12th", as "第十二" already was. Like cardinal words they are
// evidence only: a claim's figures are checked when written in digits.
//
// Sources, never the evaluation's text: CLDR's spell-out rules
// (common/rbnf/LANG.xml, rule sets spellout-ordinal*) for English, French,
// Spanish, German and Greek, and for the Hindi and Romanian cardinals the
// ordinals are built on; Wiktionary's appendices and entries on Russian,
// Hindi, Romanian, Turkish and Arabic ordinal numbers for the languages
// whose CLDR rules hold no ordinals, and for inflected forms.

// ordinalWords are ordinal words read as they are written (folded).
var ordinalWords = foldKeys(map[string]float64{
	// English (CLDR en spellout-ordinal: to twentieth in numberWords;
	// "-tieth" tens and "hundredth" here; compounds "twenty-first" are
	// read as tens then units).
	"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
	"ninetieth": 90, "hundredth": 100,
	// French (CLDR fr spellout-ordinal, -masculine, -feminine; "seconde"
	// from Wiktionary): "dix-neuvième" and "vingt et unième" are read as
	// tens then units.
	"premier": 1, "première": 1, "unième": 1, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
	"cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11,
	"douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16, "vingtième": 20,
	"trentième": 30, "quarantième": 40, "cinquantième": 50, "soixantième": 60, "centième": 100,
	// Arabic (Wiktionary, Arabic ordinal numbers): the "one" of the
	// eleventh, "الحادي عشر"; the others are in numberWords.
	"حادي": 1, "حادية": 1,
})

// turkishOrdinals (Wiktionary, Turkish numerals: the cardinal and
// -(i)nci); "on ikinci" (twelfth) is read with turkishTens.
var turkishOrdinals = foldKeys(map[string]float64{
	"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6, "yedinci": 7,
	"sekizinci": 8, "dokuzuncu": 9, "onuncu": 10, "yirminci": 20, "otuzuncu": 30, "kırkıncı": 40,
	"ellinci": 50, "altmışıncı": 60, "yetmişinci": 70, "sekseninci": 80, "doksanıncı": 90, "yüzüncü": 100,
})

// spanishOrdinals are CLDR es spellout-ordinal-masculine and -feminine:
// the stems take -o, -a, -os, -as; "decimo" joins a unit, "decimotercero"
// (13th); "décimo tercero" is read as tens then units.
var spanishOrdinals = func() map[string]float64 {
	m := map[string]float64{}
	stems := map[string]float64{
		"primer": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6, "séptim": 7, "octav": 8,
		"noven": 9, "décim": 10, "undécim": 11, "duodécim": 12, "vigésim": 20, "trigésim": 30,
		"cuadragésim": 40, "quincuagésim": 50, "sexagésim": 60, "septuagésim": 70, "octogésim": 80,
		"nonagésim": 90, "centésim": 100,
	}
	for stem, v := range stems {
		for _, end := range []string{"o", "a", "os", "as"} {
			m[Fold(stem+end)] = v
			if v < 10 {
				// CLDR agrees the first part ("decimatercera"); Wiktionary
				// keeps it invariable ("decimotercera").
				m[Fold("decim"+end[:1]+stem+end)] = 10 + v
				m[Fold("decimo"+stem+end)] = 10 + v
			}
		}
	}
	m["primer"], m["tercer"] = 1, 3 // before a noun: "primer siglo"
	return m
}()

// greekOrdinals are the stems of CLDR el spellout-ordinal-masculine,
// -feminine and -neutre, without their accent, which moves as they
// decline; greekEndings are the endings they take. "έκτος" (sixth) keeps
// its accent: without it, it is "εκτός" (except).
var greekOrdinals = map[string]float64{
	"πρωτ": 1, "δευτερ": 2, "τριτ": 3, "τεταρτ": 4, "πεμπτ": 5, "εβδομ": 7, "ογδο": 8, "ενατ": 9,
	"δεκατ": 10, "ενδεκατ": 11, "δωδεκατ": 12, "εικοστ": 20, "τριακοστ": 30, "τεσσαρακοστ": 40,
	"πεντηκοστ": 50, "εξηκοστ": 60, "εβδομηκοστ": 70, "ογδοηκοστ": 80, "εννενηκοστ": 90, "εκατοστ": 100,
}

var greekEndings = []string{"οσ", "ου", "ο", "ε", "οι", "ων", "ουσ", "η", "ησ", "εσ", "α", "ον"}

// greekOrdinal reads a Greek ordinal in any gender, case and number:
// "δέκατος", "δέκατη", "δέκατου" (of the tenth), "εικοστού".
func greekOrdinal(w string) (float64, bool) {
	if w == "" || w[0] < 0xce || w[0] > 0xcf {
		return 0, false
	}
	for _, end := range greekEndings {
		stem, ok := strings.CutSuffix(w, end)
		if !ok || stem == "" {
			continue
		}
		if stem == "έκτ" {
			return 6, true
		}
		if v, ok := greekOrdinals[withoutGreekAccents(stem)]; ok {
			return v, true
		}
	}
	return 0, false
}

func withoutGreekAccents(s string) string {
	return strings.NewReplacer("ά", "α", "έ", "ε", "ή", "η", "ί", "ι", "ό", "ο", "ύ", "υ", "ώ", "ω", "ΐ", "ι", "ΰ", "υ", "ϊ", "ι", "ϋ", "υ").Replace(s)
}

// russianOrdinals are the stems of the Russian ordinals (Wiktionary,
// Appendix:Russian numerals), russianEndings the adjective endings they
// decline with: "двенадцатый", "двенадцатого", "XX" aside, "в
// девятнадцатом веке".
var russianOrdinals = map[string]float64{
	"перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
	"девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
	"пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
	"двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70,
	"восьмидесят": 80, "девяност": 90, "сот": 100,
}

var russianEndings = []string{
	"ый", "ой", "ий", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми",
	// третий declines with a soft sign: третьего, третья, третьем.
	"ья", "ье", "ьи", "ьего", "ьему", "ьим", "ьем", "ью", "ьей", "ьих", "ьими",
}

func russianOrdinal(w string) (float64, bool) {
	if w == "" || w[0] != 0xd0 && w[0] != 0xd1 {
		return 0, false
	}
	for _, end := range russianEndings {
		if stem, ok := strings.CutSuffix(w, end); ok {
			if v, ok := russianOrdinals[stem]; ok {
				if stem == "трет" && !strings.HasPrefix(end, "ь") && end != "ий" {
					continue
				}
				return v, true
			}
		}
	}
	return 0, false
}

// germanOrdinal reads a German ordinal with its adjective ending (CLDR de
// spellout-ordinal: erste to achte, then the cardinal and -te to 19,
// -ste from 20): "zwölfte", "des neunzehnten", "einundzwanzigsten".
func germanOrdinal(w string) (float64, bool) {
	for _, end := range []string{"en", "em", "er", "es", "e"} {
		stem, ok := strings.CutSuffix(w, end)
		if !ok || len(stem) < 3 {
			continue
		}
		switch stem {
		case "erst":
			return 1, true
		case "zweit":
			return 2, true
		case "dritt":
			return 3, true
		case "siebt":
			return 7, true
		case "acht":
			return 8, true
		}
		if base, ok := strings.CutSuffix(stem, "st"); ok {
			if v, ok := germanCardinal(base); ok && v >= 20 {
				return v, true
			}
		}
		if base, ok := strings.CutSuffix(stem, "t"); ok {
			if v, ok := germanCardinal(base); ok && v >= 4 && v < 20 && v != 7 && v != 8 {
				return v, true
			}
		}
		return 0, false
	}
	return 0, false
}

// germanCardinal reads a German cardinal of any length: "zwölf",
// "vierundzwanzig".
func germanCardinal(w string) (float64, bool) {
	if v, ok := germanNumber(w); ok {
		return v, true
	}
	return germanSmall(w)
}

// hindiCardinals are CLDR hi spellout-cardinal to a hundred, which the
// ordinals from the fifth on are built on (Wiktionary, Appendix:Hindi
// numbers): -वाँ, -वीं (feminine), -वें (oblique), "बारहवाँ" (twelfth),
// "उन्नीसवीं सदी" (the 19th century).
var hindiCardinals = func() map[string]float64 {
	words := []string{"", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", "दस",
		"ग्यारह", "बारह", "तेरह", "चौदह", "पन्द्रह", "सोलह", "सत्रह", "अठारह", "उन्नीस", "बीस",
		"इक्कीस", "बाईस", "तेईस", "चौबीस", "पच्चीस", "छब्बीस", "सत्ताईस", "अट्ठाईस", "उनतीस", "तीस",
		"इकतीस", "बत्तीस", "तैंतीस", "चौंतीस", "पैंतीस", "छत्तीस", "सैंतीस", "अड़तीस", "उनतालीस", "चालीस",
		"इकतालीस", "बयालीस", "तैंतालीस", "चौवालीस", "पैंतालीस", "छियालीस", "सैंतालीस", "अड़तालीस", "उनचास", "पचास",
		"इक्यावन", "बावन", "तिरेपन", "चौवन", "पचपन", "छप्पन", "सत्तावन", "अट्ठावन", "उनसठ", "साठ",
		"इकसठ", "बासठ", "तिरेसठ", "चौंसठ", "पैंसठ", "छियासठ", "सड़सठ", "अड़सठ", "उनहत्तर", "सत्तर",
		"इकहत्तर", "बहत्तर", "तिहत्तर", "चौहत्तर", "पचहत्तर", "छिहत्तर", "सतहत्तर", "अठहत्तर", "उनासी", "अस्सी",
		"इक्यासी", "बयासी", "तिरासी", "चौरासी", "पचासी", "छियासी", "सत्तासी", "अट्ठासी", "नवासी", "नब्बे",
		"इक्यानबे", "बानबे", "तिरानबे", "चौरानबे", "पंचानबे", "छियानबे", "सत्तानबे", "अट्ठानबे", "निन्यानबे", "सौ"}
	m := make(map[string]float64, len(words)+1)
	for v, w := range words[1:] {
		m[Fold(w)] = float64(v + 1)
	}
	m[Fold("पांच")] = 5 // written with anusvara as often as with chandrabindu
	return m
}()

// hindiOrdinals are the first four and the sixth, which Hindi does not
// build from the cardinal, in each gender and the oblique.
var hindiOrdinals = foldKeys(map[string]float64{
	"पहला": 1, "पहली": 1, "पहले": 1, "दूसरा": 2, "दूसरी": 2, "दूसरे": 2, "तीसरा": 3, "तीसरी": 3, "तीसरे": 3,
	"चौथा": 4, "चौथी": 4, "चौथे": 4, "छठा": 6, "छठी": 6, "छठे": 6,
})

func hindiOrdinal(w string) (float64, bool) {
	if w == "" || w[0] != 0xe0 {
		return 0, false
	}
	if v, ok := hindiOrdinals[w]; ok {
		return v, true
	}
	for _, end := range []string{"वाँ", "वां", "वीं", "वी", "वें", "वे"} {
		if stem, ok := strings.CutSuffix(w, Fold(end)); ok {
			if v, ok := hindiCardinals[stem]; ok && v >= 5 {
				return v, true
			}
		}
	}
	return 0, false
}

// romanianOrdinals are the Romanian ordinals after their article, "al
// doilea", "a doua" (Wiktionary, Appendix:Romanian numbers; CLDR ro's
// cardinals they are built on): read only after "al" or "a", since "noua"
// alone is "the new" and "opta" "to opt".
var romanianOrdinals = func() map[string]float64 {
	m := map[string]float64{}
	for _, o := range []struct {
		masc, fem string
		v         float64
	}{
		{"doilea", "doua", 2}, {"treilea", "treia", 3}, {"patrulea", "patra", 4}, {"cincilea", "cincea", 5},
		{"șaselea", "șasea", 6}, {"șaptelea", "șaptea", 7}, {"optulea", "opta", 8}, {"nouălea", "noua", 9},
		{"zecelea", "zecea", 10}, {"unsprezecelea", "unsprezecea", 11}, {"doisprezecelea", "douăsprezecea", 12},
		{"treisprezecelea", "treisprezecea", 13}, {"paisprezecelea", "paisprezecea", 14},
		{"cincisprezecelea", "cincisprezecea", 15}, {"șaisprezecelea", "șaisprezecea", 16},
		{"șaptesprezecelea", "șaptesprezecea", 17}, {"optsprezecelea", "optsprezecea", 18},
		{"nouăsprezecelea", "nouăsprezecea", 19}, {"douăzecilea", "douăzecea", 20},
	} {
		for _, w := range []string{o.masc, o.fem} {
			m[Fold(w)] = o.v
			// ş and ţ with a cedilla, as older text writes them.
			m[Fold(strings.NewReplacer("ș", "ş", "ț", "ţ").Replace(w))] = o.v
		}
	}
	return m
}()

// turkishTens are the Turkish tens that make one ordinal with the unit
// after them: "on ikinci" (twelfth), "yirmi birinci" (21st). Alone they
// are no number here: "on" is an English word.
var turkishTens = foldKeys(map[string]float64{
	"on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70, "seksen": 80, "doksan": 90,
})

// ordinalValue is the rank an ordinal word states, in the languages above
// whose words need no context.
func ordinalValue(w string) (float64, bool) {
	if v, ok := ordinalWords[w]; ok {
		return v, true
	}
	if v, ok := spanishOrdinals[w]; ok {
		return v, true
	}
	if v, ok := turkishOrdinals[w]; ok {
		return v, true
	}
	for _, f := range []func(string) (float64, bool){greekOrdinal, russianOrdinal, germanOrdinal, hindiOrdinal} {
		if v, ok := f(w); ok {
			return v, true
		}
	}
	return 0, false
}

// contextOrdinal reads the ordinals that need the word before them: a
// Romanian one after its article ("al doilea", "a doua"), a Turkish ten
// with its unit ("on ikinci"). It returns the rank and the tokens read.
func (p *figureParser) contextOrdinal() (float64, int, bool) {
	t := p.toks[p.i]
	if p.i > 0 && (p.toks[p.i-1].text == "al" || p.toks[p.i-1].text == "a") {
		if v, ok := romanianOrdinals[t.text]; ok {
			return v, 1, true
		}
	}
	if ten, ok := turkishTens[t.text]; ok && p.i+1 < len(p.toks) {
		if v, ok := turkishOrdinals[p.toks[p.i+1].text]; ok && v < 10 {
			return ten + v, 2, true
		}
	}
	return 0, 0, false
}
