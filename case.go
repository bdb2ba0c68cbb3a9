package oversight

import (
	"context"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"
)

// Screening is a screening saved as part of a case: the transfer as screened, the decision
// and who asked for it. A case is the history of the screenings saved under one reference,
// such as a licence application number.
type Screening struct {
	ID        int64           `json:"id"`
	Case      string          `json:"case"`
	Profile   string          `json:"profile"`
	Verdict   Verdict         `json:"verdict"`
	Transfer  json.RawMessage `json:"transfer"` // the transfer document as JSON
	Decision  *Decision       `json:"decision"`
	CreatedAt time.Time       `json:"created_at"`
	CreatedBy string          `json:"created_by"`
}

// Validate checks a screening before it is saved.
func (s *Screening) Validate() error {
	switch {
	case strings.TrimSpace(s.Case) == "":
		return Errorf(EINVALID, "case: a case reference is required")
	case utf8.RuneCountInString(s.Case) > 200:
		return Errorf(EINVALID, "case: at most 200 characters")
	case s.Decision == nil:
		return Errorf(EINVALID, "decision: required")
	case !json.Valid(s.Transfer):
		return Errorf(EINVALID, "transfer: not valid JSON")
	}
	return nil
}

// CaseSummary is one case in a list of cases: its latest verdict and how many screenings it
// holds.
type CaseSummary struct {
	Case       string    `json:"case"`
	Screenings int       `json:"screenings"`
	Verdict    Verdict   `json:"verdict"` // of the latest screening
	UpdatedAt  time.Time `json:"updated_at"`
}

// ScreeningFilter selects saved screenings; Case "" means every case. Newest first.
type ScreeningFilter struct {
	Case   string
	Offset int
	Limit  int
}

// CaseService keeps saved screenings. Saving a screening also appends it to the audit log.
type CaseService interface {
	// CreateScreening saves s, setting ID, CreatedAt and CreatedBy (the context's actor).
	// Returns EINVALID.
	CreateScreening(ctx context.Context, s *Screening) error

	// FindScreeningByID returns a saved screening. Returns ENOTFOUND.
	FindScreeningByID(ctx context.Context, id int64) (*Screening, error)

	// FindScreenings returns the screenings the filter selects, newest first, and how many
	// there are in all.
	FindScreenings(ctx context.Context, f ScreeningFilter) ([]*Screening, int, error)

	// FindCases lists the cases, most recently updated first.
	FindCases(ctx context.Context, offset, limit int) ([]*CaseSummary, int, error)
}
