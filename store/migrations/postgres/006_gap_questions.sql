-- 006_gap_questions: as migrations/sqlite/006_gap_questions.sql. Keys are
-- found through hash indexes: a B-tree entry holds at most 2.7 kB, less
-- than a long question in a non-Latin script. lower() of a "C" column
-- folds ASCII letters only, so older rows are corrected by the store when
-- it opens, as on SQLite.
ALTER TABLE answers ADD COLUMN question_key text COLLATE "C" NOT NULL DEFAULT '';
UPDATE answers SET question_key = lower(trim(question)) WHERE kind = 'answer';
INSERT INTO meta (key, value) VALUES ('rekey_questions', '1')
	ON CONFLICT (key) DO UPDATE SET value = excluded.value;
CREATE INDEX answers_by_question_key ON answers USING hash (question_key) WHERE kind = 'answer';

CREATE VIEW gap_answers AS
SELECT a.id, a.question_key, a.created_at,
	CASE WHEN a.outcome = 'abstained' THEN 1 ELSE 0 END AS abstained,
	CASE WHEN a.outcome = 'answered' AND a.unverified + a.weak > 0 THEN 1 ELSE 0 END AS marked,
	CASE WHEN EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.value = -1) THEN 1 ELSE 0 END AS down
FROM answers a
WHERE a.kind = 'answer' AND a.question_key <> '' AND a.outcome <> 'failed'
	AND (a.outcome = 'abstained' OR a.unverified + a.weak > 0
		OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.value = -1));

CREATE TABLE gap_questions (
	question_key text COLLATE "C" NOT NULL,
	asked        integer NOT NULL,
	abstained    integer NOT NULL,
	marked       integer NOT NULL,
	voted_down   integer NOT NULL,
	first_at     text COLLATE "C" NOT NULL,
	last_at      text COLLATE "C" NOT NULL,
	answer_id    text COLLATE "C" NOT NULL
);
CREATE INDEX gap_questions_by_key ON gap_questions USING hash (question_key);
CREATE INDEX gap_questions_top ON gap_questions (asked DESC, last_at DESC, answer_id);

CREATE VIEW gap_rows AS
SELECT g.question_key, count(*) AS asked, sum(g.abstained) AS abstained, sum(g.marked) AS marked, sum(g.down) AS voted_down,
	min(g.created_at) AS first_at, max(g.created_at) AS last_at,
	(SELECT l.id FROM gap_answers l WHERE l.question_key = g.question_key ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS answer_id
FROM gap_answers g GROUP BY g.question_key;

-- Changes to one question's row take turns (an advisory lock until the
-- transaction ends; each statement after it sees what the transaction
-- before committed), so that two answers to the same question written at
-- once leave one right row. The keys share 1,024 locks per schema:
-- advisory locks fill the server's shared lock table (64 per allowed
-- connection by default), and one transaction may change thousands of
-- questions (a prune, corpusbot copy-state).
CREATE FUNCTION corpusbot_gap_lock(k text) RETURNS void LANGUAGE sql AS $$
	SELECT pg_advisory_xact_lock(hashtext('corpusbot gap ' || current_schema()), hashtext(k) & 1023);
$$;

-- corpusbot_gap_refresh rewrites the row of question key k from the
-- answers asked with it.
CREATE FUNCTION corpusbot_gap_refresh(k text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF k IS NULL OR k = '' THEN
		RETURN;
	END IF;
	PERFORM corpusbot_gap_lock(k);
	DELETE FROM gap_questions WHERE question_key = k;
	INSERT INTO gap_questions SELECT * FROM gap_rows WHERE question_key = k;
END $$;

-- corpusbot_gap_add counts a new gap answer into its question's row, in
-- place of a refresh that would read every asking of the question.
CREATE FUNCTION corpusbot_gap_add(r answers) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	n_abstained int := (r.outcome = 'abstained')::int;
	n_marked int := (r.outcome = 'answered' AND r.unverified + r.weak > 0)::int;
	n_down int := (EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = r.id AND v.value = -1))::int;
BEGIN
	IF r.question_key = '' THEN
		RETURN;
	END IF;
	PERFORM corpusbot_gap_lock(r.question_key);
	UPDATE gap_questions g SET asked = g.asked + 1, abstained = g.abstained + n_abstained, marked = g.marked + n_marked,
		voted_down = g.voted_down + n_down, first_at = least(g.first_at, r.created_at), last_at = greatest(g.last_at, r.created_at),
		answer_id = CASE WHEN (r.created_at, r.id) > (g.last_at, g.answer_id) THEN r.id ELSE g.answer_id END
	WHERE g.question_key = r.question_key;
	IF NOT FOUND THEN
		INSERT INTO gap_questions VALUES (r.question_key, 1, n_abstained, n_marked, n_down, r.created_at, r.created_at, r.id);
	END IF;
END $$;

INSERT INTO gap_questions SELECT * FROM gap_rows;

-- A row written without a key (by hand, or by a corpusbot older than this
-- migration still running) is keyed as the migration keyed the rows
-- before it.
CREATE FUNCTION corpusbot_answers_question_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.question_key := lower(trim(NEW.question));
	RETURN NEW;
END $$;
CREATE TRIGGER answers_question_key BEFORE INSERT ON answers FOR EACH ROW
	WHEN (NEW.kind = 'answer' AND NEW.question_key = '') EXECUTE FUNCTION corpusbot_answers_question_key();

-- A trigger's WHEN takes no subquery: whether the answer is a gap is
-- decided in the function (an answer that is no gap costs nothing more).
CREATE FUNCTION corpusbot_gap_answers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	r answers;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		PERFORM corpusbot_gap_refresh(OLD.question_key);
		PERFORM corpusbot_gap_refresh(NEW.question_key);
		RETURN NULL;
	ELSIF TG_OP = 'INSERT' THEN
		r := NEW;
	ELSE
		r := OLD;
	END IF;
	IF NOT (r.outcome = 'abstained' OR r.unverified + r.weak > 0
		OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = r.id AND v.value = -1)) THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'INSERT' THEN
		PERFORM corpusbot_gap_add(r);
	ELSE
		PERFORM corpusbot_gap_refresh(r.question_key);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER gap_answers_insert AFTER INSERT ON answers FOR EACH ROW
	WHEN (NEW.kind = 'answer' AND NEW.outcome <> 'failed') EXECUTE FUNCTION corpusbot_gap_answers();
CREATE TRIGGER gap_answers_delete AFTER DELETE ON answers FOR EACH ROW
	WHEN (OLD.kind = 'answer' AND OLD.outcome <> 'failed') EXECUTE FUNCTION corpusbot_gap_answers();
CREATE TRIGGER gap_answers_rekey AFTER UPDATE OF question_key ON answers FOR EACH ROW
	WHEN (NEW.kind = 'answer') EXECUTE FUNCTION corpusbot_gap_answers();

CREATE FUNCTION corpusbot_gap_votes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM corpusbot_gap_refresh((SELECT question_key FROM answers WHERE id = OLD.answer_id AND kind = 'answer'));
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		PERFORM corpusbot_gap_refresh((SELECT question_key FROM answers WHERE id = NEW.answer_id AND kind = 'answer'));
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER gap_votes_insert AFTER INSERT ON votes FOR EACH ROW
	WHEN (NEW.value = -1) EXECUTE FUNCTION corpusbot_gap_votes();
CREATE TRIGGER gap_votes_delete AFTER DELETE ON votes FOR EACH ROW
	WHEN (OLD.value = -1) EXECUTE FUNCTION corpusbot_gap_votes();
CREATE TRIGGER gap_votes_update AFTER UPDATE ON votes FOR EACH ROW
	WHEN ((OLD.value = -1) <> (NEW.value = -1) OR OLD.answer_id <> NEW.answer_id) EXECUTE FUNCTION corpusbot_gap_votes();
