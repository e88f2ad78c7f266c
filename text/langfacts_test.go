package text

import (
	"slices"
	"testing"
	"unicode"
)

// Every code DetectLanguage returns has a script, and it is the script
// most letters of a sentence in it are in (languageSamples), as detection
// counts them: the facts are the detector's, not a list beside it.
func TestScriptOfEveryLanguage(t *testing.T) {
	for _, l := range Languages() {
		want := Script(l)
		if want == "" {
			t.Errorf("Script(%q) = \"\", but DetectLanguage returns %q", l, l)
			continue
		}
		s, ok := languageSamples[l]
		if !ok {
			t.Fatalf("no sample sentence for %q", l)
		}
		var n [numScripts]int
		for _, r := range s {
			if sc, ok := scriptOf(r); ok && unicode.IsLetter(r) {
				n[sc]++
			}
		}
		if n[scriptKana] > 0 {
			n[scriptKana] += n[scriptHan] // Japanese is Han and kana
		}
		most := 0
		for sc := range n {
			if n[sc] > n[most] {
				most = sc
			}
		}
		if got := scriptNames[most]; got != want {
			t.Errorf("Script(%q) = %q, but its sentence is mostly %q: %s", l, want, got, s)
		}
		if LatinScript(l) != (want == "Latn") {
			t.Errorf("LatinScript(%q) = %v, Script %q", l, LatinScript(l), want)
		}
	}
	for _, c := range []struct{ lang, script string }{
		{"en", "Latn"}, {"vi", "Latn"}, {"lt", "Latn"}, {"sr", "Cyrl"}, {"ur", "Arab"},
		{"zh", "Hani"}, {"ja", "Jpan"}, {"ko", "Kore"}, {"my", "Mymr"},
		{"und", ""}, {"", ""}, {"zh-Hant", ""}, {"nb", ""}, {"mk", ""},
	} {
		if got := Script(c.lang); got != c.script {
			t.Errorf("Script(%q) = %q, want %q", c.lang, got, c.script)
		}
	}
}

// FewMarkers are the Latin-script languages detection names by its own
// short lists alone: Polish, Czech, Croatian and Lithuanian, not
// Vietnamese (its letters) nor a language with a stopword list.
func TestFewMarkers(t *testing.T) {
	var got []string
	for _, l := range Languages() {
		if FewMarkers(l) {
			got = append(got, l)
		}
	}
	if want := []string{"pl", "cs", "hr", "lt"}; !slices.Equal(got, want) {
		t.Errorf("FewMarkers of Languages() = %v, want %v", got, want)
	}
}

// Each misreading Confusable lists is one the detector makes on a short
// text of the language for a reader of it (lines of this project's message
// catalogue), and the languages are the detector's; the reverse of a
// misreading is not one unless listed, and Ukrainian is not Russian to a
// Ukrainian reader (i18n's TestCatalogueMisreadings checks the catalogue
// for misreadings the list lacks).
func TestConfusable(t *testing.T) {
	examples := map[[2]string]string{
		{"uk", "bg"}: "Я саме перезапускаюся. Запитайте ще раз за хвилину.",
		{"sr", "ru"}: "Проверите ове реченице у изворима:",
		{"sr", "bg"}: "Преглед докумената или неке теме, са наводима",
		{"bg", "ru"}: "Посочете за обобщение или `document`, или `topic`, но не и двете.",
		{"fa", "ar"}: "منابع:",
		{"ur", "ar"}: "ماخذ:",
		{"ur", "fa"}: "قریب ترین دستاویزات:",
		{"da", "no"}: "Intet nyt i dokumenterne siden sidste briefing.",
		{"no", "da"}: "%[2]s passer til «%[1]s». Hvilket mener du? Kjør `/summary` på nytt med ID-en (den fylles ut automatisk mens du skriver):",
	}
	langs := Languages()
	for lang, as := range misreadings {
		if !slices.Contains(langs, lang) {
			t.Errorf("misreadings lists %q, which DetectLanguage never returns", lang)
		}
		for _, a := range as {
			if !slices.Contains(langs, a) {
				t.Errorf("misreadings lists %q as %q, which DetectLanguage never returns", lang, a)
			}
			if Script(a) != Script(lang) {
				t.Errorf("misreadings lists %q (%s) as %q (%s): another script is never misread", lang, Script(lang), a, Script(a))
			}
			s, ok := examples[[2]string{lang, a}]
			if !ok {
				t.Errorf("Confusable(%q, %q) has no example text", lang, a)
				continue
			}
			if got := DetectLanguageFor(s, lang); got != a {
				t.Errorf("Confusable(%q, %q): DetectLanguageFor(%q, %q) = %q, want %q", lang, a, s, lang, got, a)
			}
		}
	}
	for pair := range examples {
		if !Confusable(pair[0], pair[1]) {
			t.Errorf("Confusable(%q, %q) = false", pair[0], pair[1])
		}
	}
	if s := "Нова розмова: наступне запитання почнеться з чистого аркуша."; DetectLanguage(s) != "ru" || DetectLanguageFor(s, "uk") != "uk" {
		t.Errorf("%q: DetectLanguage %q, for a Ukrainian reader %q; want ru, uk", s, DetectLanguage(s), DetectLanguageFor(s, "uk"))
	}
	for _, c := range [][2]string{{"uk", "ru"}, {"ru", "uk"}, {"ru", "sr"}, {"ar", "fa"}, {"ja", "zh"}, {"en", "fr"}, {"ru", "ru"}, {"nb", "da"}} {
		if Confusable(c[0], c[1]) {
			t.Errorf("Confusable(%q, %q) = true", c[0], c[1])
		}
	}
}
