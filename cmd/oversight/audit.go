package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/oversight-project/oversight/sqlite"
)

// AuditCommand checks and shows the audit log.
type AuditCommand struct{ m *Main }

// Run runs the command.
func (c *AuditCommand) Run(ctx context.Context, args []string) error {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("oversight-audit-"+sub, flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	head := fs.String("head", "", "a head `hash` published earlier: check that it is still in the chain")
	format := fs.String("format", "text", "output `format`: text or json")
	after := fs.Int64("after", 0, "show records after this sequence `number`")
	limit := fs.Int("limit", 100, "show at most `N` records")
	fs.Usage = c.usage
	switch sub {
	case "verify", "log":
	case "", "-h", "--help", "help":
		c.usage()
		if sub == "" {
			return &ExitError{Code: 2}
		}
		return nil
	default:
		return &ExitError{Code: 2, Message: fmt.Sprintf("audit %s: unknown; want verify or log", sub)}
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if *format != "text" && *format != "json" {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--format %q: want text or json", *format)}
	}
	if fs.NArg() > 0 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("audit %s takes no arguments", sub)}
	}
	if *limit < 1 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--limit %d: want 1 or more", *limit)}
	}
	if *after < 0 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--after %d: want a sequence number, 0 or more", *after)}
	}
	st, err := c.m.openStore(ctx, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	audit := sqlite.NewAuditService(st.db)
	if sub == "log" {
		recs, err := audit.FindAuditRecords(ctx, *after, *limit)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if *format == "json" {
				if err := writeJSONLine(c.m, r); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(c.m.Stdout, "%d\t%s\t%s\t%s\t%s\t%s\n", r.Seq, r.Time.Format("2006-01-02T15:04:05Z07:00"), r.Actor, r.Action, r.Subject, r.Detail)
		}
		return nil
	}
	rep, err := audit.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if *head != "" {
		seen, err := audit.HeadSeen(ctx, *head)
		if err != nil {
			return err
		}
		if !seen {
			rep.OK = false
			rep.Problems = append(rep.Problems, fmt.Sprintf("the published head %s is not in the chain: the log was rewritten", *head))
		}
	}
	if *format == "json" {
		if err := writeJSONLine(c.m, rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintln(c.m.Stdout, "PROBLEM:", p)
		}
		status := "OK"
		if !rep.OK {
			status = "BROKEN"
		}
		fmt.Fprintf(c.m.Stdout, "%s: %d records, head %s\n", status, rep.Records, rep.Head)
	}
	if !rep.OK {
		return &ExitError{Code: 1}
	}
	return nil
}

func (c *AuditCommand) usage() {
	fmt.Fprint(c.m.Stderr, `Check or show the audit log.

Usage:

	oversight audit verify [--head HASH] [--format json]
	oversight audit log [--after N] [--limit N] [--format json]

Every write — imports, list updates, saved screenings, token changes — appends a record that
holds the hash of the record before it. verify recomputes the chain and checks every saved
screening and token against what its record holds; it exits 1 and names each problem if
anything was edited, inserted or deleted past the store. Publish the head it prints (or keep
it elsewhere) and pass it to --head later: a log rewritten from that point on is caught too.

Flags:

	--db PATH        SQLite database (default $XDG_DATA_HOME/oversight/oversight.db)
	--head HASH      a head published earlier, which must still be in the chain
	--format F       text (default) or json

Examples:

	oversight audit verify
	oversight audit log --after 100 --format json
`)
}
