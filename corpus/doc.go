// Package corpus holds the documents the bot answers from and loads them into
// passages with exact locations, so every citation can quote and locate its text.
//
// Load walks an fs.FS for .txt, .md, .html and .htm files. Each file becomes a
// Document whose Text is the file's text (HTML reduced to its visible text)
// with only line endings and a leading byte order mark normalised: passages
// point into it by byte offset, so a citation quotes the original words.
// Retrieval normalises (NFKC, case folding) on its own copy.
//
// A document's language is detected from its text (DetectLanguage): the
// script with the most letters, then, for Latin script, the most frequent
// function words.
//
// Text is cut into passages on paragraph boundaries: short paragraphs are
// merged up to about 200 words, long ones split at sentence ends, and a short
// heading always starts a passage. Web pages carry more than their article,
// so paragraphs are classified before they are grouped:
//
//   - Body: the document's own text.
//   - Aside: real text that is not the article, such as teasers of other
//     stories appended after a sign-off ("Additional reporting by …"), "read
//     also" links, or trailing paragraphs cut off mid-sentence or sharing
//     almost no content words with the article. Each becomes a passage of
//     its own, so a question about it still finds it, but it is never merged
//     into the article.
//   - Dropped: page furniture such as comment forms, share buttons, copyright
//     footers and repeated photo credits. It stays in Document.Text but is in
//     no passage.
//
// The rules look at the shape and wording of lines, in English, French and
// Arabic (a few in German and Spanish), not at any particular site; see
// noise.go for the list and testdata/pages for the pages they are tested on.
//
// Files that cannot be used (binary, not UTF-8, empty, too large, unreadable)
// are skipped with a Warning instead of failing the load.
package corpus
