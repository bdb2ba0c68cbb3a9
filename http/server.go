package http

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/http/html"
)

// Server serves the API and the web UI. Set the fields, then call Open; Close stops it.
type Server struct {
	// Addr is the address to listen on, e.g. "127.0.0.1:8080" or ":0" for any free port.
	Addr string
	// Private makes every endpoint and page, reads too, need a token.
	Private bool
	// MaxBodyBytes bounds request bodies other than imports (default 1 MiB);
	// MaxImportBytes bounds POST /v1/entities (default 64 MiB).
	MaxBodyBytes, MaxImportBytes int64
	// RequestTimeout bounds the work of one request (default 30 s).
	RequestTimeout time.Duration
	Logger         *slog.Logger
	Version        string

	Registry oversight.RegistryService
	Entities oversight.EntityService
	Cases    oversight.CaseService
	Tokens   oversight.TokenService
	Audit    oversight.AuditService
	// Reload, if set, is called after entities are imported so that the registry reflects
	// them; it should swap in a fresh registry in the background.
	Reload func()

	cpu     chan struct{} // one slot per core: matching work waits here in arrival order
	ln      net.Listener
	server  *http.Server
	handler http.Handler
	metrics *metrics
	pages   *html.Pages
}

// NewServer returns a server with the default limits.
func NewServer() *Server {
	return &Server{MaxBodyBytes: 1 << 20, MaxImportBytes: 64 << 20, RequestTimeout: 30 * time.Second, Logger: discardLogger}
}

// Open builds the routes and starts listening; it returns once the listener is open and
// serves in the background.
func (s *Server) Open() (err error) {
	if s.Registry == nil || s.Entities == nil || s.Cases == nil || s.Tokens == nil || s.Audit == nil {
		return errors.New("http: server services are not all set")
	}
	if s.Logger == nil {
		s.Logger = discardLogger
	}
	if s.pages, err = html.NewPages(); err != nil {
		return err
	}
	s.cpu = make(chan struct{}, runtime.GOMAXPROCS(0))
	s.handler = s.routes()
	if s.ln, err = net.Listen("tcp", s.Addr); err != nil {
		return err
	}
	s.server = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn),
	}
	go s.server.Serve(s.ln)
	return nil
}

// URL returns the base URL the server listens on.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	addr := s.ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port))
}

// Close stops the server, letting requests in flight finish for up to five seconds.
func (s *Server) Close() error {
	if s.server == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.server.Shutdown(ctx)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.metrics = newMetrics()
	// Operations.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.handleReady)
	mux.Handle("GET /metrics", s.metrics.handler())
	mux.HandleFunc("GET /openapi.json", handleOpenAPI)

	// API.
	mux.Handle("POST /v1/screen", s.need(oversight.AccessAnalyst, s.handleScreen))
	mux.Handle("GET /v1/match", s.read(s.handleMatch))
	mux.Handle("GET /v1/search", s.read(s.handleSearch))
	mux.Handle("GET /v1/entities/{id}", s.read(s.handleEntity))
	mux.Handle("POST /v1/entities", s.need(oversight.AccessAnalyst, s.handleImport))
	mux.Handle("POST /v1/screenings", s.need(oversight.AccessAnalyst, s.handleCreateScreening))
	mux.Handle("GET /v1/screenings", s.read(s.handleScreenings))
	mux.Handle("GET /v1/screenings/{id}", s.read(s.handleScreening))
	mux.Handle("GET /v1/tokens", s.need(oversight.AccessAdmin, s.handleTokens))
	mux.Handle("POST /v1/tokens", s.need(oversight.AccessAdmin, s.handleCreateToken))
	mux.Handle("DELETE /v1/tokens/{id}", s.need(oversight.AccessAdmin, s.handleRevokeToken))
	mux.Handle("GET /v1/audit", s.need(oversight.AccessAdmin, s.handleAudit))
	mux.Handle("/v1/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, oversight.Errorf(oversight.ENOTFOUND, "no endpoint %s %s; see /openapi.json", r.Method, r.URL.Path))
	}))

	// Web UI.
	s.uiRoutes(mux)

	h := recordRoute(mux)
	h = s.authenticate(h)
	h = http.NewCrossOriginProtection().Handler(h)
	h = s.metrics.instrument(h)
	return h
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	if !s.Registry.Ready() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "loading"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

// ctxKey is the type of this package's context keys.
type ctxKey int

const tokenKey ctxKey = iota

// tokenCookie holds a token for the web UI after sign-in.
const tokenCookie = "oversight_token"

// authenticate reads the token of a request, from an "Authorization: Bearer" header or the
// UI's cookie, and puts it and its actor in the context. A header with a bad token is
// refused at once; a bad cookie counts as signed out.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, fromHeader := "", false
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, rest, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(rest) == "" {
				s.writeError(w, r, oversight.Errorf(oversight.EUNAUTHORIZED, "Authorization: want \"Bearer TOKEN\""))
				return
			}
			secret, fromHeader = strings.TrimSpace(rest), true
		} else if c, err := r.Cookie(tokenCookie); err == nil {
			secret = c.Value
		}
		if secret == "" {
			next.ServeHTTP(w, r)
			return
		}
		t, err := s.Tokens.FindTokenBySecret(r.Context(), secret)
		if err != nil {
			if oversight.ErrorCode(err) != oversight.ENOTFOUND {
				s.writeError(w, r, err)
				return
			}
			if fromHeader {
				s.writeError(w, r, oversight.Errorf(oversight.EUNAUTHORIZED, "unknown or revoked token"))
				return
			}
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: "", Path: "/", MaxAge: -1})
			next.ServeHTTP(w, r)
			return
		}
		ctx := context.WithValue(r.Context(), tokenKey, t)
		ctx = oversight.NewContextWithActor(ctx, "token:"+t.ID)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// tokenFrom returns the request's token, or nil.
func tokenFrom(r *http.Request) *oversight.Token {
	t, _ := r.Context().Value(tokenKey).(*oversight.Token)
	return t
}

// allowed checks that the request's token has at least the access level; it returns a coded
// error if not.
func allowed(r *http.Request, level string) error {
	t := tokenFrom(r)
	switch {
	case t == nil:
		return oversight.Errorf(oversight.EUNAUTHORIZED, "this needs an API token with %s access: send \"Authorization: Bearer TOKEN\"", level)
	case !oversight.Allows(t.Role, level):
		return oversight.Errorf(oversight.EFORBIDDEN, "this needs %s access; the token has %s", level, t.Role)
	}
	return nil
}

// need wraps an API handler that needs a token of the access level, and bounds its time.
func (s *Server) need(level string, h func(http.ResponseWriter, *http.Request)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := allowed(r, level); err != nil {
			s.writeError(w, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.RequestTimeout)
		defer cancel()
		h(w, r.WithContext(ctx))
	})
}

// acquire waits for a core to match a name on. Requests wait in
// the order they came, so that under load every request waits about as long, rather than
// some being starved by the scheduler.
func (s *Server) acquire(ctx context.Context) error {
	select {
	case s.cpu <- struct{}{}:
		return nil
	case <-ctx.Done():
		return oversight.Errorf(oversight.EUNAVAILABLE, "the server is overloaded; try again shortly")
	}
}

func (s *Server) release() { <-s.cpu }

// read wraps an API handler that reads: open to all unless the server is private.
func (s *Server) read(h func(http.ResponseWriter, *http.Request)) http.Handler {
	if s.Private {
		return s.need(oversight.AccessViewer, h)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.RequestTimeout)
		defer cancel()
		h(w, r.WithContext(ctx))
	})
}
