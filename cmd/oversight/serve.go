package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/oversight-project/oversight/ftm"
	ohttp "github.com/oversight-project/oversight/http"
	"github.com/oversight-project/oversight/match"
	"github.com/oversight-project/oversight/screen"
	"github.com/oversight-project/oversight/sqlite"
)

// ServeCommand runs the HTTP API and web UI.
type ServeCommand struct {
	m *Main

	st       *store
	Server   *ohttp.Server
	Registry *screen.Service
	loading  sync.WaitGroup
	reload   chan struct{}
	cancel   context.CancelFunc
}

// Run starts the server and serves until ctx is done.
func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	if err := c.Open(ctx, args); err != nil {
		return err
	}
	<-ctx.Done()
	fmt.Fprintln(c.m.Stderr, "oversight: shutting down")
	return c.Close()
}

// Open parses the flags, opens the store, starts listening and starts loading the registry
// in the background; /readyz answers 200 once it is loaded.
func (c *ServeCommand) Open(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-serve", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	private := fs.Bool("private", false, "every endpoint and page, reads too, needs a token")
	rulesPath := fs.String("rules", "", "rule pack `file` (default: the bundled pack)")
	quiet := fs.Bool("quiet", false, "log only warnings and errors")
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Serve the HTTP API and the web UI.

Usage:

	oversight serve [flags]

Serves the JSON API (described at /openapi.json), the web UI, /healthz, /readyz and
Prometheus /metrics. The registry and the official lists are loaded into memory in the
background; /readyz answers 200 once they are. GET endpoints and pages need no token unless
--private is given; screening, saving and importing need a token with analyst access, and
tokens and the audit log need admin access. Create tokens with 'oversight token create'.

Flags:

	--db PATH        SQLite database (default $XDG_DATA_HOME/oversight/oversight.db)
	--addr ADDR      listen address (default 127.0.0.1:8080; :0 picks a free port)
	--private        require a token for reads too
	--rules FILE     rule pack (default: the bundled pack)
	--quiet          log only warnings and errors

Examples:

	oversight serve
	oversight serve --addr :8080 --private
`)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if fs.NArg() > 0 {
		return &ExitError{Code: 2, Message: "serve takes no arguments"}
	}
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(c.m.Stderr, &slog.HandlerOptions{Level: level}))
	prog, err := loadProgram(*rulesPath)
	if err != nil {
		return err
	}
	risk, err := riskTable(prog)
	if err != nil {
		return err
	}
	if c.st, err = c.m.openStore(ctx, sf); err != nil {
		return err
	}
	c.Registry = &screen.Service{
		Program: prog, Risk: risk, Entities: c.st.entities, Config: match.DefaultConfig(),
		Parties: partySchemata(), IsRef: ftm.Default.IsRef,
	}
	s := ohttp.NewServer()
	s.Addr, s.Private, s.Logger, s.Version = *addr, *private, logger, Version
	s.Registry, s.Entities = c.Registry, c.st.entities
	s.Cases, s.Tokens, s.Audit = sqlite.NewCaseService(c.st.db), sqlite.NewTokenService(c.st.db), sqlite.NewAuditService(c.st.db)
	s.Reload = c.requestReload
	if err := s.Open(); err != nil {
		c.st.Close()
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	c.Server = s
	logger.Info("serving", "url", s.URL(), "private", *private)

	// One loader goroutine: the first load, then a reload per burst of imports.
	var lctx context.Context
	lctx, c.cancel = context.WithCancel(context.WithoutCancel(ctx))
	c.reload = make(chan struct{}, 1)
	c.reload <- struct{}{}
	c.loading.Add(1)
	go func() {
		defer c.loading.Done()
		for {
			select {
			case <-lctx.Done():
				return
			case <-c.reload:
			}
			start := time.Now()
			if err := c.Registry.Load(lctx); err != nil {
				if lctx.Err() == nil {
					logger.Error("loading the registry failed", "err", err)
				}
				continue
			}
			logger.Info("registry loaded", "took", time.Since(start).Round(time.Millisecond))
		}
	}()
	return nil
}

// requestReload asks the loader for a fresh registry; requests made while one is pending
// fold into it.
func (c *ServeCommand) requestReload() {
	select {
	case c.reload <- struct{}{}:
	default:
	}
}

// Close stops the server and the loader, then closes the store.
func (c *ServeCommand) Close() error {
	var err error
	if c.Server != nil {
		err = c.Server.Close()
	}
	if c.cancel != nil {
		c.cancel()
	}
	c.loading.Wait()
	if c.st != nil {
		if cerr := c.st.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
