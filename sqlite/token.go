package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/oversight-project/oversight"
)

// Ensure the service implements the interface.
var _ oversight.TokenService = (*TokenService)(nil)

// TokenService keeps API tokens; only a SHA-256 of each secret is stored.
type TokenService struct{ db *DB }

// NewTokenService returns the token service of db.
func NewTokenService(db *DB) *TokenService { return &TokenService{db: db} }

// TokenPrefix starts every secret, so that a leaked token is easy to recognise in logs and
// secret scanners.
const TokenPrefix = "ovs_"

func hashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// CreateToken implements oversight.TokenService.
func (s *TokenService) CreateToken(ctx context.Context, t *oversight.Token) (string, error) {
	if err := t.Validate(); err != nil {
		return "", err
	}
	var raw [32]byte
	rand.Read(raw[:])
	secret := TokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:])
	var idb [6]byte
	rand.Read(idb[:])
	id := hex.EncodeToString(idb[:])

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	created := tx.now.Format(TimeFormat)
	hash := hashSecret(secret)
	if _, err := tx.ExecContext(ctx, `INSERT INTO tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)`, id, t.Name, t.Role, hash, created); err != nil {
		return "", err
	}
	if _, err := appendAudit(ctx, tx, "token.create", id, map[string]string{"role": t.Role, "name": t.Name, "fingerprint": fingerprint(id, t.Name, t.Role, hash, created)}); err != nil {
		return "", err
	}
	if err := tx.Commit(); err != nil {
		return "", err
	}
	t.ID, t.CreatedAt = id, tx.now
	return secret, nil
}

// FindTokenBySecret implements oversight.TokenService.
func (s *TokenService) FindTokenBySecret(ctx context.Context, secret string) (*oversight.Token, error) {
	row := s.db.db.QueryRowContext(ctx, `SELECT id, name, role, created_at, revoked_at FROM tokens WHERE hash = ? AND revoked_at IS NULL`, hashSecret(secret))
	t, err := scanToken(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, oversight.Errorf(oversight.ENOTFOUND, "unknown or revoked token")
	}
	return t, err
}

func scanToken(row interface{ Scan(...any) error }) (*oversight.Token, error) {
	var t oversight.Token
	var created string
	var revoked sql.NullString
	if err := row.Scan(&t.ID, &t.Name, &t.Role, &created, &revoked); err != nil {
		return nil, err
	}
	t.CreatedAt, _ = time.Parse(TimeFormat, created)
	if revoked.Valid {
		r, _ := time.Parse(TimeFormat, revoked.String)
		t.RevokedAt = &r
	}
	return &t, nil
}

// FindTokens implements oversight.TokenService.
func (s *TokenService) FindTokens(ctx context.Context) ([]*oversight.Token, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT id, name, role, created_at, revoked_at FROM tokens ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*oversight.Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken implements oversight.TokenService.
func (s *TokenService) RevokeToken(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, tx.now.Format(TimeFormat), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return oversight.Errorf(oversight.ENOTFOUND, "token %q: no such live token", id)
	}
	if _, err := appendAudit(ctx, tx, "token.revoke", id, map[string]string{}); err != nil {
		return err
	}
	return tx.Commit()
}
