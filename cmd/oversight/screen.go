package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/report"
	"github.com/oversight-project/oversight/rules"
)

// ScreenCommand screens one transfer document.
type ScreenCommand struct{ m *Main }

// Run runs the command.
func (c *ScreenCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-screen", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	rulesPath := fs.String("rules", "", "rule pack `file` (default: the bundled pack)")
	profile := fs.String("profile", rules.DefaultProfile, "evaluation `profile`: compliance, authority or redlines")
	format := fs.String("format", "text", "output `format`: text or json")
	fs.Usage = c.usage
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if *format != "text" && *format != "json" {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--format %q: want text or json", *format)}
	}
	if fs.NArg() > 1 {
		return &ExitError{Code: 2, Message: "screen takes one transfer document (or - for standard input)"}
	}
	name, in := "stdin", io.Reader(c.m.Stdin)
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return &ExitError{Code: 2, Message: fmt.Sprintf("cannot read transfer: %v", err)}
		}
		defer f.Close()
		in = f
	}
	prog, err := loadProgram(*rulesPath)
	if err != nil {
		return err
	}
	if _, ok := prog.Profiles[*profile]; !ok {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--profile %q: want one of %s", *profile, strings.Join(prog.ProfileNames(), ", "))}
	}
	t, err := prog.DecodeTransfer(name, in)
	if err != nil {
		return err
	}
	st, err := c.m.openStore(ctx, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := newScreener(ctx, st, prog)
	if err != nil {
		return err
	}
	d, err := s.Screen(ctx, t, rules.Options{Profile: *profile})
	if err != nil {
		return err
	}
	// Render fully before writing, so a failure writes nothing.
	var buf bytes.Buffer
	if *format == "json" {
		err = report.WriteJSON(&buf, d)
	} else {
		err = report.WriteText(&buf, d)
	}
	if err != nil {
		return err
	}
	if _, err := c.m.Stdout.Write(buf.Bytes()); err != nil {
		return err
	}
	return verdictExit(d.Verdict)
}

func verdictExit(v oversight.Verdict) error {
	if code := v.ExitCode(); code != 0 {
		return &ExitError{Code: code}
	}
	return nil
}

func (c *ScreenCommand) usage() {
	fmt.Fprint(c.m.Stderr, `Screen a proposed transfer and print the decision.

Usage:

	oversight screen [flags] [FILE | -]

Reads one transfer document (YAML or JSON; see docs/transfers.md) from FILE or standard
input, resolves its parties against the registry, derives the screening facts and evaluates
the rule pack. Exit status carries the verdict: 0 clear, 10 conditions, 20 escalate,
30 licence_required, 40 prohibited; 2 for bad input, 1 for internal errors.

Flags:

	--db PATH         SQLite database (default $XDG_DATA_HOME/oversight/oversight.db)
	--rules FILE      rule pack (default: the bundled pack)
	--profile NAME    compliance (default), authority or redlines
	--format FORMAT   text (default) or json

Examples:

	oversight screen examples/shanghai-psb-face-recognition.yaml
	oversight screen --format json --profile redlines examples/xpcc-psb-face-identification.yaml
	cat transfer.json | oversight screen -
`)
}
