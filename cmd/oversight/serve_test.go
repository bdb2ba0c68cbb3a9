package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe runs the real program's server on a loopback port: it becomes ready, a token
// made with `token create` screens a transfer, and `audit verify` accepts the log until the
// database is edited past the store.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	secret, stderr, code := run(t, dir, "", "token", "create", "--role", "analyst", "--name", "desk")
	if code != 0 || !strings.HasPrefix(secret, "ovs_") || !strings.Contains(stderr, "shown only now") {
		t.Fatalf("token create: %d %q %q", code, secret, stderr)
	}
	secret = strings.TrimSpace(secret)

	var errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb, Getenv: func(k string) string {
		if k == "XDG_DATA_HOME" || k == "HOME" {
			return dir
		}
		return ""
	}}
	sc := &ServeCommand{m: m}
	if err := sc.Open(context.Background(), []string{"--addr", "127.0.0.1:0", "--quiet"}); err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	base := sc.Server.URL()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready after 30 s: %v\n%s", err, errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	doc := `{"case": "LIC-CLI-1", "transfer": {"kind": "technology", "end_user": {"name": "Shanghai PSB", "country": "CN"}}}`
	req, _ := http.NewRequest("POST", base+"/v1/screenings", strings.NewReader(doc))
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("save screening: %d %s", resp.StatusCode, b)
	}
	if err := sc.Close(); err != nil {
		t.Fatal(err)
	}

	out, _, code := run(t, dir, "", "audit", "verify")
	if code != 0 || !strings.HasPrefix(out, "OK: ") {
		t.Fatalf("audit verify: %d %s", code, out)
	}
	head := strings.Fields(out)[len(strings.Fields(out))-1]
	out, _, _ = run(t, dir, "", "audit", "log", "--format", "json")
	if !strings.Contains(out, `"action":"screening.create"`) || !strings.Contains(out, `"actor":"token:`) {
		t.Fatalf("audit log:\n%s", out)
	}

	// Edit the saved decision directly in the database.
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "oversight", "oversight.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE screenings SET created_by = 'someone else'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out, _, code = run(t, dir, "", "audit", "verify", "--head", head)
	if code != 1 || !strings.Contains(out, "PROBLEM: screening 1: differs") || !strings.Contains(out, "BROKEN") {
		t.Fatalf("audit verify after tampering: %d\n%s", code, out)
	}
	if _, _, code := run(t, dir, "", "audit", "verify", "--head", strings.Repeat("0", 64)); code != 1 {
		t.Fatalf("unknown head accepted")
	}
	if _, stderr, code := run(t, dir, "", "token", "create"); code != 2 || !strings.Contains(stderr, "--role is required") {
		t.Fatalf("token create without role: %d %s", code, stderr)
	}
}

func TestBenchMatch(t *testing.T) {
	out, stderr, code := run(t, t.TempDir(), "", "bench", "match", "--index", "../../bundle/registry/seed.ftm.jsonl", "--queries", "50")
	if code != 0 {
		t.Fatalf("bench match: %d %s", code, stderr)
	}
	for _, want := range []string{"index build", "p99", "queries/s", "of 50 ("} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
