// Package i18n is the message catalogue: every text the bot and the answer
// pipeline show a reader, in English, French, German, Spanish, Portuguese,
// Russian, Arabic, Japanese, Simplified and Traditional Chinese, and the
// choice of the language to show it in.
//
// The catalogue is a plain Go table rather than golang.org/x/text/message:
// each message is a typed Key, so a text the code asks for always exists;
// a test walks the table to check that every key has every language and
// the same format verbs in each; and the translations of one message sit
// side by side for review. Counts choose their form with the CLDR plural
// rules of golang.org/x/text/feature/plural (Russian one/few/many, Arabic
// zero/one/two/few/many), so no message says "sentence(s)".
//
// The translations were written with care by the engineers, not reviewed
// by professional translators.
package i18n
