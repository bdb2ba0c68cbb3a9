package oversight

import (
	"context"
	"slices"
	"time"
)

// Entity is a FollowTheMoney entity: an id, a schema and properties that are lists of strings.
// See https://followthemoney.tech/. Entities in the store are the merge of the statements that
// make them up, so Datasets lists every dataset that contributed a statement.
type Entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets,omitempty"`
	Referents  []string            `json:"referents,omitempty"`
	FirstSeen  string              `json:"first_seen,omitempty"`
	LastSeen   string              `json:"last_seen,omitempty"`
}

// Get returns the values of property prop (nil if absent).
func (e *Entity) Get(prop string) []string { return e.Properties[prop] }

// First returns the first value of prop, or "".
func (e *Entity) First(prop string) string {
	if v := e.Properties[prop]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Has reports whether prop holds value v.
func (e *Entity) Has(prop, v string) bool { return slices.Contains(e.Properties[prop], v) }

// Caption is the display name of the entity: its first name, title or id.
func (e *Entity) Caption() string {
	for _, p := range []string{"name", "title", "caption"} {
		if v := e.First(p); v != "" {
			return v
		}
	}
	return e.ID
}

// Names returns every name-like value of the entity (name, alias, previousName, weakAlias),
// in that order, without duplicates.
func (e *Entity) Names() []string {
	var out []string
	for _, p := range []string{"name", "alias", "previousName", "weakAlias"} {
		for _, v := range e.Properties[p] {
			if v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// Statement is one fact: a property value of an entity, with the dataset it came from, the
// source URLs it cites and when it was first and last seen.
type Statement struct {
	EntityID  string    `json:"entity_id"`
	Schema    string    `json:"schema"`
	Prop      string    `json:"prop"`
	Value     string    `json:"value"`
	Dataset   string    `json:"dataset"`
	Sources   []string  `json:"sources,omitempty"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// Dataset is a named collection of statements loaded from one source.
type Dataset struct {
	Name       string    `json:"name"`
	Title      string    `json:"title,omitempty"`
	Entities   int       `json:"entities"`
	Statements int       `json:"statements"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// ImportResult counts what an import did.
type ImportResult struct {
	Dataset    string `json:"dataset"`
	Entities   int    `json:"entities"`
	Statements int    `json:"statements"`
	Added      int    `json:"added"` // statements that were not in the store before
}

// EntityIterator yields entities one at a time; Next returns io.EOF at the end.
type EntityIterator interface {
	Next() (*Entity, error)
}

// EntityService stores FtM entities as statements.
type EntityService interface {
	// ImportEntities loads every entity from it into dataset in one transaction: if any
	// entity is invalid, nothing is written. Re-importing the same entities changes only
	// last_seen. Returns EINVALID with the failing line.
	ImportEntities(ctx context.Context, dataset string, it EntityIterator) (*ImportResult, error)

	// FindEntityByID returns the merged entity. Returns ENOTFOUND.
	FindEntityByID(ctx context.Context, id string) (*Entity, error)

	// FindStatements returns the statements of one entity.
	FindStatements(ctx context.Context, entityID string) ([]*Statement, error)

	// EachEntity calls fn for every merged entity, ordered by id, optionally only those
	// whose schema is in schemata.
	EachEntity(ctx context.Context, schemata []string, fn func(*Entity) error) error

	// Datasets lists the datasets in the store.
	Datasets(ctx context.Context) ([]*Dataset, error)
}
