package oversight

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// AuditRecord is one entry of the append-only audit log. Hash covers the record's fields and
// Prev, the hash of the record before it, so that editing or deleting any record breaks the
// chain from there on.
type AuditRecord struct {
	Seq     int64     `json:"seq"`
	Time    time.Time `json:"time"`
	Actor   string    `json:"actor"`
	Action  string    `json:"action"`  // e.g. "screening.create", "entities.import", "token.create"
	Subject string    `json:"subject"` // what was acted on: an id, a dataset, a list
	Detail  string    `json:"detail"`  // JSON object: counts, hashes of what was written
	Prev    string    `json:"prev"`    // hex SHA-256 of the record before ("" for the first)
	Hash    string    `json:"hash"`    // hex SHA-256 of this record
}

// ComputeHash returns the hash the record should carry: SHA-256 over its sequence number, time
// (RFC 3339, nanoseconds, UTC), actor, action, subject, detail and Prev, each length-prefixed.
func (r *AuditRecord) ComputeHash() string {
	h := sha256.New()
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(r.Seq))
	h.Write(n[:])
	for _, s := range []string{r.Time.UTC().Format(time.RFC3339Nano), r.Actor, r.Action, r.Subject, r.Detail, r.Prev} {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AuditReport is the result of checking the audit log.
type AuditReport struct {
	Records  int64    `json:"records"`
	Head     string   `json:"head"` // hash of the last record: publish it to anchor the log
	OK       bool     `json:"ok"`
	Problems []string `json:"problems,omitempty"`
}

// AuditService reads and checks the audit log. Records are appended by the services that
// write, inside the transaction of the write.
type AuditService interface {
	// FindAuditRecords returns records with Seq > after, oldest first, at most limit.
	FindAuditRecords(ctx context.Context, after int64, limit int) ([]*AuditRecord, error)

	// VerifyAudit recomputes the chain and cross-checks what it records against the data
	// it describes. A broken log gives a report with OK false, not an error.
	VerifyAudit(ctx context.Context) (*AuditReport, error)
}
