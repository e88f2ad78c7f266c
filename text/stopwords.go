package text

import (
	"strings"
	"sync"
)

// stopLists are the stopwords of each language, as typed: lower case, in
// the forms left after elision; Arabic with its hamza forms (Stopwords
// returns them as written, IsStopword matches folded text too).
var stopLists = map[string]string{
	// Lucene's English stop set plus question words and auxiliaries,
	// which carry no topic in a question ("What did … say"); measured on
	// SciFact (docs/benchmarks.md).
	"en": `
a an and are as at be but by for if in into is it no not of on or such that
the their then there these they this to was will with
what which who whom whose why how when where
do does did done doing has have had having been being were am
i me my we our you your he him his she her its them those
would should could can may might shall about from than so also
many much more most other some any very only just each both few
dont doesnt didnt isnt arent wasnt werent wont cant
`,
	"fr": `
a à au aux avec ce ces cet cette ceci cela ça dans de des du elle elles en et
eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne ni nos
notre nous on ou où par pas pour qu que quel quelle quels quelles qui quoi
sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous y
est était étaient être été ai as avons avez ont avait avaient eu
dont donc comme comment pourquoi quand lorsque puisque car
`,
	// Common particles, pronouns and question words.
	"ar": `
في من على إلى الى عن مع أن إن ان أو او ثم لا لم لن ما ماذا لماذا كيف كم متى أين هل
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين التى
هو هي هم هن نحن أنا انا أنت انت أنتم
كان كانت يكون تكون قد لقد كل بعض غير بين حتى إذا اذا لكن بل أي أيضا
عند عندما منذ حيث قبل بعد فيه فيها منه منها عليه عليها به بها له لها لهم
و ف ب ل ك يا
`,
}

// Stopwords returns the stopwords of lang (an ISO 639-1 code such as "en";
// a region suffix is ignored), or nil when it has none. The caller owns
// the slice.
func Stopwords(lang string) []string {
	return strings.Fields(stopLists[BaseLang(lang)])
}

// stopSets holds every list as a set of folded words, "" the union of all.
var stopSets = sync.OnceValue(func() map[string]map[string]struct{} {
	sets := make(map[string]map[string]struct{}, len(stopLists)+1)
	all := make(map[string]struct{})
	for lang, list := range stopLists {
		set := make(map[string]struct{})
		for _, w := range strings.Fields(list) {
			for _, v := range []string{w, Fold(w)} {
				set[v] = struct{}{}
				all[v] = struct{}{}
			}
		}
		sets[lang] = set
	}
	sets[""] = all
	return sets
})

// IsStopword reports whether the lower-case word w is a stopword of lang,
// or, when lang is "", of any language that has a list. Folded forms
// (Fold) match too.
func IsStopword(lang, w string) bool {
	set, ok := stopSets()[BaseLang(lang)]
	if !ok {
		return false
	}
	_, ok = set[w]
	return ok
}

// BaseLang returns the language of a tag without its region or script, in
// lower case: "en-US" and "EN_gb" give "en".
func BaseLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
