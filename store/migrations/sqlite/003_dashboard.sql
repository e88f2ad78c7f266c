-- 003_dashboard: what the operator's dashboard and `corpusbot report` read.
--
-- answers gains how each answer went. Rows written before this migration
-- keep the defaults: outcome from abstained, nothing else known (latency
-- NULL, language '', no tokens, no marks).
ALTER TABLE answers ADD COLUMN outcome TEXT NOT NULL DEFAULT 'answered'
	CHECK (outcome IN ('answered', 'abstained', 'failed'));
UPDATE answers SET outcome = 'abstained' WHERE abstained = 1;
-- failure is the class of error of a failed answer ('timeout',
-- 'unavailable', …); '' otherwise. Never the error text: it may quote input.
ALTER TABLE answers ADD COLUMN failure TEXT NOT NULL DEFAULT '';
ALTER TABLE answers ADD COLUMN lang TEXT NOT NULL DEFAULT '';          -- the question's, ISO 639-1; '' unknown
ALTER TABLE answers ADD COLUMN latency_ms INTEGER;                     -- question to final text; NULL unknown
ALTER TABLE answers ADD COLUMN prompt_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN completion_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;  -- sentences marked unverified
ALTER TABLE answers ADD COLUMN weak INTEGER NOT NULL DEFAULT 0;        -- sentences marked weakly supported
ALTER TABLE answers ADD COLUMN channel_kind TEXT NOT NULL DEFAULT '';  -- 'dm', 'channel', 'thread'; '' unknown

-- What each citation showed, so an answer's detail reads as it did in
-- Discord even after its document changed.
ALTER TABLE answer_sources ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE answer_sources ADD COLUMN line_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_sources ADD COLUMN line_end INTEGER NOT NULL DEFAULT 0;

-- answer_nearest: the documents an unanswered question came closest to.
CREATE TABLE answer_nearest (
	answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
	rank      INTEGER NOT NULL CHECK (rank >= 1),
	doc_id    TEXT NOT NULL,
	PRIMARY KEY (answer_id, rank)
);

-- documents: the corpus as last loaded, so the dashboard can name documents
-- never cited and say when each was loaded and last changed.
CREATE TABLE documents (
	doc_id     TEXT PRIMARY KEY,
	title      TEXT NOT NULL,
	lang       TEXT NOT NULL,
	passages   INTEGER NOT NULL,
	hash       TEXT NOT NULL,  -- of the document's text; a new hash is a change
	first_seen TEXT NOT NULL,
	loaded_at  TEXT NOT NULL,  -- the last load that had it
	changed_at TEXT NOT NULL,  -- the last load that found its text different
	removed_at TEXT            -- the first load without it; NULL while present
);

-- briefing_failures: each failed attempt at a scheduled briefing.
CREATE TABLE briefing_failures (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	channel_id TEXT NOT NULL,
	slot       TEXT NOT NULL,
	attempt    INTEGER NOT NULL,
	error      TEXT NOT NULL,  -- redacted and cut short by the caller
	failed_at  TEXT NOT NULL
);
CREATE INDEX briefing_failures_by_slot ON briefing_failures (channel_id, slot);

-- Daily roll-ups, kept by the triggers below, so the dashboard adds up
-- days instead of scanning answers: every write, retry, prune or delete
-- by hand keeps them right.

-- answer_days: per UTC day, kind, language and channel kind.
CREATE TABLE answer_days (
	day               TEXT NOT NULL, -- YYYY-MM-DD
	kind              TEXT NOT NULL,
	lang              TEXT NOT NULL,
	channel_kind      TEXT NOT NULL,
	n                 INTEGER NOT NULL,
	answered          INTEGER NOT NULL,
	abstained         INTEGER NOT NULL,
	failed            INTEGER NOT NULL,
	marked            INTEGER NOT NULL, -- answered with sentences marked unverified or weak
	timed             INTEGER NOT NULL, -- with a latency
	prompt_tokens     INTEGER NOT NULL,
	completion_tokens INTEGER NOT NULL,
	PRIMARY KEY (day, kind, lang, channel_kind)
) WITHOUT ROWID;

-- latency_days: answers (kind 'answer') per UTC day and latency, the
-- latency cut to two significant digits of milliseconds, for percentiles.
CREATE TABLE latency_days (
	day    TEXT NOT NULL,
	bucket INTEGER NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (day, bucket)
) WITHOUT ROWID;

-- doc_days: citations of each document per UTC day of the citing answer.
CREATE TABLE doc_days (
	day       TEXT NOT NULL,
	doc_id    TEXT NOT NULL,
	citations INTEGER NOT NULL,
	PRIMARY KEY (day, doc_id)
) WITHOUT ROWID;

INSERT INTO answer_days
SELECT substr(created_at, 1, 10), kind, lang, channel_kind, count(*), sum(outcome = 'answered'),
	sum(outcome = 'abstained'), sum(outcome = 'failed'), sum(outcome = 'answered' AND unverified + weak > 0),
	count(latency_ms), sum(prompt_tokens), sum(completion_tokens)
FROM answers GROUP BY 1, 2, 3, 4;
INSERT INTO doc_days
SELECT substr(a.created_at, 1, 10), s.doc_id, count(*)
FROM answer_sources s JOIN answers a ON a.id = s.answer_id GROUP BY 1, 2;

CREATE TRIGGER answers_roll_insert AFTER INSERT ON answers BEGIN
	INSERT INTO answer_days VALUES (substr(NEW.created_at, 1, 10), NEW.kind, NEW.lang, NEW.channel_kind, 1,
		NEW.outcome = 'answered', NEW.outcome = 'abstained', NEW.outcome = 'failed',
		NEW.outcome = 'answered' AND NEW.unverified + NEW.weak > 0, NEW.latency_ms IS NOT NULL,
		NEW.prompt_tokens, NEW.completion_tokens)
	ON CONFLICT DO UPDATE SET n = n + 1, answered = answered + excluded.answered,
		abstained = abstained + excluded.abstained, failed = failed + excluded.failed,
		marked = marked + excluded.marked, timed = timed + excluded.timed,
		prompt_tokens = prompt_tokens + excluded.prompt_tokens,
		completion_tokens = completion_tokens + excluded.completion_tokens;
	INSERT INTO latency_days
	SELECT substr(NEW.created_at, 1, 10), CASE
		WHEN NEW.latency_ms < 100 THEN NEW.latency_ms
		WHEN NEW.latency_ms < 1000 THEN NEW.latency_ms / 10 * 10
		WHEN NEW.latency_ms < 10000 THEN NEW.latency_ms / 100 * 100
		WHEN NEW.latency_ms < 100000 THEN NEW.latency_ms / 1000 * 1000
		ELSE NEW.latency_ms / 10000 * 10000 END, 1
	WHERE NEW.kind = 'answer' AND NEW.latency_ms IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER answers_roll_delete AFTER DELETE ON answers BEGIN
	UPDATE answer_days SET n = n - 1, answered = answered - (OLD.outcome = 'answered'),
		abstained = abstained - (OLD.outcome = 'abstained'), failed = failed - (OLD.outcome = 'failed'),
		marked = marked - (OLD.outcome = 'answered' AND OLD.unverified + OLD.weak > 0),
		timed = timed - (OLD.latency_ms IS NOT NULL),
		prompt_tokens = prompt_tokens - OLD.prompt_tokens, completion_tokens = completion_tokens - OLD.completion_tokens
	WHERE day = substr(OLD.created_at, 1, 10) AND kind = OLD.kind AND lang = OLD.lang AND channel_kind = OLD.channel_kind;
	DELETE FROM answer_days
	WHERE day = substr(OLD.created_at, 1, 10) AND kind = OLD.kind AND lang = OLD.lang AND channel_kind = OLD.channel_kind AND n <= 0;
	UPDATE latency_days SET n = n - 1
	WHERE OLD.kind = 'answer' AND day = substr(OLD.created_at, 1, 10) AND bucket = CASE
		WHEN OLD.latency_ms < 100 THEN OLD.latency_ms
		WHEN OLD.latency_ms < 1000 THEN OLD.latency_ms / 10 * 10
		WHEN OLD.latency_ms < 10000 THEN OLD.latency_ms / 100 * 100
		WHEN OLD.latency_ms < 100000 THEN OLD.latency_ms / 1000 * 1000
		ELSE OLD.latency_ms / 10000 * 10000 END;
	DELETE FROM latency_days WHERE day = substr(OLD.created_at, 1, 10) AND n <= 0;
END;

-- RecordAnswer replaces an answer by deleting and inserting it; an update
-- in place of what the roll-ups add up would put them out of step, so it
-- is refused.
CREATE TRIGGER answers_no_update BEFORE UPDATE OF kind, question, created_at, outcome, lang, channel_kind,
	latency_ms, prompt_tokens, completion_tokens, unverified, weak ON answers BEGIN
	SELECT RAISE(ABORT, 'answers are replaced, not updated: delete the row and insert it again');
END;

-- A cascade from answers runs after the answer row is gone, so the
-- answer's sources are deleted first, while its day can still be read.
CREATE TRIGGER answers_sources_first BEFORE DELETE ON answers BEGIN
	DELETE FROM answer_sources WHERE answer_id = OLD.id;
END;

CREATE TRIGGER sources_roll_insert AFTER INSERT ON answer_sources BEGIN
	INSERT INTO doc_days
	SELECT substr(a.created_at, 1, 10), NEW.doc_id, 1 FROM answers a WHERE a.id = NEW.answer_id
	ON CONFLICT DO UPDATE SET citations = citations + 1;
END;

CREATE TRIGGER sources_roll_delete AFTER DELETE ON answer_sources BEGIN
	UPDATE doc_days SET citations = citations - 1
	WHERE doc_id = OLD.doc_id AND day = (SELECT substr(a.created_at, 1, 10) FROM answers a WHERE a.id = OLD.answer_id);
	DELETE FROM doc_days WHERE doc_id = OLD.doc_id AND citations <= 0
		AND day = (SELECT substr(a.created_at, 1, 10) FROM answers a WHERE a.id = OLD.answer_id);
END;

-- answers_fts finds questions by any part of their text (three characters
-- or more), in any script.
CREATE VIRTUAL TABLE answers_fts USING fts5(question, content = 'answers', content_rowid = 'rowid', tokenize = 'trigram');
INSERT INTO answers_fts (rowid, question) SELECT rowid, question FROM answers;
CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN
	INSERT INTO answers_fts (rowid, question) VALUES (NEW.rowid, NEW.question);
END;
CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN
	INSERT INTO answers_fts (answers_fts, rowid, question) VALUES ('delete', OLD.rowid, OLD.question);
END;

-- Questions page: newest first within a range.
CREATE INDEX answers_by_kind_time ON answers (kind, created_at, outcome);
-- Coverage gaps: the answers that abstained or carry marks.
CREATE INDEX answers_gaps ON answers (created_at, outcome, question, id)
	WHERE kind = 'answer' AND (outcome = 'abstained' OR (outcome = 'answered' AND unverified + weak > 0));
CREATE INDEX votes_down ON votes (answer_id) WHERE value = -1;
-- Votes per document and per day of a range, without reading the rows.
CREATE INDEX votes_by_time_value ON votes (voted_at, answer_id, value);
