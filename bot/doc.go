// Package bot is corpusbot's Discord adapter and the only importer of
// discordgo. It answers @mentions, DMs, follow-ups in the threads it opens,
// replies to its answers and the message command "Ask the corpus", serves the slash commands /ask,
// /summary, /briefing, /search and /sources, the "Show passage [n]" and vote
// buttons under answers, and posts a daily briefing.
//
// # Shape
//
// New takes a Config, an Answerer (the answer pipeline), a Store (state
// that survives restarts) and a logger; Run connects and serves until its
// context ends. Each part of the bot sees the store through the small
// interface declared beside it (AnswerLog, VoteRecorder, Conversations,
// BriefingStore, UserHasher), which names only the methods it calls. Bot
// has one method per command and one reply builder (reply), through which
// every message, edit, follow-up and interaction response passes, so that
// each carries allowed_mentions {"parse": []} and nothing the bot writes
// can ping anyone. Config.Metrics, when set (a *health.Monitor fits),
// receives questions, answer times, tokens, errors, votes and the
// gateway's state.
//
// # Discord rules the bot keeps
//
//   - Interactions are acknowledged at once: in-memory checks (allow-lists,
//     the user's token bucket) first, then a deferred response, then the
//     work, which may wait Config.QueueWait for a place in a full queue.
//     Public or private is decided at that moment.
//   - Without the Message Content intent, a message in the bot's thread
//     that does not mention it arrives empty; the bot cannot answer it and
//     says so once per thread.
//   - Answers stream by editing at most once per Config.EditInterval; the
//     final text is laid out with Format and Split, with the sources list in
//     the last message and the buttons under it.
//   - An interaction token lives 15 minutes; an answer that takes longer is
//     posted as a channel message (a DM for private answers).
//   - While a mention is answered the channel shows the typing indicator.
//
// # Conversations
//
// A thread the bot opened, a user's DM (until Config.ConversationIdle
// passes without a question, or /ask new:true) and a chain of Discord
// replies to its answers are each one conversation, stored apart (see
// conversation.go): the last Config.HistoryTurns turns go with each
// question, the answers as written (Result.HistoryText).
//
// # Shutdown
//
// When Run's context ends the bot stops taking new questions (users are told
// it is restarting), lets answers in flight finish for Config.ShutdownGrace,
// cancels the rest, closes the gateway and returns nil.
package bot
