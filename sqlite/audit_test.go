package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/sqlite"
)

// auditFixture writes one of each audited kind: an import, two tokens (one revoked) and
// two saved screenings.
func auditFixture(t *testing.T) (*sqlite.DB, *sqlite.AuditService) {
	t.Helper()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	db := MustOpenDB(t, &now)
	ctx := oversight.NewContextWithActor(context.Background(), "cli:test")
	if _, err := importString(t, sqlite.NewEntityService(db), "d", `{"id":"c1","schema":"Company","properties":{"name":["Acme"]}}`); err != nil {
		t.Fatal(err)
	}
	tokens := sqlite.NewTokenService(db)
	a := &oversight.Token{Name: "analyst", Role: oversight.AccessAnalyst}
	secret, err := tokens.CreateToken(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(secret, sqlite.TokenPrefix) || len(secret) < 40 {
		t.Fatalf("secret=%q, want ovs_ and 43 random characters", secret)
	}
	if got, err := tokens.FindTokenBySecret(ctx, secret); err != nil || got.ID != a.ID || got.Role != oversight.AccessAnalyst {
		t.Fatalf("FindTokenBySecret=%+v, %v", got, err)
	}
	v := &oversight.Token{Role: oversight.AccessViewer}
	vs, _ := tokens.CreateToken(ctx, v)
	if err := tokens.RevokeToken(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := tokens.FindTokenBySecret(ctx, vs); oversight.ErrorCode(err) != oversight.ENOTFOUND {
		t.Fatalf("revoked token: err=%v, want not_found", err)
	}
	cases := sqlite.NewCaseService(db)
	for i, verdict := range []oversight.Verdict{oversight.Escalate, oversight.Prohibited} {
		now = now.Add(time.Minute)
		s := &oversight.Screening{Case: "LIC-1", Profile: "compliance", Transfer: json.RawMessage(`{"kind":"x"}`), Decision: &oversight.Decision{Verdict: verdict}}
		if err := cases.CreateScreening(ctx, s); err != nil {
			t.Fatal(err)
		}
		if s.ID != int64(i+1) || s.CreatedBy != "cli:test" {
			t.Fatalf("screening=%+v", s)
		}
	}
	return db, sqlite.NewAuditService(db)
}

func TestAudit_OK(t *testing.T) {
	_, audit := auditFixture(t)
	rep, err := audit.VerifyAudit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// import, 2 × token.create, token.revoke, 2 × screening.create
	if !rep.OK || rep.Records != 6 || len(rep.Head) != 64 {
		t.Fatalf("report=%+v, want OK with 6 records", rep)
	}
	recs, err := audit.FindAuditRecords(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, r := range recs {
		actions = append(actions, r.Action)
	}
	if got := strings.Join(actions, " "); got != "entities.import token.create token.create token.revoke screening.create screening.create" {
		t.Fatalf("actions=%s", got)
	}
	if recs[0].Actor != "system" || recs[1].Actor != "cli:test" {
		t.Fatalf("actors=%s, %s", recs[0].Actor, recs[1].Actor)
	}
}

func TestAudit_AppendOnly(t *testing.T) {
	db, _ := auditFixture(t)
	raw := rawDB(t, db)
	for _, q := range []string{`UPDATE audit SET actor = 'x' WHERE seq = 1`, `DELETE FROM audit WHERE seq = 6`} {
		if _, err := raw.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err=%v, want append-only", q, err)
		}
	}
}

// TestAudit_Tamper edits the database directly, past the store (dropping the triggers that
// keep the log append-only where needed), and expects verify to name what changed.
func TestAudit_Tamper(t *testing.T) {
	dropTriggers := `DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;`
	for _, tc := range []struct {
		name, sql, want string
	}{
		{"ErrEditRecord", dropTriggers + `UPDATE audit SET actor = 'someone else' WHERE seq = 2`, "record 2: hash does not match"},
		{"ErrEditRecordAndHash", dropTriggers + `UPDATE audit SET subject = 'x', hash = 'ab' WHERE seq = 3`, "record 4: does not follow"},
		{"ErrDeleteRecord", dropTriggers + `DELETE FROM audit WHERE seq = 3`, "records are missing"},
		{"ErrDeleteTail", dropTriggers + `DELETE FROM audit WHERE seq = 6`, "records were removed from the end"},
		{"ErrEditDecision", `UPDATE screenings SET verdict = 'clear', decision = replace(decision, 'prohibited', 'clear') WHERE id = 2`, "screening 2: differs"},
		{"ErrDeleteScreening", `DELETE FROM screenings WHERE id = 1`, "screening 1: recorded in the audit log but missing"},
		{"ErrInsertScreening", `INSERT INTO screenings (case_ref, profile, verdict, transfer, decision, created_at, created_by) VALUES ('LIC-9', 'compliance', 'clear', '{}', '{}', '2026-01-01T00:00:00Z', 'x')`, "screening 3: no audit record"},
		{"ErrRaiseRole", `UPDATE tokens SET role = 'admin' WHERE role = 'analyst'`, "differs from what its audit record holds"},
		{"ErrUnrevoke", `UPDATE tokens SET revoked_at = NULL`, "revoked in the audit log but live"},
		{"ErrInsertToken", `INSERT INTO tokens (id, role, hash, created_at) VALUES ('evil', 'admin', 'h', '2026-01-01T00:00:00Z')`, "token evil: no audit record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, audit := auditFixture(t)
			if _, err := rawDB(t, db).Exec(tc.sql); err != nil {
				t.Fatal(err)
			}
			rep, err := audit.VerifyAudit(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || !strings.Contains(strings.Join(rep.Problems, "\n"), tc.want) {
				t.Fatalf("report=%+v, want a problem containing %q", rep, tc.want)
			}
		})
	}
}

// rawDB opens the store's file with the plain driver, past the store.
func rawDB(t *testing.T, db *sqlite.DB) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
