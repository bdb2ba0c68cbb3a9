-- API tokens (only a SHA-256 of each secret is kept), saved screenings grouped into cases by a
-- reference, and the append-only audit log: each record holds the hash of the one before it.
CREATE TABLE tokens (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL DEFAULT '',
	role       TEXT NOT NULL,
	hash       TEXT NOT NULL UNIQUE, -- hex SHA-256 of the secret
	created_at TEXT NOT NULL,
	revoked_at TEXT
);

CREATE TABLE screenings (
	id         INTEGER PRIMARY KEY,
	case_ref   TEXT NOT NULL,
	profile    TEXT NOT NULL,
	verdict    TEXT NOT NULL,
	transfer   TEXT NOT NULL, -- JSON
	decision   TEXT NOT NULL, -- JSON, as `oversight screen --format json`
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL
);
CREATE INDEX screenings_case ON screenings (case_ref, id);

CREATE TABLE audit (
	seq     INTEGER PRIMARY KEY,
	time    TEXT NOT NULL,
	actor   TEXT NOT NULL,
	action  TEXT NOT NULL,
	subject TEXT NOT NULL,
	detail  TEXT NOT NULL,
	prev    TEXT NOT NULL,
	hash    TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
