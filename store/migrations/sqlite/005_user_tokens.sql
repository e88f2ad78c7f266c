-- 005_user_tokens: each user's question allowance (a token bucket: up to
-- burst tokens, one more earned every interval), kept here when several
-- processes answer (shards, a leader and its standby) so that the limit
-- holds across them. user_hash is HashUser's, never a Discord ID; at_ms is
-- when tokens was brought up to date, by the bot's clock.
CREATE TABLE user_tokens (
	user_hash TEXT PRIMARY KEY,
	tokens    REAL NOT NULL,
	at_ms     INTEGER NOT NULL
);
