package store

// Operator queries, shown in the README. Each runs as it is in the sqlite3
// shell, e.g. sqlite3 -readonly -header -column data/corpusbot.db, even
// while the bot is running (WAL lets readers and the writer work together).
// Days are UTC days.

// QueryVotesPerDay lists, per day, the current up and down votes cast that
// day. Columns: day (YYYY-MM-DD), up, down. A user who changes a vote moves
// it to the day of the change.
const QueryVotesPerDay = `SELECT substr(voted_at, 1, 10) AS day,
       sum(value = 1)  AS up,
       sum(value = -1) AS down
FROM votes
GROUP BY day
ORDER BY day;`

// QueryTopQuestions lists the 20 questions asked most often (answers only,
// not summaries or briefings), ignoring case and surrounding spaces.
// Columns: question (its latest wording), times_asked, last_asked (RFC 3339
// UTC).
//
// With exactly one max() in the query, SQLite takes the bare column question
// from the row holding the maximum, hence "latest wording".
const QueryTopQuestions = `SELECT question,
       count(*)        AS times_asked,
       max(created_at) AS last_asked
FROM answers
WHERE kind = 'answer' AND trim(question) <> ''
GROUP BY lower(trim(question))
ORDER BY times_asked DESC, last_asked DESC
LIMIT 20;`
