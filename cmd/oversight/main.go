// Command oversight screens proposed transfers of surveillance technology and of biometric
// data against a registry of who sold what to whom, the official watchlists and rules drawn
// from export-control, AI and data-protection law.
//
// Exit codes: 0 clear, 10 conditions, 20 escalate, 30 licence_required, 40 prohibited (from
// `screen`); 2 for bad input or usage; 1 for internal errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/oversight-project/oversight"
)

// Version is set at build time.
var Version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(m.Exit(m.Run(ctx, os.Args[1:])))
}

// Main is the program: its standard streams and environment, so tests can run it whole.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	HTTPClient     *http.Client // for downloads; nil means a default client
}

// ExitError ends the program with a status and, if Message is set, a message on stderr.
type ExitError struct {
	Code    int
	Message string
}

func (e *ExitError) Error() string { return fmt.Sprintf("exit %d: %s", e.Code, e.Message) }

// Run dispatches to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	ctx = oversight.NewContextWithActor(ctx, m.actor())
	cmd := ""
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "screen":
		return (&ScreenCommand{m}).Run(ctx, args)
	case "import":
		return (&ImportCommand{m}).Run(ctx, args)
	case "export":
		return (&ExportCommand{m}).Run(ctx, args)
	case "match":
		return (&MatchCommand{m}).Run(ctx, args)
	case "lists":
		return (&ListsCommand{m}).Run(ctx, args)
	case "rules":
		return (&RulesCommand{m}).Run(ctx, args)
	case "serve":
		return (&ServeCommand{m: m}).Run(ctx, args)
	case "token":
		return (&TokenCommand{m}).Run(ctx, args)
	case "audit":
		return (&AuditCommand{m}).Run(ctx, args)
	case "bench":
		return (&BenchCommand{m}).Run(ctx, args)
	case "version":
		fmt.Fprintln(m.Stdout, "oversight", Version)
		return nil
	case "", "help", "-h", "--help":
		m.usage()
		if cmd == "" {
			return &ExitError{Code: 2}
		}
		return nil
	}
	return &ExitError{Code: 2, Message: fmt.Sprintf("unknown command %q; run 'oversight help'", cmd)}
}

// actor names the command-line user in the audit log.
func (m *Main) actor() string {
	if u := m.Getenv("USER"); u != "" {
		return "cli:" + u
	}
	return "cli"
}

// Exit prints an error the way a user should see it and returns the exit status.
func (m *Main) Exit(err error) int {
	var ee *ExitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		if ee.Message != "" {
			fmt.Fprintln(m.Stderr, "oversight:", ee.Message)
		}
		return ee.Code
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(m.Stderr, "oversight: interrupted")
		return 1
	}
	switch oversight.ErrorCode(err) {
	case oversight.EINVALID, oversight.ENOTFOUND, oversight.ECONFLICT:
		fmt.Fprintln(m.Stderr, "oversight:", oversight.ErrorMessage(err))
		return 2
	}
	fmt.Fprintln(m.Stderr, "oversight: internal error:", err)
	return 1
}

func (m *Main) usage() {
	fmt.Fprint(m.Stdout, `Oversight screens proposed transfers of surveillance technology and biometric data
against a registry of who sold what to whom, official watchlists and rules drawn from law.

Usage:

	oversight <command> [arguments]

Commands:

	screen    screen a transfer document (YAML or JSON) and print the decision
	import    load FollowTheMoney entities (JSON lines) into the store
	export    write the store's entities as FollowTheMoney JSON lines
	match     find the registry entities a name refers to
	lists     update the official watchlists, show their status, diff their versions
	rules     check or list a rule pack
	serve     serve the HTTP API and the web UI
	token     create, list and revoke API tokens
	audit     verify or show the audit log
	bench     measure screening speed on this machine
	version   print the version

Run 'oversight <command> -h' for a command's flags and examples.

Exit codes of screen: 0 clear, 10 conditions, 20 escalate, 30 licence_required,
40 prohibited; every command: 2 bad input, 1 internal error.
`)
}
