package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/report"
)

// readBody reads a request body of at most limit bytes.
func readBody(r *http.Request, w http.ResponseWriter, limit int64) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, &oversight.Error{Code: "too_large", Message: fmt.Sprintf("request body: larger than the limit of %d bytes", limit)}
	} else if err != nil {
		return nil, oversight.Errorf(oversight.EINVALID, "request body: %v", err)
	}
	return b, nil
}

// transferType checks the content type of a transfer document: JSON or YAML.
func transferType(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return &oversight.Error{Code: "unsupported", Message: fmt.Sprintf("Content-Type %q: %v", ct, err)}
	}
	switch mt {
	case "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
		return nil
	}
	return &oversight.Error{Code: "unsupported", Message: fmt.Sprintf("Content-Type %q: want application/json or application/yaml", mt)}
}

// handleScreen screens the transfer in the body and answers the decision, as
// `oversight screen --format json` prints it.
func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) {
	if err := transferType(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := readBody(r, w, s.MaxBodyBytes)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	t, err := s.Registry.DecodeTransfer("request body", body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	d, err := s.Registry.Screen(r.Context(), t, r.URL.Query().Get("profile"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	report.WriteJSON(w, d)
}

// intParam reads an optional integer query parameter within [lo, hi].
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, oversight.Errorf(oversight.EINVALID, "%s=%q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// matchQuery reads the parameters of GET /v1/match.
func matchQuery(r *http.Request) (oversight.NameQuery, float64, error) {
	q := r.URL.Query()
	nq := oversight.NameQuery{Name: strings.TrimSpace(q.Get("name")), Country: strings.ToLower(q.Get("country")), Identifiers: q["id"]}
	if nq.Name == "" {
		return nq, 0, oversight.Errorf(oversight.EINVALID, "name: required, e.g. /v1/match?name=Hikvision")
	}
	if len(nq.Name) > 1000 {
		return nq, 0, oversight.Errorf(oversight.EINVALID, "name: at most 1000 bytes")
	}
	if c := nq.Country; c != "" && !oversight.IsCountryCode(c) {
		return nq, 0, oversight.Errorf(oversight.EINVALID, "country=%q: want an ISO 3166-1 alpha-2 code such as cn", q.Get("country"))
	}
	if sc := q.Get("schema"); sc != "" {
		if ftm.Default.Schema(sc) == nil {
			return nq, 0, oversight.Errorf(oversight.EINVALID, "schema=%q: unknown FollowTheMoney schema", sc)
		}
		nq.Schemata = ftm.Default.Descendants(sc)
	}
	var err error
	if nq.Limit, err = intParam(r, "limit", 5, 1, 100); err != nil {
		return nq, 0, err
	}
	threshold := -1.0
	if v := q.Get("threshold"); v != "" {
		if threshold, err = strconv.ParseFloat(v, 64); err != nil || !(threshold >= 0 && threshold <= 1) { // NaN too
			return nq, 0, oversight.Errorf(oversight.EINVALID, "threshold=%q: want a number from 0 to 1", v)
		}
	}
	return nq, threshold, nil
}

// MatchResponse is the body of GET /v1/match.
type MatchResponse struct {
	Query   string             `json:"query"`
	Matches []*oversight.Match `json:"matches"`
}

func (s *Server) handleMatch(w http.ResponseWriter, r *http.Request) {
	q, threshold, err := matchQuery(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := s.acquire(r.Context()); err != nil {
		s.writeError(w, r, err)
		return
	}
	ms, err := s.Registry.Match(r.Context(), q, threshold)
	s.release()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if ms == nil {
		ms = []*oversight.Match{}
	}
	writeJSON(w, http.StatusOK, &MatchResponse{Query: q.Name, Matches: ms})
}

// Page is the paging part of a list response.
type Page struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
	Total  int `json:"total"`
}

func paging(r *http.Request, def int) (Page, error) {
	off, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		return Page{}, err
	}
	lim, err := intParam(r, "limit", def, 1, 100)
	return Page{Offset: off, Limit: lim}, err
}

// SearchResponse is the body of GET /v1/search.
type SearchResponse struct {
	Query   string             `json:"query"`
	Results []*oversight.Match `json:"results"`
	Page
}

func (s *Server) search(r *http.Request) (*SearchResponse, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return nil, oversight.Errorf(oversight.EINVALID, "q: required, e.g. /v1/search?q=公安局")
	} else if len(q) > 1000 {
		return nil, oversight.Errorf(oversight.EINVALID, "q: at most 1000 bytes")
	}
	p, err := paging(r, 20)
	if err != nil {
		return nil, err
	}
	ms, n, err := s.Registry.Search(r.Context(), q, p.Offset, p.Limit)
	if err != nil {
		return nil, err
	}
	if ms == nil {
		ms = []*oversight.Match{}
	}
	p.Total = n
	return &SearchResponse{Query: q, Results: ms, Page: p}, nil
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	res, err := s.search(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// EntityResponse is the body of GET /v1/entities/{id}.
type EntityResponse struct {
	Entity     *oversight.Entity      `json:"entity"`
	Statements []*oversight.Statement `json:"statements"`
	Relations  []*oversight.Relation  `json:"relations"`
}

func (s *Server) entity(r *http.Request, id string) (*EntityResponse, error) {
	e, err := s.Entities.FindEntityByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	st, err := s.Entities.FindStatements(r.Context(), id)
	if err != nil {
		return nil, err
	}
	rel, err := s.Registry.Related(r.Context(), id)
	if oversight.ErrorCode(err) == oversight.ENOTFOUND || oversight.ErrorCode(err) == oversight.EUNAVAILABLE {
		rel, err = nil, nil // imported since the registry was loaded, or still loading
	}
	if err != nil {
		return nil, err
	}
	if rel == nil {
		rel = []*oversight.Relation{}
	}
	return &EntityResponse{Entity: e, Statements: st, Relations: rel}, nil
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) {
	res, err := s.entity(r, r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// handleImport loads FtM entities: JSON lines, or one JSON entity, into ?dataset= (default
// "api"), in one transaction.
func (s *Server) handleImport(w http.ResponseWriter, r *http.Request) {
	dataset := r.URL.Query().Get("dataset")
	if dataset == "" {
		dataset = "api"
	}
	if !validDataset(dataset) {
		s.writeError(w, r, oversight.Errorf(oversight.EINVALID, "dataset=%q: want lower-case letters, digits, - and _ (at most 64)", dataset))
		return
	}
	body, err := readBody(r, w, s.MaxImportBytes)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.Entities.ImportEntities(r.Context(), dataset, ftm.NewDecoder(bytes.NewReader(body), "request body"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if s.Reload != nil {
		s.Reload()
	}
	writeJSON(w, http.StatusOK, res)
}

func validDataset(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// ScreeningRequest is the body of POST /v1/screenings.
type ScreeningRequest struct {
	Case     string          `json:"case"`
	Profile  string          `json:"profile"`
	Transfer json.RawMessage `json:"transfer"`
}

func (s *Server) handleCreateScreening(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r, w, s.MaxBodyBytes)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req ScreeningRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.writeError(w, r, oversight.Errorf(oversight.EINVALID, "request body: want {\"case\": \"…\", \"profile\": \"…\", \"transfer\": {…}}: %v", err))
		return
	}
	if len(req.Transfer) == 0 {
		s.writeError(w, r, oversight.Errorf(oversight.EINVALID, "transfer: required"))
		return
	}
	sc, err := s.screenAndSave(r, req.Case, req.Profile, "transfer", req.Transfer)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/screenings/"+strconv.FormatInt(sc.ID, 10))
	writeJSON(w, http.StatusCreated, sc)
}

// screenAndSave screens a transfer document and saves the screening under a case.
func (s *Server) screenAndSave(r *http.Request, caseRef, profile, name string, doc []byte) (*oversight.Screening, error) {
	sc := &oversight.Screening{Case: strings.TrimSpace(caseRef), Profile: profile}
	if sc.Case == "" {
		return nil, oversight.Errorf(oversight.EINVALID, "case: a case reference is required, e.g. a licence application number")
	}
	t, err := s.Registry.DecodeTransfer(name, doc)
	if err != nil {
		return nil, err
	}
	if sc.Decision, err = s.Registry.Screen(r.Context(), t, profile); err != nil {
		return nil, err
	}
	sc.Profile = sc.Decision.Profile
	if sc.Transfer, err = json.Marshal(t.Values); err != nil {
		return nil, err
	}
	if err := s.Cases.CreateScreening(r.Context(), sc); err != nil {
		return nil, err
	}
	return sc, nil
}

// ScreeningsResponse is the body of GET /v1/screenings.
type ScreeningsResponse struct {
	Screenings []*oversight.Screening `json:"screenings"`
	Page
}

func (s *Server) handleScreenings(w http.ResponseWriter, r *http.Request) {
	p, err := paging(r, 20)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	scs, n, err := s.Cases.FindScreenings(r.Context(), oversight.ScreeningFilter{Case: r.URL.Query().Get("case"), Offset: p.Offset, Limit: p.Limit})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if scs == nil {
		scs = []*oversight.Screening{}
	}
	p.Total = n
	writeJSON(w, http.StatusOK, &ScreeningsResponse{Screenings: scs, Page: p})
}

func screeningID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, oversight.Errorf(oversight.ENOTFOUND, "screening %q not found", s)
	}
	return id, nil
}

func (s *Server) handleScreening(w http.ResponseWriter, r *http.Request) {
	id, err := screeningID(r.PathValue("id"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	sc, err := s.Cases.FindScreeningByID(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sc)
}

// TokenRequest is the body of POST /v1/tokens.
type TokenRequest struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// TokenResponse answers POST /v1/tokens: the secret is shown this once.
type TokenResponse struct {
	*oversight.Token
	Secret string `json:"secret"`
}

func (s *Server) handleTokens(w http.ResponseWriter, r *http.Request) {
	ts, err := s.Tokens.FindTokens(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if ts == nil {
		ts = []*oversight.Token{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"tokens": ts})
}

func (s *Server) handleCreateToken(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r, w, 64<<10)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req TokenRequest
	if err := json.Unmarshal(body, &req); err != nil {
		s.writeError(w, r, oversight.Errorf(oversight.EINVALID, "request body: want {\"name\": \"…\", \"role\": \"viewer|analyst|admin\"}: %v", err))
		return
	}
	t := &oversight.Token{Name: req.Name, Role: req.Role}
	secret, err := s.Tokens.CreateToken(r.Context(), t)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, &TokenResponse{Token: t, Secret: secret})
}

func (s *Server) handleRevokeToken(w http.ResponseWriter, r *http.Request) {
	if err := s.Tokens.RevokeToken(r.Context(), r.PathValue("id")); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	after, err := intParam(r, "after", 0, 0, 1<<62)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	lim, err := intParam(r, "limit", 100, 1, 1000)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	recs, err := s.Audit.FindAuditRecords(r.Context(), int64(after), lim)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if recs == nil {
		recs = []*oversight.AuditRecord{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"records": recs})
}
