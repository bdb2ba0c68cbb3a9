package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/oversight-project/oversight"
)

// Ensure the service implements the interface.
var _ oversight.CaseService = (*CaseService)(nil)

// CaseService keeps saved screenings.
type CaseService struct{ db *DB }

// NewCaseService returns the case service of db.
func NewCaseService(db *DB) *CaseService { return &CaseService{db: db} }

func screeningFingerprint(id int64, caseRef, profile, verdict, transfer, decision, created, by string) string {
	return fingerprint(strconv.FormatInt(id, 10), caseRef, profile, verdict, transfer, decision, created, by)
}

// CreateScreening implements oversight.CaseService.
func (s *CaseService) CreateScreening(ctx context.Context, sc *oversight.Screening) error {
	if err := sc.Validate(); err != nil {
		return err
	}
	decision, err := json.Marshal(sc.Decision)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	created, by := tx.now.Format(TimeFormat), oversight.ActorFromContext(ctx)
	verdict := string(sc.Decision.Verdict)
	res, err := tx.ExecContext(ctx, `INSERT INTO screenings (case_ref, profile, verdict, transfer, decision, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		sc.Case, sc.Profile, verdict, string(sc.Transfer), string(decision), created, by)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	fp := screeningFingerprint(id, sc.Case, sc.Profile, verdict, string(sc.Transfer), string(decision), created, by)
	if _, err := appendAudit(ctx, tx, "screening.create", strconv.FormatInt(id, 10), map[string]string{"case": sc.Case, "verdict": verdict, "fingerprint": fp}); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	sc.ID, sc.CreatedAt, sc.CreatedBy, sc.Verdict = id, tx.now, by, sc.Decision.Verdict
	return nil
}

const screeningCols = `id, case_ref, profile, verdict, transfer, decision, created_at, created_by`

func scanScreening(row interface{ Scan(...any) error }) (*oversight.Screening, error) {
	var sc oversight.Screening
	var transfer, decision, created string
	if err := row.Scan(&sc.ID, &sc.Case, &sc.Profile, &sc.Verdict, &transfer, &decision, &created, &sc.CreatedBy); err != nil {
		return nil, err
	}
	sc.Transfer = json.RawMessage(transfer)
	if err := json.Unmarshal([]byte(decision), &sc.Decision); err != nil {
		return nil, fmt.Errorf("screening %d: decision: %w", sc.ID, err)
	}
	sc.CreatedAt, _ = time.Parse(TimeFormat, created)
	return &sc, nil
}

// FindScreeningByID implements oversight.CaseService.
func (s *CaseService) FindScreeningByID(ctx context.Context, id int64) (*oversight.Screening, error) {
	sc, err := scanScreening(s.db.db.QueryRowContext(ctx, `SELECT `+screeningCols+` FROM screenings WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, oversight.Errorf(oversight.ENOTFOUND, "screening %d not found", id)
	}
	return sc, err
}

// FindScreenings implements oversight.CaseService.
func (s *CaseService) FindScreenings(ctx context.Context, f oversight.ScreeningFilter) ([]*oversight.Screening, int, error) {
	where, args := "", []any{}
	if f.Case != "" {
		where, args = " WHERE case_ref = ?", append(args, f.Case)
	}
	var n int
	if err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM screenings`+where, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT `+screeningCols+` FROM screenings`+where+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, limitOr(f.Limit), max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*oversight.Screening
	for rows.Next() {
		sc, err := scanScreening(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, sc)
	}
	return out, n, rows.Err()
}

func limitOr(n int) int {
	if n <= 0 || n > 1000 {
		return 100
	}
	return n
}

// FindCases implements oversight.CaseService.
func (s *CaseService) FindCases(ctx context.Context, offset, limit int) ([]*oversight.CaseSummary, int, error) {
	var n int
	if err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(DISTINCT case_ref) FROM screenings`).Scan(&n); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT s.case_ref, c.n, s.verdict, s.created_at
		FROM (SELECT case_ref, COUNT(*) AS n, MAX(id) AS last FROM screenings GROUP BY case_ref) c
		JOIN screenings s ON s.id = c.last
		ORDER BY s.id DESC LIMIT ? OFFSET ?`, limitOr(limit), max(offset, 0))
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*oversight.CaseSummary
	for rows.Next() {
		var c oversight.CaseSummary
		var t string
		if err := rows.Scan(&c.Case, &c.Screenings, &c.Verdict, &t); err != nil {
			return nil, 0, err
		}
		c.UpdatedAt, _ = time.Parse(TimeFormat, t)
		out = append(out, &c)
	}
	return out, n, rows.Err()
}

// eachScreeningRow calls fn with the id and fingerprint of every saved screening, as stored.
func eachScreeningRow(ctx context.Context, tx *Tx, fn func(id int64, fp string)) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+screeningCols+` FROM screenings ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c, p, v, t, d, at, by string
		if err := rows.Scan(&id, &c, &p, &v, &t, &d, &at, &by); err != nil {
			return err
		}
		fn(id, screeningFingerprint(id, c, p, v, t, d, at, by))
	}
	return rows.Err()
}
