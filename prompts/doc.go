// Package prompts holds the text the answer pipeline sends to the language
// model: the system rules and one user template per task (answer, summary,
// briefing, query rewrite). The templates are embedded, parsed once by New
// with missingkey=error, and rendered from typed data.
//
// Everything that comes from a document, a user or a conversation is
// escaped before it is placed between the prompt's delimiters, so a
// document that contains "</passage>" cannot close its block early and pass
// itself off as instructions.
package prompts
