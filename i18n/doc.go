// Package i18n is the message catalogue: every text the bot and the answer
// pipeline show a reader, in English, Arabic, and each language of
// Discord's clients (French, German, Spanish, Portuguese, Russian,
// Japanese, Simplified and Traditional Chinese, Korean, Ukrainian,
// Italian, Dutch, Polish, Turkish, Vietnamese, Indonesian, Hindi, Thai,
// Czech, Swedish, Danish, Norwegian Bokmål, Finnish, Greek, Romanian,
// Hungarian, Bulgarian, Croatian and Lithuanian), and the choice of the
// language to show it in.
//
// The catalogue is a plain Go table rather than golang.org/x/text/message:
// each message is a typed Key, so a text the code asks for always exists;
// a test walks the table to check that every key has every language and
// the same format verbs in each; and the translations of one message sit
// side by side for review. Counts choose their form with the CLDR plural
// rules of golang.org/x/text/feature/plural (Russian, Ukrainian and
// Polish one/few/many, Czech, Croatian, Lithuanian and Romanian
// one/few/other, Arabic zero/one/two/few/many), so no message says
// "sentence(s)". A count is written in the case its sentence needs: the
// accusative after "wait" and "in" in Slavic languages, the genitive in
// Finnish and Lithuanian, whose sentences are built around it.
//
// The translations were written by the engineers and reviewed once for
// idiom, register, terminology (one word per concept within a language:
// passage, quote, citation, source, briefing, summary) and punctuation;
// not by professional translators. Tests hold what a review can check
// mechanically: every message in every language with English's format
// verbs, code spans, markers and signs; French spacing; the punctuation
// of Arabic, Chinese, Japanese, Spanish and Greek; the polite register of
// French, German and Spanish.
package i18n
