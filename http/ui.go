package http

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/http/html"
)

func (s *Server) uiRoutes(mux *http.ServeMux) {
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(html.Static)))
	mux.HandleFunc("GET /{$}", s.page(false, s.uiSearch))
	mux.HandleFunc("GET /entities/{id}", s.page(false, s.uiEntity))
	mux.HandleFunc("GET /screen", s.page(false, s.uiScreenForm))
	mux.HandleFunc("POST /screen", s.page(true, s.uiScreen))
	mux.HandleFunc("GET /cases", s.page(false, s.uiCases))
	mux.HandleFunc("GET /cases/{ref}", s.page(false, s.uiCase))
	mux.HandleFunc("GET /screenings/{id}", s.page(false, s.uiScreening))
	mux.HandleFunc("GET /login", s.uiLoginForm)
	mux.HandleFunc("POST /login", s.uiLogin)
	mux.HandleFunc("POST /logout", s.uiLogout)
}

// page wraps a UI handler: it sets the security headers, bounds the time, and on a private
// server sends a visitor without a token to sign in. Writes need analyst access.
func (s *Server) page(write bool, h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		setPageHeaders(w)
		if s.Private && tokenFrom(r) == nil {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		level := oversight.AccessViewer
		if write {
			level = oversight.AccessAnalyst
		}
		if err := allowed(r, level); err != nil && (write || s.Private) {
			s.uiError(w, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.RequestTimeout)
		defer cancel()
		if err := h(w, r.WithContext(ctx)); err != nil {
			s.uiError(w, r, err)
		}
	}
}

func setPageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
}

func (s *Server) layout(r *http.Request, title string) html.Layout {
	return html.Layout{Title: title, Token: tokenFrom(r), Version: s.Version}
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var buf strings.Builder
	if err := s.pages.Render(&buf, page, data); err != nil {
		return err
	}
	w.WriteHeader(status)
	_, err := io.WriteString(w, buf.String())
	return err
}

// uiError shows an error page with the status its code maps to.
func (s *Server) uiError(w http.ResponseWriter, r *http.Request, err error) {
	code := oversight.ErrorCode(err)
	if code == oversight.EINTERNAL {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	status := ErrorStatusCode(code)
	title := http.StatusText(status)
	if code == oversight.EUNAUTHORIZED {
		title = "Sign in needed"
	}
	p := &html.ErrorPage{Layout: s.layout(r, title), Message: oversight.ErrorMessage(err)}
	if err := s.render(w, r, status, "error", p); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

func (s *Server) uiSearch(w http.ResponseWriter, r *http.Request) error {
	p := &html.SearchPage{Layout: s.layout(r, "Search"), Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if p.Query != "" {
		res, err := s.search(r)
		switch oversight.ErrorCode(err) {
		case "":
			p.Results, p.Total, p.Offset, p.Limit = res.Results, res.Total, res.Offset, res.Limit
			p.Title = p.Query + " — Search"
		case oversight.EINVALID, oversight.EUNAVAILABLE:
			p.Message = oversight.ErrorMessage(err)
		default:
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "search", p)
}

func (s *Server) uiEntity(w http.ResponseWriter, r *http.Request) error {
	res, err := s.entity(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	e := res.Entity
	p := &html.EntityPage{Layout: s.layout(r, e.Caption()), Entity: e}
	// One row per value, with every dataset that states it and the union of their sources.
	byValue := map[[2]string]*html.Fact{}
	for _, st := range res.Statements {
		k := [2]string{st.Prop, st.Value}
		f := byValue[k]
		if f == nil {
			f = &html.Fact{Prop: st.Prop, Value: st.Value}
			byValue[k] = f
			p.Facts = append(p.Facts, f)
		}
		f.Datasets = appendNew(f.Datasets, st.Dataset)
		f.Sources = appendNew(f.Sources, st.Sources...)
	}
	for _, rel := range res.Relations {
		if rel.Other.Schema == "Sanction" && rel.Direction == "in" {
			p.Listings = append(p.Listings, rel.Other)
		}
	}
	p.Relations = res.Relations
	if len(res.Relations) > 0 {
		p.Graph = html.NewGraph(e, res.Relations)
	}
	return s.render(w, r, http.StatusOK, "entity", p)
}

func (s *Server) screenPage(r *http.Request) *html.ScreenPage {
	profiles := s.Registry.Profiles()
	sort.Strings(profiles)
	return &html.ScreenPage{Layout: s.layout(r, "Screen a transfer"), Profiles: profiles, Profile: "compliance"}
}

func (s *Server) uiScreenForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "screen", s.screenPage(r))
}

// uiScreen screens the document in the form (the uploaded file wins over the text) and, if
// asked, saves it to the case.
func (s *Server) uiScreen(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxBodyBytes+64<<10)
	if err := r.ParseMultipartForm(s.MaxBodyBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return oversight.Errorf(oversight.EINVALID, "form: %v", err)
	}
	p := s.screenPage(r)
	p.Case, p.Document = strings.TrimSpace(r.FormValue("case")), r.FormValue("document")
	if v := r.FormValue("profile"); v != "" {
		p.Profile = v
	}
	name := "document"
	if f, fh, err := r.FormFile("file"); err == nil {
		b, err := io.ReadAll(io.LimitReader(f, s.MaxBodyBytes+1))
		f.Close()
		if err != nil {
			return err
		}
		if int64(len(b)) > s.MaxBodyBytes {
			return &oversight.Error{Code: "too_large", Message: "file: larger than the limit"}
		}
		p.Document, name = string(b), fh.Filename
	}
	if strings.TrimSpace(p.Document) == "" {
		p.Message = "Give a transfer document: paste it or upload a file."
		return s.render(w, r, http.StatusBadRequest, "screen", p)
	}
	var err error
	if r.FormValue("action") == "save" {
		var sc *oversight.Screening
		if sc, err = s.screenAndSave(r, p.Case, p.Profile, name, []byte(p.Document)); err == nil {
			p.Saved, p.Decision = sc, sc.Decision
		}
	} else {
		var t *oversight.Transfer
		if t, err = s.Registry.DecodeTransfer(name, []byte(p.Document)); err == nil {
			p.Decision, err = s.Registry.Screen(r.Context(), t, p.Profile)
		}
	}
	if code := oversight.ErrorCode(err); code == oversight.EINVALID {
		p.Message = oversight.ErrorMessage(err)
		return s.render(w, r, http.StatusBadRequest, "screen", p)
	} else if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "screen", p)
}

func (s *Server) uiCases(w http.ResponseWriter, r *http.Request) error {
	cs, _, err := s.Cases.FindCases(r.Context(), 0, 200)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "cases", &html.CasesPage{Layout: s.layout(r, "Cases"), Cases: cs})
}

func (s *Server) uiCase(w http.ResponseWriter, r *http.Request) error {
	ref := r.PathValue("ref")
	scs, _, err := s.Cases.FindScreenings(r.Context(), oversight.ScreeningFilter{Case: ref, Limit: 1000})
	if err != nil {
		return err
	} else if len(scs) == 0 {
		return oversight.Errorf(oversight.ENOTFOUND, "no case %q", ref)
	}
	return s.render(w, r, http.StatusOK, "case", &html.CasePage{Layout: s.layout(r, "Case "+ref), Case: ref, Screenings: scs})
}

func (s *Server) uiScreening(w http.ResponseWriter, r *http.Request) error {
	id, err := screeningID(r.PathValue("id"))
	if err != nil {
		return err
	}
	sc, err := s.Cases.FindScreeningByID(r.Context(), id)
	if err != nil {
		return err
	}
	p := &html.ScreeningPage{Layout: s.layout(r, "Screening #"+strconv.FormatInt(id, 10)), Screening: sc, Decision: sc.Decision}
	return s.render(w, r, http.StatusOK, "screening", p)
}

// safeNext keeps a sign-in redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (s *Server) uiLoginForm(w http.ResponseWriter, r *http.Request) {
	setPageHeaders(w)
	p := &html.LoginPage{Layout: s.layout(r, "Sign in"), Next: safeNext(r.URL.Query().Get("next"))}
	if err := s.render(w, r, http.StatusOK, "login", p); err != nil {
		s.uiError(w, r, err)
	}
}

// uiLogin checks the token and keeps it in an HttpOnly, SameSite=Strict cookie.
func (s *Server) uiLogin(w http.ResponseWriter, r *http.Request) {
	setPageHeaders(w)
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	secret, next := strings.TrimSpace(r.FormValue("token")), safeNext(r.FormValue("next"))
	t, err := s.Tokens.FindTokenBySecret(r.Context(), secret)
	if err != nil {
		if oversight.ErrorCode(err) != oversight.ENOTFOUND {
			s.uiError(w, r, err)
			return
		}
		p := &html.LoginPage{Layout: s.layout(r, "Sign in"), Next: next, Message: "Unknown or revoked token."}
		if err := s.render(w, r, http.StatusUnauthorized, "login", p); err != nil {
			s.uiError(w, r, err)
		}
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: tokenCookie, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil, Expires: time.Now().Add(12 * time.Hour),
	})
	s.Logger.Info("signed in", "token", t.ID, "role", t.Role)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) uiLogout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func appendNew(xs []string, ys ...string) []string {
	for _, y := range ys {
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}
