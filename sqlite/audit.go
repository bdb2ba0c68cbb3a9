package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/oversight-project/oversight"
)

// Ensure the service implements the interface.
var _ oversight.AuditService = (*AuditService)(nil)

// AuditService reads and verifies the audit log.
type AuditService struct{ db *DB }

// NewAuditService returns the audit service of db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db} }

// appendAudit appends a record to the log inside tx, chained to the last record, and moves
// the log's head in the meta table. detail is encoded as JSON.
func appendAudit(ctx context.Context, tx *Tx, action, subject string, detail any) (*oversight.AuditRecord, error) {
	b, err := json.Marshal(detail)
	if err != nil {
		return nil, err
	}
	r := &oversight.AuditRecord{Time: tx.now, Actor: oversight.ActorFromContext(ctx), Action: action, Subject: subject, Detail: string(b)}
	err = tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&r.Seq, &r.Prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	r.Seq++
	r.Hash = r.ComputeHash()
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit (seq, time, actor, action, subject, detail, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Seq, r.Time.Format(TimeFormat), r.Actor, r.Action, r.Subject, r.Detail, r.Prev, r.Hash); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		fmt.Sprintf("%d:%s", r.Seq, r.Hash)); err != nil {
		return nil, err
	}
	return r, nil
}

// fingerprint is the hex SHA-256 of length-prefixed fields: what an audit record holds of a
// row, so that editing the row shows.
func fingerprint(fields ...string) string {
	h := sha256.New()
	for _, f := range fields {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// FindAuditRecords implements oversight.AuditService.
func (s *AuditService) FindAuditRecords(ctx context.Context, after int64, limit int) ([]*oversight.AuditRecord, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT seq, time, actor, action, subject, detail, prev, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*oversight.AuditRecord
	for rows.Next() {
		r, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanAudit(rows *sql.Rows) (*oversight.AuditRecord, error) {
	var r oversight.AuditRecord
	var t string
	if err := rows.Scan(&r.Seq, &t, &r.Actor, &r.Action, &r.Subject, &r.Detail, &r.Prev, &r.Hash); err != nil {
		return nil, err
	}
	var err error
	if r.Time, err = time.Parse(TimeFormat, t); err != nil {
		return nil, fmt.Errorf("audit record %d: time %q: %w", r.Seq, t, err)
	}
	return &r, nil
}

// VerifyAudit implements oversight.AuditService. It checks, in one read transaction:
//   - that sequence numbers run 1, 2, 3 … without a gap, that each record's Prev is the hash
//     of the record before and that each Hash is right;
//   - that the last record is the head recorded in the meta table;
//   - that every saved screening and every token matches the fingerprint its audit record
//     holds, and that no screening or token lacks a record (a row written past the store).
func (s *AuditService) VerifyAudit(ctx context.Context) (*oversight.AuditReport, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rep := &oversight.AuditReport{}
	problem := func(format string, args ...any) { rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...)) }

	rows, err := tx.QueryContext(ctx, `SELECT seq, time, actor, action, subject, detail, prev, hash FROM audit ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	screenings := map[string]string{} // screening id → fingerprint recorded
	tokens := map[string]string{}     // token id → fingerprint recorded at creation
	revoked := map[string]bool{}
	prev := ""
	for rows.Next() {
		r, err := scanAudit(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		rep.Records++
		if r.Seq != rep.Records {
			problem("record %d: expected sequence number %d: records are missing", r.Seq, rep.Records)
			rep.Records = r.Seq
		}
		if r.Prev != prev {
			problem("record %d: does not follow the record before it (its prev hash differs): a record was edited or removed", r.Seq)
		}
		if h := r.ComputeHash(); h != r.Hash {
			problem("record %d: hash does not match its contents: the record was edited", r.Seq)
		}
		prev = r.Hash
		rep.Head = r.Hash
		var d struct {
			Fingerprint string `json:"fingerprint"`
		}
		json.Unmarshal([]byte(r.Detail), &d)
		switch r.Action {
		case "screening.create":
			screenings[r.Subject] = d.Fingerprint
		case "token.create":
			tokens[r.Subject] = d.Fingerprint
		case "token.revoke":
			revoked[r.Subject] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var head string
	if err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'audit_head'`).Scan(&head); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if want := fmt.Sprintf("%d:%s", rep.Records, rep.Head); rep.Records > 0 && head != want {
		problem("the log ends at record %d, but the recorded head is %q: records were removed from the end", rep.Records, head)
	}

	if err := eachScreeningRow(ctx, tx, func(id int64, fp string) {
		key := strconv.FormatInt(id, 10)
		want, ok := screenings[key]
		switch {
		case !ok:
			problem("screening %d: no audit record: it was written past the store", id)
		case want != fp:
			problem("screening %d: differs from what its audit record holds: it was edited", id)
		}
		delete(screenings, key)
	}); err != nil {
		return nil, err
	}
	for id := range screenings {
		problem("screening %s: recorded in the audit log but missing: it was deleted", id)
	}
	trows, err := tx.QueryContext(ctx, `SELECT id, name, role, hash, created_at, revoked_at IS NOT NULL FROM tokens ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer trows.Close()
	for trows.Next() {
		var id, name, role, hash, created string
		var isRevoked bool
		if err := trows.Scan(&id, &name, &role, &hash, &created, &isRevoked); err != nil {
			return nil, err
		}
		want, ok := tokens[id]
		switch {
		case !ok:
			problem("token %s: no audit record: it was written past the store", id)
		case want != fingerprint(id, name, role, hash, created):
			problem("token %s: differs from what its audit record holds (role or secret changed)", id)
		case revoked[id] && !isRevoked:
			problem("token %s: revoked in the audit log but live in the store", id)
		}
	}
	if err := trows.Err(); err != nil {
		return nil, err
	}
	rep.OK = len(rep.Problems) == 0
	return rep, nil
}

// HeadSeen reports whether hash is the hash of some record in the log: a head published
// earlier must still be in the chain.
func (s *AuditService) HeadSeen(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit WHERE hash = ?`, strings.ToLower(hash)).Scan(&n)
	return n > 0, err
}
