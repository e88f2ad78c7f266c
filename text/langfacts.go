package text

import "slices"

// Facts about the languages DetectLanguage names, for the packages that
// must know how far to trust it (i18n choosing a reply's language, verify
// telling an answer's): which script a language is written in, which it
// names from a few words only, which it may read one as another. They are
// read off the detector's own tables (latinLangs, sharedScripts,
// scriptLangs, detectionWords), so that they change with it.

// scriptNames are the ISO 15924 codes of the scripts detection counts.
// Han is Chinese's (Hani); kana stands for Japanese, written in Han and
// kana (Jpan).
var scriptNames = [numScripts]string{
	scriptLatin: "Latn", scriptArabic: "Arab", scriptHan: "Hani", scriptKana: "Jpan",
	scriptHangul: "Kore", scriptCyrillic: "Cyrl", scriptGreek: "Grek", scriptHebrew: "Hebr",
	scriptDevanagari: "Deva", scriptThai: "Thai", scriptLao: "Laoo", scriptKhmer: "Khmr",
	scriptMyanmar: "Mymr", scriptTamil: "Taml", scriptBengali: "Beng", scriptGeorgian: "Geor",
	scriptArmenian: "Armn",
}

// Script returns the ISO 15924 code of the script the language lang (a
// code DetectLanguage returns) is written in, as detection reads it:
// "Latn", "Cyrl", "Arab", "Hani" (Chinese), "Jpan" (Japanese), "Kore",
// "Thai"…; "" for a code DetectLanguage never returns ("und", "zh-Hant",
// "nb": a caller with a catalogue's codes maps them to the detector's
// first).
func Script(lang string) string {
	if slices.Contains(latinLangs[:], lang) {
		return scriptNames[scriptLatin]
	}
	for _, s := range sharedScripts {
		if slices.Contains(s.langs, lang) {
			return scriptNames[s.script]
		}
	}
	if i := slices.Index(scriptLangs[:], lang); i >= 0 && lang != "" {
		return scriptNames[i]
	}
	return ""
}

// LatinScript reports whether lang, a code DetectLanguage returns, is
// written in Latin script: those it tells apart by their function words
// and letters rather than by their script.
func LatinScript(lang string) bool { return Script(lang) == scriptNames[scriptLatin] }

// FewMarkers reports whether DetectLanguage names lang only from a few
// dozen of its function words and letters (detectionWords), as it has no
// stopword list to weigh (Polish, Czech, Croatian, Lithuanian): a short
// text in it with none of them is read as "und" or as a neighbour (Czech
// as Polish, Croatian "je" as French), so its reader's locale is the
// better guess. Vietnamese, named by its letters, is not one of them.
func FewMarkers(lang string) bool {
	return LatinScript(lang) && len(Stopwords(lang)) == 0 && detectionWords(lang) != ""
}

// misreadings are the languages DetectLanguageFor may read a short text
// of each as, even for a reader of it, for want of what tells it: the
// default of its script (decide names Russian a Cyrillic text, Arabic an
// Arabic-script one, when no letter proper to another tells), Bulgarian
// for the Cyrillic languages that lack ы and э as Bulgarian does (its
// function words then decide), Persian for Urdu, which writes Persian's
// letters besides its own; and Danish and Norwegian (Bokmål) each other,
// which share most function words and å, æ and ø. A Ukrainian reader's
// text without і ї є ґ is Ukrainian to it unless Russian's letters or
// words say otherwise (saysUkrainian), so Ukrainian is read as Russian
// only by DetectLanguage, for no reader. Chinese and Japanese are not
// listed: Japanese is told by its kana, which a sentence of it has (a word
// of kanji alone, 質問, is Chinese to any reader).
var misreadings = map[string][]string{
	"uk": {"bg"}, "sr": {"ru", "bg"}, "bg": {"ru"},
	"fa": {"ar"}, "ur": {"ar", "fa"},
	"da": {"no"}, "no": {"da"},
}

// Confusable reports whether DetectLanguageFor(s, lang), reading for a
// reader of lang, may still read a short text s written in lang as as
// (codes it returns): Serbian without ђ ћ џ љ њ ј and Bulgarian without ъ
// as Russian, Ukrainian and Serbian as Bulgarian; Persian without پ چ ژ گ
// ک ی and Urdu without ے ہ ں as Arabic, Urdu as Persian; Danish as
// Norwegian and Norwegian as Danish. The reader's locale is then a better
// guess than the detector. It is not symmetric: Russian with ы is never
// Serbian read as it. A caller that asks whether two languages may be
// taken one for the other asks both ways.
func Confusable(lang, as string) bool { return slices.Contains(misreadings[lang], as) }
