package text

import "unicode"

// GuessLanguage is DetectLanguage for a short text that must be given a
// language to answer in: "" when it has no letters, and "en" (the default
// reply language) for Latin text that says too little to tell, where
// DetectLanguage says "und".
func GuessLanguage(s string) string {
	if l := DetectLanguage(s); l != "und" {
		return l
	}
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return "en"
		}
	}
	return ""
}
