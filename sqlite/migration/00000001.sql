-- Entities are the merge of their statements; each statement is one property value from one
-- dataset, with the source URLs of the fragment it came from and when it was first and last seen.
CREATE TABLE datasets (
	name       TEXT PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL
);

CREATE TABLE entities (
	id         TEXT PRIMARY KEY,
	schema     TEXT NOT NULL,
	first_seen TEXT NOT NULL,
	last_seen  TEXT NOT NULL
);
CREATE INDEX entities_schema ON entities (schema);

CREATE TABLE statements (
	entity_id  TEXT NOT NULL REFERENCES entities (id),
	prop       TEXT NOT NULL,
	value      TEXT NOT NULL,
	dataset    TEXT NOT NULL REFERENCES datasets (name),
	sources    TEXT NOT NULL DEFAULT '[]', -- JSON array of URLs
	first_seen TEXT NOT NULL,
	last_seen  TEXT NOT NULL,
	PRIMARY KEY (entity_id, prop, value, dataset)
);
CREATE INDEX statements_dataset ON statements (dataset);

CREATE TABLE referents (
	referent  TEXT NOT NULL,
	entity_id TEXT NOT NULL REFERENCES entities (id),
	PRIMARY KEY (referent, entity_id)
);

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
