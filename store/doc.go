// Package store keeps corpusbot's state that must survive a restart: the
// answers it posted (for "Show passage [n]" buttons and votes), feedback
// votes, conversations (one per Discord thread, DM or reply chain) and
// the history of daily briefings. By default everything lives in one SQLite file,
// Config.Dir/corpusbot.db, opened through the pure-Go driver
// modernc.org/sqlite; with Config.DatabaseURL it lives in PostgreSQL, through
// pgx's database/sql adapter (github.com/jackc/pgx/v5/stdlib). This package
// is the only importer of both drivers.
//
// # Two databases, one set of queries
//
// Every query is written once, in SQL both databases accept, with ?
// placeholders; on PostgreSQL they are rewritten as $1, $2, … (dialect.go).
// The few differences (an index hint, the FTS5 search table against a
// pg_trgm index, a clock in milliseconds) are named fields of the dialect,
// and each database has its own migration files, migrations/sqlite and
// migrations/postgres, with the same versions and names: version N is the
// same change on both. On PostgreSQL text columns use the "C" collation, so
// that text compares as in SQLite, times are the same RFC 3339 text and
// flags the same 0 and 1. Migrations run at Open under a lock: SQLite's
// write lock, or a PostgreSQL advisory lock named for the schema, so
// processes starting together apply each migration once.
//
// CopyInto moves a whole database into a new one, of either kind (SQLite
// to PostgreSQL when a deployment grows), the user-hash salt included.
//
// The durability and integrity checks below are SQLite's, about its file.
// On PostgreSQL a commit is durable when the server says so; Check asks
// the server, and a server that cannot be reached is StateUnavailable
// until it answers again.
//
// # Leases
//
// AcquireLease, RenewLease and ReleaseLease let one process among several
// lead (leases.go), judged by the database's clock; Fenced refuses the
// briefing writes of a holder that lost its lease.
//
// # Durability
//
// The database runs in WAL mode with synchronous=FULL, busy_timeout=5000
// and foreign keys on, set on every pooled connection. Every write is one
// transaction: an error or a crash never leaves half a record. Writers take
// turns, within a process and across the processes sharing the file (a
// flock of corpusbot.db-lock), rather than in SQLite's busy handler, which
// polls and can starve one process's writer past busy_timeout. The schema is
// created and upgraded at Open by the numbered files in migrations/, each in
// its own transaction and recorded in schema_migrations; a database written
// by a newer binary is refused with ErrSchemaTooNew.
//
// A write returns nil only once it is durable where the next start will
// look for it: committed and synced, and the file at the path still the one
// written to. What a user is told was recorded (a vote, a conversation
// turn, a thread link) is also copied from the write-ahead log into the
// database file by a passive checkpoint, so a log damaged later cannot take
// it along. If
// the file was deleted while running, the store restores it from the handle
// it still has open (VACUUM INTO) and the write stands; if another file
// replaced it, the store saves the running database beside it, opens the new
// one, and the write reports ErrReplaced. Check, run every
// Config.CheckInterval, repeats the file check and runs PRAGMA quick_check
// on a fresh connection.
//
// Failures are classified once (full, read-only, corrupt, missing, …) and
// counted through Config.Observer; Status says whether writes are durable
// (StateOK) or why not. Each change of state is logged once: a full disk is
// one line, not one per write.
//
// Raw Discord user IDs are never stored. Callers store HashUser(id), an HMAC
// keyed with a random salt kept in the database, and the store refuses user
// hash fields that do not look like one.
//
// Times are stored as RFC 3339 UTC text to the millisecond
// (2025-01-02T09:00:00.000Z), so the file reads well in the sqlite3 shell;
// QueryVotesPerDay and QueryTopQuestions are ready-made operator queries.
//
// # The operator's dashboard
//
// Answers also record how they went (outcome, language, latency, tokens,
// marks, channel kind, nearest documents). Triggers keep daily roll-ups
// (answer_days, latency_days, doc_days), a per-question roll-up of the
// coverage gaps of every stored day (gap_questions) and a trigram search
// index of the questions (answers_fts) in step with every write and
// delete, so that
// Overview, GapQuestions, Questions, Documents and BriefingHistory stay fast
// at hundreds of thousands of answers. Prune and RetainDays delete questions
// and answers past the retention period.
//
// # Briefings and crash recovery
//
// A daily briefing must never repeat points already posted in its channel,
// and a process killed mid-briefing must neither lose nor repeat the points
// of that briefing. The protocol, for each (channel, slot):
//
//  1. id, state := ClaimBriefing(channel, slot). StatePosted: done, stop.
//  2. parts, points := Plan(id). If there is no plan yet, generate one,
//     leaving out PostedPointKeys(channel) and, if wanted, passages in
//     PostedSources(channel), then SavePlan(id, parts, points).
//  3. posted := PostedParts(id). For each planned part i not in posted, in
//     order: post it to Discord, then RecordPosted(id, i, messageID,
//     points[i]).
//  4. CompleteBriefing(id).
//
// After a crash, running the same steps again resumes: the claim is found
// pending, the stored plan is reused rather than regenerated, and posting
// starts at the first part with no RecordPosted. At start-up, call
// PendingBriefings(channel) to resume claims left from an earlier slot.
//
// The one window left is between Discord accepting part i and RecordPosted(i)
// committing: a crash there posts part i again. Sending each part with a
// Discord message nonce derived from (id, i) and enforce_nonce closes it for
// restarts within a few minutes.
package store
