// Package verify reads a model's reply to a prompt that gave it numbered
// passages, and shows it as a reader may trust it: it parses the reply's
// citations ([2], [1, 3], 【2】, [^2] and their likes, ParseCitations),
// takes out the verbatim quote that backs each one («…» right after it),
// checks that quote against the passage it cites (folded as retrieval
// folds text, on word boundaries, QuoteSpan), and checks the sentence
// against its quote's sentences: its figures, names and negations. Each
// sentence becomes a Claim with its Support; a sentence whose citation
// does not back it, or that cites nothing, is marked (⚠¹, ❔²) where it
// opens, and Claim.Why says why in the reader's language.
//
// A Reader renders one reply sentence by sentence, also while it streams:
// the rendering of a prefix of the reply is a prefix of the rendering of
// the whole. It reads the passages through Passages and tells searchable
// words through Analyzer, both small interfaces its caller (package
// answer) implements. It knows nothing of retrieval, the corpus or the
// model.
package verify
