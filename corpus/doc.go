// Package corpus holds the documents the bot answers from and loads them into
// passages with exact locations, so every citation can quote and locate its text.
//
// Load walks an fs.FS and reads plain text (.txt), Markdown and MDX (.md,
// .markdown, .mdx, with goldmark: CommonMark and GFM), reStructuredText
// (.rst, an included .rst.inc, and a Sphinx build's _sources/*.rst.txt where no built page
// exists), AsciiDoc (.adoc, .asciidoc, .asc), HTML (.html, .htm), PDF and DOCX.
// Every other file, and every file that cannot be used (binary, not UTF-8,
// too large, unreadable, empty, encrypted, a duplicate, a generated search
// or index page, a site's 404 page), is named in a Warning with its SkipKind and reason;
// Corpus.Summary says it in one line.
//
// Structured formats are reduced to blocks first: headings, paragraphs,
// list items, code blocks and tables, free of markup (front matter, fences,
// admonition markers, shortcodes, MDX imports and JSX, comments, roles and
// directives), each with the lines of the source file it comes from (the
// page, for a PDF). A document's Text is its blocks joined by blank lines;
// a prose paragraph is on one line, so no sentence is cut where the source
// wrapped it. Headings are passage boundaries: each passage carries its
// heading path (Headings), code blocks and tables are never cut at blank
// lines, and a passage holds no heading or fence alone. The title is the
// front matter's, else the first heading, else the file name.
//
// Plain text keeps its bytes (only line endings and a byte order mark
// normalised) and is cut on paragraph boundaries: short paragraphs are
// merged up to about 200 words, long ones split at sentence ends, and a
// short heading-like line starts a passage. News pages saved as text carry
// more than their article, so their paragraphs are classified first (see
// noise.go): Body, Aside (teasers of other stories after a sign-off, "read
// also" links; passages of their own) or dropped (comment forms, share
// buttons, copyright footers). Those rules look at the shape and wording of
// lines in English, French and Arabic, not at any particular site.
//
// Across the loaded folder, blocks repeated on many different pages are
// boilerplate and left out (never headings, code or tables); a passage
// found word for word in several files is indexed once, with AlsoIn naming
// the others; and a page's language versions are linked (Translations).
//
// Sizes are in words (package text): a Han or kana character weighs 0.6 of
// a word, so a Chinese passage holds about as much as an English one.
package corpus
