package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/oversight-project/oversight"
)

// benchServe loads the server with GET /v1/match requests over loopback for a fixed time and
// reports throughput and latency percentiles.
func (c *BenchCommand) benchServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-bench-serve", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	duration := fs.Duration("duration", 10*time.Second, "how long to send requests")
	warmup := fs.Duration("warmup", 2*time.Second, "requests sent first and not counted")
	conns := fs.Int("connections", 16, "concurrent connections (each sends its next request when the last is answered)")
	target := fs.String("url", "", "load this running server's base `URL` instead of starting one")
	rate := fs.Int("rate", 0, "send this many requests `per second` on a fixed schedule (open loop; latency counts from the scheduled time); 0 sends each connection's next request when the last is answered")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the measured run (client and server) to `file`")
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Load the HTTP API with name matches and report throughput and latency.

Usage:

	oversight bench serve [--db PATH] [--duration 10s] [--connections 16] [--rate R] [--url URL]

Starts 'oversight serve' on a loopback port in this process (or uses --url), waits until it
is ready, then sends GET /v1/match?name=… over N keep-alive connections for the duration,
cycling through the names of the store's parties with case changes, dropped letters and
swapped words, so that the server cannot answer from a cache. Client and server share the
machine's cores. Reports requests/s, latency percentiles and errors (any answer not 200).

With --rate R the requests are sent on a fixed schedule of R per second, whatever the
answers: a request that waits for a free connection counts its wait, so the percentiles say
what a client sending R requests per second sees (no coordinated omission).
`)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if *conns < 1 || *duration <= 0 {
		return &ExitError{Code: 2, Message: "--connections and --duration must be positive"}
	}
	st, err := c.m.openStore(ctx, sf)
	if err != nil {
		return err
	}
	var names []string
	err = st.entities.EachEntity(ctx, partySchemata(), func(e *oversight.Entity) error {
		names = append(names, e.Names()...)
		return nil
	})
	st.Close()
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return &ExitError{Code: 2, Message: "the store holds no party names to query"}
	}
	queries := benchQueries(names)

	base := *target
	if base == "" {
		srvArgs := []string{"--addr", "127.0.0.1:0", "--quiet"}
		if sf.db != "" {
			srvArgs = append(srvArgs, "--db", sf.db)
		}
		sc := &ServeCommand{m: &Main{Stdin: c.m.Stdin, Stdout: io.Discard, Stderr: c.m.Stderr, Getenv: c.m.Getenv}}
		start := time.Now()
		if err := sc.Open(ctx, srvArgs); err != nil {
			return err
		}
		defer sc.Close()
		base = sc.Server.URL()
		if err := waitReady(ctx, base, 5*time.Minute); err != nil {
			return err
		}
		fmt.Fprintf(c.m.Stdout, "server ready in %v at %s (%d names to query)\n", time.Since(start).Round(time.Millisecond), base, len(names))
	} else if err := waitReady(ctx, base, 10*time.Second); err != nil {
		return err
	}

	client := &http.Client{Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns, DisableCompression: true,
	}, Timeout: 10 * time.Second}
	run := func(d time.Duration) ([]time.Duration, int, int) {
		var mu sync.Mutex
		var lat []time.Duration
		errs, bad := 0, 0
		start := time.Now()
		stop := start.Add(d)
		// Each job is the time a request should be sent: on the schedule (open loop), or
		// whenever a connection is free (closed loop: the channel has no buffer).
		var jobs chan time.Time
		if *rate > 0 {
			jobs = make(chan time.Time, 1<<16)
		} else {
			jobs = make(chan time.Time)
		}
		go func() {
			defer close(jobs)
			for i := 0; ; i++ {
				at := start.Add(time.Duration(i) * time.Second / time.Duration(max(*rate, 1)))
				if *rate > 0 {
					time.Sleep(time.Until(at))
				} else {
					at = time.Now()
				}
				if at.After(stop) {
					return
				}
				select {
				case jobs <- at:
				case <-ctx.Done():
					return
				}
			}
		}()
		var wg sync.WaitGroup
		for w := range *conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var mine []time.Duration
				myErrs, myBad := 0, 0
				i := w
				for at := range jobs {
					if *rate == 0 {
						at = time.Now()
					}
					u := base + "/v1/match?name=" + url.QueryEscape(queries[i%len(queries)])
					i += *conns
					resp, err := client.Get(u)
					if err != nil {
						myErrs++
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						myBad++
					}
					mine = append(mine, time.Since(at))
				}
				mu.Lock()
				lat = append(lat, mine...)
				errs, bad = errs+myErrs, bad+myBad
				mu.Unlock()
			}()
		}
		wg.Wait()
		return lat, errs, bad
	}
	run(*warmup)
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	t0 := time.Now()
	lat, errs, bad := run(*duration)
	elapsed := time.Since(t0)
	stopProfile()
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	mode := "closed loop"
	if *rate > 0 {
		mode = fmt.Sprintf("open loop at %d/s", *rate)
	}
	fmt.Fprintf(c.m.Stdout, "GET /v1/match: %d connections, %s, %v, %d cores (GOMAXPROCS %d)\n", *conns, mode, *duration, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(c.m.Stdout, "  requests   %d (%.0f/s)\n", len(lat), float64(len(lat))/elapsed.Seconds())
	fmt.Fprintf(c.m.Stdout, "  latency    p50 %v  p90 %v  p99 %v  max %v\n", pct(.5).Round(time.Microsecond), pct(.9).Round(time.Microsecond), pct(.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	fmt.Fprintf(c.m.Stdout, "  errors     %d transport, %d not 200\n", errs, bad)
	if errs+bad > 0 {
		return &ExitError{Code: 1, Message: fmt.Sprintf("%d requests failed", errs+bad)}
	}
	return nil
}

// benchQueries makes query variants of the names: as written, upper case, with a letter
// dropped, and with the first two words swapped.
func benchQueries(names []string) []string {
	var out []string
	for i, n := range names {
		out = append(out, n)
		switch i % 3 {
		case 0:
			if r := []rune(n); len(r) > 5 {
				out = append(out, string(r[:len(r)/2])+string(r[len(r)/2+1:]))
			}
		case 1:
			out = append(out, strings.ToUpper(n))
		case 2:
			if w := strings.Fields(n); len(w) > 1 {
				w[0], w[1] = w[1], w[0]
				out = append(out, strings.Join(w, " "))
			}
		}
	}
	return out
}

func waitReady(ctx context.Context, base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return errors.New("the server was not ready in time")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
