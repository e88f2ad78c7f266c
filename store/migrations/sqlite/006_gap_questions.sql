-- 006_gap_questions: the coverage gaps of every stored day, per question,
-- kept by triggers, so that the dashboard's all-time gaps read the most
-- asked questions from an index instead of every gap answer.
--
-- question_key is the text by which a question asked again is known: the
-- question trimmed and in lower case, as Go's strings.ToLower and
-- strings.TrimSpace make it (RecordAnswer writes it). SQLite's lower()
-- folds ASCII letters only, so the rows written before this migration are
-- keyed here approximately and corrected by the store when it opens (the
-- meta row rekey_questions asks for it). A row written without a key (by
-- hand, or by a corpusbot older than this migration still running) is
-- keyed the same approximate way, by answers_question_key below.
ALTER TABLE answers ADD COLUMN question_key TEXT NOT NULL DEFAULT '';
UPDATE answers SET question_key = lower(trim(question)) WHERE kind = 'answer';
INSERT INTO meta (key, value) VALUES ('rekey_questions', '1')
	ON CONFLICT (key) DO UPDATE SET value = excluded.value;
CREATE INDEX answers_by_question_key ON answers (question_key, created_at, id) WHERE kind = 'answer';

-- gap_answers: the answers that count as a gap, as GapQuestions reads
-- them for a range: abstained, answered with marked sentences, or voted
-- down (and not failed).
CREATE VIEW gap_answers AS
SELECT a.id, a.question_key, a.created_at,
	CASE WHEN a.outcome = 'abstained' THEN 1 ELSE 0 END AS abstained,
	CASE WHEN a.outcome = 'answered' AND a.unverified + a.weak > 0 THEN 1 ELSE 0 END AS marked,
	CASE WHEN EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.value = -1) THEN 1 ELSE 0 END AS down
FROM answers a
WHERE a.kind = 'answer' AND a.question_key <> '' AND a.outcome <> 'failed'
	AND (a.outcome = 'abstained' OR a.unverified + a.weak > 0
		OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.value = -1));

-- gap_questions: one row per question_key with a gap answer; answer_id is
-- the latest asking (by time, then ID), whose wording and nearest
-- documents the page shows.
CREATE TABLE gap_questions (
	question_key TEXT PRIMARY KEY,
	asked        INTEGER NOT NULL,
	abstained    INTEGER NOT NULL,
	marked       INTEGER NOT NULL,
	voted_down   INTEGER NOT NULL,
	first_at     TEXT NOT NULL,
	last_at      TEXT NOT NULL,
	answer_id    TEXT NOT NULL
) WITHOUT ROWID;
-- The page's order: most asked, then latest, then answer ID.
CREATE INDEX gap_questions_top ON gap_questions (asked DESC, last_at DESC, answer_id);

-- gap_rows: the rows gap_questions holds, as the gap answers make them; a
-- condition on question_key reaches into the grouping, so a trigger reads
-- one question's answers.
CREATE VIEW gap_rows AS
SELECT g.question_key, count(*) AS asked, sum(g.abstained) AS abstained, sum(g.marked) AS marked, sum(g.down) AS voted_down,
	min(g.created_at) AS first_at, max(g.created_at) AS last_at,
	(SELECT l.id FROM gap_answers l WHERE l.question_key = g.question_key ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS answer_id
FROM gap_answers g GROUP BY g.question_key;

INSERT INTO gap_questions SELECT * FROM gap_rows;

-- A new gap answer is counted into its question's row rather than the row
-- read again from every asking of the question.
CREATE TRIGGER gap_answers_insert AFTER INSERT ON answers
WHEN NEW.kind = 'answer' AND NEW.question_key <> '' AND NEW.outcome <> 'failed' AND (NEW.outcome = 'abstained'
	OR NEW.unverified + NEW.weak > 0 OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = NEW.id AND v.value = -1)) BEGIN
	INSERT INTO gap_questions (question_key, asked, abstained, marked, voted_down, first_at, last_at, answer_id)
	VALUES (NEW.question_key, 1, NEW.outcome = 'abstained', NEW.outcome = 'answered' AND NEW.unverified + NEW.weak > 0,
		EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = NEW.id AND v.value = -1), NEW.created_at, NEW.created_at, NEW.id)
	ON CONFLICT (question_key) DO UPDATE SET asked = asked + 1, abstained = abstained + excluded.abstained,
		marked = marked + excluded.marked, voted_down = voted_down + excluded.voted_down,
		first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at),
		answer_id = CASE WHEN (excluded.last_at, excluded.answer_id) > (last_at, answer_id) THEN excluded.answer_id ELSE answer_id END;
END;

-- Every other change that can move an answer in or out of gap_answers
-- rewrites its question's row from the answers asked with the same key (an
-- index range, a few rows for most questions; nothing for an answer that
-- is no gap): an answer deleted (answers are never updated,
-- answers_no_update, but for their key), its key set, a down vote that
-- comes, goes or changes. The key must be a value (NEW or OLD), not a
-- subquery, for the condition to reach into gap_rows' grouping.
CREATE TRIGGER gap_answers_delete AFTER DELETE ON answers
WHEN OLD.kind = 'answer' AND OLD.outcome <> 'failed' AND (OLD.outcome = 'abstained' OR OLD.unverified + OLD.weak > 0
	OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = OLD.id AND v.value = -1)) BEGIN
	DELETE FROM gap_questions WHERE question_key = OLD.question_key;
	INSERT INTO gap_questions SELECT * FROM gap_rows WHERE question_key = OLD.question_key;
END;

-- The key is not among the columns answers_no_update guards (the store
-- corrects it once, see above); a change of it moves the answer between
-- two questions.
CREATE TRIGGER gap_answers_rekey AFTER UPDATE OF question_key ON answers WHEN NEW.kind = 'answer' BEGIN
	DELETE FROM gap_questions WHERE question_key IN (OLD.question_key, NEW.question_key);
	INSERT INTO gap_questions SELECT * FROM gap_rows WHERE question_key IN (OLD.question_key, NEW.question_key);
END;

-- A key set after the insert moves the answer to its question through
-- gap_answers_rekey.
CREATE TRIGGER answers_question_key AFTER INSERT ON answers
WHEN NEW.kind = 'answer' AND NEW.question_key = '' AND trim(NEW.question) <> '' BEGIN
	UPDATE answers SET question_key = lower(trim(NEW.question)) WHERE id = NEW.id;
END;

-- A down vote that comes, goes or changes refreshes its answer's question
-- by setting the answer's key to itself (gap_answers_rekey): the
-- refresh needs the key as a value, which a trigger can only hold in a
-- row's OLD or NEW.
CREATE TRIGGER gap_votes_insert AFTER INSERT ON votes WHEN NEW.value = -1 BEGIN
	UPDATE answers SET question_key = question_key WHERE id = NEW.answer_id AND kind = 'answer';
END;

CREATE TRIGGER gap_votes_delete AFTER DELETE ON votes WHEN OLD.value = -1 BEGIN
	UPDATE answers SET question_key = question_key WHERE id = OLD.answer_id AND kind = 'answer';
END;

CREATE TRIGGER gap_votes_update AFTER UPDATE ON votes WHEN (OLD.value = -1) <> (NEW.value = -1) OR OLD.answer_id <> NEW.answer_id BEGIN
	UPDATE answers SET question_key = question_key WHERE id IN (OLD.answer_id, NEW.answer_id) AND kind = 'answer';
END;
