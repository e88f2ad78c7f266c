-- 004_leases: who leads. A process that must be the only one doing
-- something (the Discord bot of a leader/standby pair; later, one range of
-- shards) holds the lease of that name and renews it before it expires;
-- another takes it over once it has expired or was released. Times are
-- milliseconds since 1970 by the database's clock, the one clock every
-- process agrees on. epoch grows by one with each new holder: a write
-- fenced with it is refused once someone else has taken over.
CREATE TABLE leases (
	name        TEXT PRIMARY KEY,
	holder      TEXT NOT NULL,
	epoch       INTEGER NOT NULL,
	acquired_ms INTEGER NOT NULL,
	renewed_ms  INTEGER NOT NULL,
	expires_ms  INTEGER NOT NULL
);
