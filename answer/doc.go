// Package answer is the question-answering pipeline: question → retrieval →
// context budget → prompt → language model → verified citations. It knows
// nothing of Discord; the CLI and the bot both drive it.
//
// Every answer it returns cites passages of named documents. When nothing in
// the corpus clears the relevance floor it abstains without calling the
// model, and names the nearest documents instead. Without a model
// (Model nil) it answers extractively: the best sentences of the best
// passages, each with its citation, so a fresh install is useful at once.
//
// Outcomes a caller should tell apart are sentinel errors (ErrEmptyQuestion,
// ErrQuestionTooLong, ErrEmptyReply, ErrUnknownDocument, ErrNothingNew) or,
// for model failures, the llm package's categories, wrapped; test them with
// errors.Is. An abstention is not an error: it is a Result with Abstained set.
package answer
