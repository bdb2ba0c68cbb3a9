-- Official lists are versioned datasets. Each import of a list records a version; the entries
-- of every version are kept (as hashes of the entity as the list gave it, with the entity JSON
-- stored once per distinct hash) so that any two versions can be compared.
CREATE TABLE list_versions (
	list         TEXT NOT NULL,
	version      INTEGER NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	imported_at  TEXT NOT NULL,
	published_at TEXT NOT NULL DEFAULT '',
	records      INTEGER NOT NULL,
	entities     INTEGER NOT NULL,
	sha256       TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (list, version)
);

CREATE TABLE list_entries (
	list      TEXT NOT NULL,
	version   INTEGER NOT NULL,
	entity_id TEXT NOT NULL,
	hash      TEXT NOT NULL REFERENCES list_blobs (hash),
	PRIMARY KEY (list, version, entity_id),
	FOREIGN KEY (list, version) REFERENCES list_versions (list, version) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE list_blobs (
	hash    TEXT PRIMARY KEY, -- SHA-256 of data
	schema  TEXT NOT NULL,
	caption TEXT NOT NULL,
	data    TEXT NOT NULL     -- the entity as FtM JSON, properties sorted
);
