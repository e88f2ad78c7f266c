-- As migrations/sqlite/005_user_tokens.sql.
CREATE TABLE user_tokens (
	user_hash text COLLATE "C" PRIMARY KEY,
	tokens    double precision NOT NULL,
	at_ms     bigint NOT NULL
);
