package text

import "strings"

// The words of figures in the languages the bot serves, folded as Fold
// folds (lower case; Arabic without hamza forms on alef, teh marbuta as
// heh). Written from each language's grammar, not fitted to any text.

// scaleWord is a word that multiplies the number before it.
type scaleWord struct {
	// muls are its values: "billion" is 10⁹ in English and 10¹² in
	// French and German, and a reading is kept for each.
	muls []float64
	// plural: alone ("millions of users") it states no figure.
	plural bool
	// count is how many it says alone: 1, or 2 for an Arabic dual
	// ("ملياران", two billion).
	count float64
}

func scales(muls []float64, plural bool, words ...string) map[string]scaleWord {
	m := map[string]scaleWord{}
	for _, w := range words {
		m[Fold(w)] = scaleWord{muls: muls, plural: plural, count: 1}
	}
	return m
}

var (
	e3  = []float64{1e3}
	e6  = []float64{1e6}
	e9  = []float64{1e9}
	e12 = []float64{1e12}
	// "billion": 10⁹ in English, 10¹² in French, German, Spanish (billón),
	// Russian of old; either reading is kept.
	eBillion = []float64{1e9, 1e12}
)

// scaleWords are the scale words after a number or alone.
var scaleWords = mergeScales(
	scales(e3, false, "thousand", "mille", "tausend", "тысяча", "тысячу", "ألف", "bin", "χίλια", "mie", "nghìn", "ngàn", "हज़ार", "हजार", "พัน", "mila"),
	scales(e3, true, "thousands", "milliers", "tausende", "тысячи", "тысяч", "тыс", "آلاف", "ألفا", "χιλιάδες", "χιλιάδων", "mii"),
	scales(e6, false, "million", "millón", "millon", "миллион", "мільйон", "مليون", "milyon", "εκατομμύριο", "milion", "triệu", "मिलियन", "ล้าน", "milione", "milhão", "mn", "mln", "mio", "млн"),
	scales(e6, true, "millions", "millionen", "millones", "миллиона", "миллионов", "ملايين", "مليونا", "εκατομμύρια", "εκατομμυρίων", "milioane", "milioni", "milhões"),
	scales(e9, false, "milliard", "milliarde", "millardo", "миллиард", "مليار", "بليون", "milyar", "δισεκατομμύριο", "miliard", "tỷ", "tỉ", "अरब", "बिलियन", "miliardo", "bilhão", "bn", "mrd", "md", "mld", "млрд"),
	scales(e9, true, "milliards", "milliarden", "millardos", "миллиарда", "миллиардов", "مليارات", "مليارا", "δισεκατομμύρια", "δισεκατομμυρίων", "miliarde", "miliardi", "bilhões"),
	scales(eBillion, false, "billion", "billón", "billon"),
	scales(eBillion, true, "billions", "billionen", "billones"),
	scales(e12, false, "trillion", "триллион", "تريليون", "ترليون", "trilyon", "трлн"),
	scales(e12, true, "trillions", "триллиона", "триллионов"),
	scales([]float64{1e5}, false, "लाख"),
	scales([]float64{1e7}, false, "करोड़"),
	scales([]float64{1e4}, false, "หมื่น"),
	scales([]float64{1e5}, false, "แสน"),
	arabicDuals(),
	// "mil" is a thousand in Spanish and Portuguese, a mile in Turkish
	// and Romanian.
	map[string]scaleWord{"mil": {muls: []float64{1e3, 1}, count: 1}},
)

// numberPrefixes are words joined to a number by a hyphen that make no
// name of it: "mid-18th century", "pre-2000".
var numberPrefixes = map[string]bool{"mid": true, "pre": true, "post": true, "early": true, "late": true, "over": true, "under": true, "circa": true, "ca": true, "sub": true}

// arabicDuals are the Arabic duals: "مليونان", "مليارين", two of the unit.
func arabicDuals() map[string]scaleWord {
	m := map[string]scaleWord{}
	for w, v := range map[string]float64{"ألف": 1e3, "مليون": 1e6, "مليار": 1e9} {
		for _, end := range []string{"ان", "ين", "ي"} {
			m[Fold(w+end)] = scaleWord{muls: []float64{v}, count: 2}
		}
	}
	return m
}

func mergeScales(ms ...map[string]scaleWord) map[string]scaleWord {
	out := map[string]scaleWord{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// scaleSuffixes multiply a number they are glued to: "700k", "£30m"
// (also 30 metres: both readings), "5bn".
var scaleSuffixes = map[string][]float64{
	"k": {1e3}, "m": {1e6, 1}, "mn": {1e6}, "bn": {1e9}, "b": {1e9, 1}, "tn": {1e12}, "mio": {1e6}, "mrd": {1e9},
}

// scaleOf is the multipliers of a scale word after a number; glued, the
// word touches the number ("30m").
func scaleOf(w string, glued bool) []float64 {
	if sw, ok := scaleWords[arabicBase(w)]; ok {
		return sw.muls
	}
	if glued {
		if m, ok := scaleSuffixes[w]; ok {
			return m
		}
	}
	// Turkish adds its endings to the word: "milyondan", "milyarlık".
	for _, t := range []string{"milyon", "milyar", "trilyon"} {
		if strings.HasPrefix(w, t) {
			return scaleWords[t].muls
		}
	}
	// Thai writes words on without spaces: "ล้านคน" (million people),
	// "พันล้าน" (thousand million).
	m, found := 1.0, false
	for {
		next := false
		for _, t := range []string{"ล้าน", "แสน", "หมื่น", "พัน"} {
			if rest, ok := strings.CutPrefix(w, t); ok {
				m *= scaleWords[t].muls[0]
				w, found, next = rest, true, true
				break
			}
		}
		if !next {
			break
		}
	}
	if found {
		return []float64{m}
	}
	return nil
}

// percentWords are the words of "per cent" after a number.
var percentWords = foldAll(
	"percent", "per cent", "pct", "pour cent", "prozent", "por ciento", "por cien", "per cento", "por cento",
	"procent", "процент", "процента", "процентов", "процентам", "процентах", "процентами",
	"بالمئة", "بالمائة", "في المئة", "في المائة", "بالمية",
	"τοις εκατό", "τοις εκατον", "la sută", "procente", "la suta", "phần trăm", "प्रतिशत", "เปอร์เซ็นต์",
)

// percentBefore are the words of "per cent" before a number: "yüzde 30".
var percentBefore = map[string]bool{"yüzde": true}

func foldAll(ws ...string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = Fold(w)
	}
	return out
}

// numberWords are cardinal number words to a hundred, and the hundreds
// written as one word.
var numberWords = foldKeys(map[string]float64{
	// English
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	// English ordinals, as centuries and ranks are written: "the
	// nineteenth century", "second-largest".
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	// French
	"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
	"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
	"vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100,
	// German: compounds are read by germanNumber.
	// Spanish
	"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
	"nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
	"diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintidós": 22,
	"veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
	"sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200,
	"trescientos": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
	"ochocientos": 800, "novecientos": 900,
	// Russian, with the oblique forms met after prepositions
	"один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
	"четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7,
	"семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
	"одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
	"шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
	"тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
	"девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
	// Arabic
	"واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
	"أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8,
	"تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "أحد": 1, "عشرون": 20, "عشرين": 20, "ثلاثون": 30,
	"ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70,
	"سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100,
	// Arabic ordinals, as dates and centuries are written: "الثامن من
	// فبراير" (the eighth of February), "القرن الثامن عشر" (the 18th century).
	"أول": 1, "أولى": 1, "ثاني": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3, "رابع": 4, "رابعة": 4, "خامس": 5,
	"خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9,
	"عاشر": 10, "عاشرة": 10,
	"مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
})

func foldKeys(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[Fold(k)] = v
	}
	return out
}

// arabicBase is an Arabic scale word without its clitics: a conjunction,
// a preposition and the article before (ArabicBare, loose: "و" and, "ب"
// by, "ال" the; scaleWords decides), the accusative alef after
// ("مليارا", "والمليار", "بمليون"); other words as they are.
func arabicBase(w string) string {
	if _, ok := scaleWords[w]; ok || w == "" || w[0] < 0xd8 || w[0] > 0xdb {
		return w
	}
	for rest := range ArabicBare(w, 1, true) {
		if _, ok := scaleWords[rest]; ok {
			return rest
		}
		if r := strings.TrimSuffix(rest, "ا"); r != rest {
			if _, ok := scaleWords[r]; ok {
				return r
			}
		}
	}
	if r := strings.TrimSuffix(w, "ا"); r != w {
		if _, ok := scaleWords[r]; ok {
			return r
		}
	}
	return w
}

// rangeWords join the two ends of a range: "30 to 50", "30 à 50", "3到5万".
// Greek, Hindi and Romanian from Wiktionary's entries for "to", "until",
// "from", "and" and "or" in those languages: "30 έως 50 χιλιάδες", "30 से
// 50 हज़ार", "de la 30 la 50 de mii", "30 până la 50".
var rangeWords = foldSet(
	"-", "~", "to", "à", "a", "bis", "до", "по", "إلى", "و", "到", "至", "și", "ila", "đến", "ถึง", "and", "et", "und", "y", "и", "or", "ou", "oder", "o", "или",
	"έως", "ως", "μέχρι", "και", "ή", "से", "तक", "और", "या", "la", "sau", "şi", "până la", "έως και",
)

// centuryWords are the words for "century" (as prefixes of their forms).
var centuryWords = foldAll("century", "centuries", "siècle", "jahrhundert", "siglo", "век", "столети",
	"yüzyıl", "secol", "αιών", "thế kỷ", "kỷ", "ศตวรรษ", "शताब्दी", "सदी", "القرن", "世纪", "世紀")

func foldSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[Fold(w)] = true
	}
	return m
}
