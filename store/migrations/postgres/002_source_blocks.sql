-- As migrations/sqlite/002_source_blocks.sql.
ALTER TABLE answer_sources ADD COLUMN last_passage integer;
ALTER TABLE answer_sources ADD COLUMN quote text COLLATE "C" NOT NULL DEFAULT '';
