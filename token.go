package oversight

import (
	"context"
	"slices"
	"time"
)

// Access levels of API tokens, from least to most.
const (
	AccessViewer  = "viewer"  // read the registry, match names, read saved screenings
	AccessAnalyst = "analyst" // also screen transfers, save screenings, import entities
	AccessAdmin   = "admin"   // also manage tokens and rule packs
)

// AccessLevels lists the access levels, least first.
var AccessLevels = []string{AccessViewer, AccessAnalyst, AccessAdmin}

// Allows reports whether a token of access level have may do what needs level need.
func Allows(have, need string) bool {
	h, n := slices.Index(AccessLevels, have), slices.Index(AccessLevels, need)
	return h >= 0 && n >= 0 && h >= n
}

// Token is an API token. Its secret is shown once, when it is created; the store keeps
// only a hash of it.
type Token struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Role      string     `json:"role"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// Validate checks a token's fields before it is created.
func (t *Token) Validate() error {
	if !slices.Contains(AccessLevels, t.Role) {
		return Errorf(EINVALID, "role %q: want viewer, analyst or admin", t.Role)
	}
	if len(t.Name) > 200 {
		return Errorf(EINVALID, "token name: at most 200 characters")
	}
	return nil
}

// TokenService keeps API tokens.
type TokenService interface {
	// CreateToken creates t (setting ID and CreatedAt) and returns its secret, which is not
	// stored and cannot be shown again. Returns EINVALID.
	CreateToken(ctx context.Context, t *Token) (secret string, err error)

	// FindTokenBySecret returns the live token with this secret. Returns ENOTFOUND for an
	// unknown or revoked secret.
	FindTokenBySecret(ctx context.Context, secret string) (*Token, error)

	// FindTokens lists every token, revoked ones too, oldest first.
	FindTokens(ctx context.Context) ([]*Token, error)

	// RevokeToken revokes a token. Returns ENOTFOUND.
	RevokeToken(ctx context.Context, id string) error
}
