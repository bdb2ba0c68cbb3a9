package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/sqlite"
)

// TokenCommand creates, lists and revokes API tokens.
type TokenCommand struct{ m *Main }

// Run runs the command.
func (c *TokenCommand) Run(ctx context.Context, args []string) error {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("oversight-token-"+sub, flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	role := fs.String("role", "", "access `level`: viewer, analyst or admin")
	name := fs.String("name", "", "a `label` for the token, e.g. who holds it")
	format := fs.String("format", "text", "output `format`: text or json")
	fs.Usage = c.usage
	switch sub {
	case "create", "list", "revoke":
	case "", "-h", "--help", "help":
		c.usage()
		if sub == "" {
			return &ExitError{Code: 2}
		}
		return nil
	default:
		return &ExitError{Code: 2, Message: fmt.Sprintf("token %s: unknown; want create, list or revoke", sub)}
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
	switch {
	case sub == "create" && *role == "":
		return &ExitError{Code: 2, Message: "token create: --role is required (viewer, analyst or admin)"}
	case sub == "revoke" && fs.NArg() != 1:
		return &ExitError{Code: 2, Message: "token revoke: give one token id (see 'oversight token list')"}
	case sub != "revoke" && fs.NArg() > 0:
		return &ExitError{Code: 2, Message: fmt.Sprintf("token %s takes no arguments", sub)}
	}
	st, err := c.m.openStore(ctx, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	tokens := sqlite.NewTokenService(st.db)
	switch sub {
	case "create":
		t := &oversight.Token{Name: *name, Role: *role}
		secret, err := tokens.CreateToken(ctx, t)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSONLine(c.m, map[string]any{"id": t.ID, "name": t.Name, "role": t.Role, "created_at": t.CreatedAt, "secret": secret})
		}
		fmt.Fprintln(c.m.Stdout, secret)
		fmt.Fprintf(c.m.Stderr, "token %s (%s) created; the secret above is shown only now: keep it safe\n", t.ID, t.Role)
	case "list":
		ts, err := tokens.FindTokens(ctx)
		if err != nil {
			return err
		}
		if *format == "json" {
			if ts == nil {
				ts = []*oversight.Token{}
			}
			return writeJSONLine(c.m, ts)
		}
		tw := tabwriter.NewWriter(c.m.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tROLE\tNAME\tCREATED\tREVOKED")
		for _, t := range ts {
			revoked := "-"
			if t.RevokedAt != nil {
				revoked = t.RevokedAt.Format("2006-01-02 15:04")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, t.Name, t.CreatedAt.Format("2006-01-02 15:04"), revoked)
		}
		return tw.Flush()
	case "revoke":
		if err := tokens.RevokeToken(ctx, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(c.m.Stderr, "token %s revoked\n", fs.Arg(0))
	}
	return nil
}

func writeJSONLine(m *Main, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = m.Stdout.Write(append(b, '\n'))
	return err
}

func (c *TokenCommand) usage() {
	fmt.Fprint(c.m.Stderr, `Create, list and revoke API tokens for 'oversight serve'.

Usage:

	oversight token create --role viewer|analyst|admin [--name LABEL]
	oversight token list [--format json]
	oversight token revoke ID

create prints the new token's secret once, on standard output; only a hash of it is stored.
viewer reads (needed only on a --private server); analyst also screens, saves screenings and
imports entities; admin also manages tokens and reads the audit log. Every create and
revoke is recorded in the audit log.

Flags:

	--db PATH        SQLite database (default $XDG_DATA_HOME/oversight/oversight.db)
	--role LEVEL     viewer, analyst or admin
	--name LABEL     who or what holds the token
	--format F       text (default) or json

Examples:

	oversight token create --role analyst --name "export desk"
	curl -H "Authorization: Bearer $(oversight token create --role analyst)" ...
`)
}
