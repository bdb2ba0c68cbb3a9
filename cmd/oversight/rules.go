package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
)

// RulesCommand checks or lists a rule pack.
type RulesCommand struct{ m *Main }

// Run runs the command.
func (c *RulesCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-rules", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	rulesPath := fs.String("rules", "", "rule pack `file` (default: the bundled pack)")
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Check or list a rule pack.

Usage:

	oversight rules check [--rules FILE]   parse and type-check every condition; exit 2 on errors
	oversight rules list  [--rules FILE]   one line per rule: id, verdict, strength, effective date, title

Examples:

	oversight rules check --rules my-pack.yaml
	oversight rules list | grep EU-AIA
`)
	}
	sub := "check"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	prog, err := loadProgram(*rulesPath)
	if err != nil {
		return err
	}
	switch sub {
	case "check":
		fmt.Fprintf(c.m.Stdout, "%s %s: %d rules, %d fields, %d sets, %d profiles: OK\n",
			prog.Info.Name, prog.Info.Version, len(prog.Rules), len(prog.Fields), len(prog.Sets), len(prog.Profiles))
	case "list":
		for _, r := range prog.Rules {
			fmt.Fprintf(c.m.Stdout, "%-40s %-17s %-9s %s  %s\n", r.ID, r.Verdict, r.Strength, r.EffectiveFrom, r.Title)
		}
	default:
		return &ExitError{Code: 2, Message: fmt.Sprintf("rules: unknown subcommand %q; want check or list", sub)}
	}
	return nil
}
