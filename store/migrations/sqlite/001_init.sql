-- 001_init: the first schema of corpusbot's state.
--
-- Conventions, so the file reads well in the sqlite3 shell:
--   * column types are plain TEXT or INTEGER;
--   * every time is RFC 3339 UTC text with milliseconds, such as
--     2025-01-02T09:00:00.000Z: fixed width, so it sorts as text, and
--     date(x) / substr(x, 1, 10) give the UTC day;
--   * user columns hold HMAC hashes (user_hash), never Discord user IDs.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- answers holds what the bot posted: answers, summaries and briefings, with
-- the passages they cite, so "Show passage [n]" works after a restart.
CREATE TABLE answers (
	id         TEXT PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('answer', 'summary', 'briefing')),
	question   TEXT NOT NULL,
	text       TEXT NOT NULL,
	guild_id   TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	user_hash  TEXT NOT NULL,
	abstained  INTEGER NOT NULL CHECK (abstained IN (0, 1)),
	created_at TEXT NOT NULL
);
CREATE INDEX answers_by_time ON answers (created_at);

CREATE TABLE answer_sources (
	answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
	n         INTEGER NOT NULL CHECK (n >= 1),
	doc_id    TEXT NOT NULL,
	passage   INTEGER NOT NULL,
	PRIMARY KEY (answer_id, n)
);

-- votes has no foreign key to answers on purpose: a vote on an answer the
-- store never recorded (posted before an upgrade, or whose recording failed)
-- is still worth keeping, and it carries its own question.
CREATE TABLE votes (
	answer_id TEXT NOT NULL,
	user_hash TEXT NOT NULL,
	question  TEXT NOT NULL,
	value     INTEGER NOT NULL CHECK (value IN (-1, 1)),
	voted_at  TEXT NOT NULL,
	PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX votes_by_time ON votes (voted_at);

-- A Discord thread is one conversation.
CREATE TABLE threads (
	thread_id         TEXT PRIMARY KEY,
	parent_channel_id TEXT NOT NULL,
	guild_id          TEXT NOT NULL,
	starter_user_hash TEXT NOT NULL,
	created_at        TEXT NOT NULL
);

-- turns keeps the newest few turns per thread; id gives their order.
CREATE TABLE turns (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	thread_id  TEXT NOT NULL REFERENCES threads (thread_id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
	text       TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX turns_by_thread ON turns (thread_id, id);

-- briefings: one row per (channel, slot); see the package documentation for
-- the crash-recovery protocol built on these tables.
CREATE TABLE briefings (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	channel_id   TEXT NOT NULL,
	slot         TEXT NOT NULL,
	state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'posted')),
	claimed_at   TEXT NOT NULL,
	completed_at TEXT, -- NULL while pending
	UNIQUE (channel_id, slot)
);

-- briefing_plan is the generated briefing, kept so that a resumed briefing
-- posts the same parts rather than a new text. points is a JSON array of
-- {"key", "text", "sources"}.
CREATE TABLE briefing_plan (
	briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
	part        INTEGER NOT NULL CHECK (part >= 0),
	text        TEXT NOT NULL,
	points      TEXT NOT NULL,
	PRIMARY KEY (briefing_id, part)
);

-- briefing_parts, briefing_points and briefing_point_sources record what was
-- actually posted, one message part at a time.
CREATE TABLE briefing_parts (
	briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
	part        INTEGER NOT NULL CHECK (part >= 0),
	message_id  TEXT NOT NULL,
	posted_at   TEXT NOT NULL,
	PRIMARY KEY (briefing_id, part)
);

CREATE TABLE briefing_points (
	briefing_id INTEGER NOT NULL,
	part        INTEGER NOT NULL,
	position    INTEGER NOT NULL,
	point_key   TEXT NOT NULL CHECK (point_key <> ''),
	text        TEXT NOT NULL,
	PRIMARY KEY (briefing_id, point_key),
	FOREIGN KEY (briefing_id, part) REFERENCES briefing_parts (briefing_id, part) ON DELETE CASCADE
);

CREATE TABLE briefing_point_sources (
	briefing_id INTEGER NOT NULL,
	point_key   TEXT NOT NULL,
	position    INTEGER NOT NULL,
	source      TEXT NOT NULL CHECK (source <> ''),
	PRIMARY KEY (briefing_id, point_key, position),
	FOREIGN KEY (briefing_id, point_key) REFERENCES briefing_points (briefing_id, point_key) ON DELETE CASCADE
);
