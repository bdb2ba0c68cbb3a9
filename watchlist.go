package oversight

import (
	"context"
	"time"
)

// ListVersion is one imported version of an official list (a watchlist). Each list is a
// dataset in the store; every import of it is a new version that replaces the one before,
// while earlier versions stay recorded so that their entries can be compared.
type ListVersion struct {
	List        string    `json:"list"`    // dataset name, e.g. "us_ofac_sdn"
	Version     int       `json:"version"` // 1, 2, … in import order
	Title       string    `json:"title,omitempty"`
	ImportedAt  time.Time `json:"imported_at"`
	PublishedAt string    `json:"published_at,omitempty"` // the publisher's own date, if the file gives one
	Records     int       `json:"records"`                // records in the publisher's file(s)
	Entities    int       `json:"entities"`               // FtM entities derived from them
	SHA256      string    `json:"sha256"`                 // of the file(s) as read, hex
	Source      string    `json:"source,omitempty"`       // where the files came from: URLs or a folder
}

// ListChange is one entry that differs between two versions of a list.
type ListChange struct {
	ID      string        `json:"id"`
	Schema  string        `json:"schema"`
	Caption string        `json:"caption"`
	Change  string        `json:"change"` // "added", "removed" or "changed"
	Props   []*PropChange `json:"props,omitempty"`
}

// PropChange lists the values of one property that a changed entry gained and lost.
type PropChange struct {
	Prop    string   `json:"prop"`
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// WatchlistService keeps versioned official lists.
type WatchlistService interface {
	// ReplaceList imports it as the next version of list v.List, in one transaction: the
	// list's statements become exactly the new version's, and the version is recorded. If
	// anything fails, the previous version stays as it was. v.Version, v.ImportedAt and
	// v.Entities are set on return.
	ReplaceList(ctx context.Context, v *ListVersion, it EntityIterator) (*ListVersion, error)

	// ListVersions returns the versions of one list, oldest first, or of every list (the
	// latest version of each) if list is "".
	ListVersions(ctx context.Context, list string) ([]*ListVersion, error)

	// DiffList compares two versions of a list. Returns ENOTFOUND for an unknown version.
	DiffList(ctx context.Context, list string, from, to int) ([]*ListChange, error)
}
