package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/ftm"
	ohttp "github.com/oversight-project/oversight/http"
	"github.com/oversight-project/oversight/match"
	"github.com/oversight-project/oversight/rules"
	"github.com/oversight-project/oversight/screen"
	"github.com/oversight-project/oversight/sqlite"
)

// TestServer is a real server on a loopback port over a temporary store holding the bundled
// registry, with one token of each access level.
type TestServer struct {
	*ohttp.Server
	DB       *sqlite.DB
	Registry *screen.Service
	Tokens   map[string]string // access level → secret
	IDs      map[string]string // access level → token id
}

// MustOpenServer starts a server; load says whether to load the registry before returning.
func MustOpenServer(tb testing.TB, private, load bool) *TestServer {
	tb.Helper()
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(tb.TempDir(), "test.db"))
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	entities := sqlite.NewEntityService(db)
	entities.CommonSchema = ftm.Default.Common
	for name, data := range map[string][]byte{"oversight-seed": bundle.Seed, "oversight-enrichment": bundle.Enrichment} {
		if _, err := entities.ImportEntities(ctx, name, ftm.NewDecoder(bytes.NewReader(data), name)); err != nil {
			tb.Fatal(err)
		}
	}
	prog, err := rules.Parse("rules.yaml", bundle.Rules)
	if err != nil {
		tb.Fatal(err)
	}
	risk, err := prog.ParseRiskTable("country_risk.yaml", bundle.CountryRisk)
	if err != nil {
		tb.Fatal(err)
	}
	reg := &screen.Service{Program: prog, Risk: risk, Entities: entities, Config: match.DefaultConfig(),
		Parties: ftm.Default.Descendants("LegalEntity"), IsRef: ftm.Default.IsRef}
	if load {
		if err := reg.Load(ctx); err != nil {
			tb.Fatal(err)
		}
	}
	ts := &TestServer{Server: ohttp.NewServer(), DB: db, Registry: reg, Tokens: map[string]string{}, IDs: map[string]string{}}
	tokens := sqlite.NewTokenService(db)
	for _, level := range oversight.AccessLevels {
		t := &oversight.Token{Name: "test " + level, Role: level}
		secret, err := tokens.CreateToken(ctx, t)
		if err != nil {
			tb.Fatal(err)
		}
		ts.Tokens[level], ts.IDs[level] = secret, t.ID
	}
	ts.Addr, ts.Private, ts.Version = "127.0.0.1:0", private, "test"
	ts.Server.Registry, ts.Entities = reg, entities
	ts.Cases, ts.Server.Tokens, ts.Audit = sqlite.NewCaseService(db), tokens, sqlite.NewAuditService(db)
	ts.Reload = func() {
		if err := reg.Load(context.Background()); err != nil {
			tb.Error(err)
		}
	}
	if err := ts.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ts.Close() })
	return ts
}

// spec is the OpenAPI document and a router over it; every API answer in these tests is
// checked against it.
type spec struct {
	doc    *openapi3.T
	router routers.Router
}

func loadSpec(t *testing.T) *spec {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(ohttp.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	doc.Servers = nil // match paths on any host
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &spec{doc: doc, router: router}
}

// call makes a request with the token of the given access level ("" for none, "bad" for an
// unknown token) and checks the answer against the OpenAPI document.
func (s *spec) call(t *testing.T, ts *TestServer, method, path, level, ctype, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	switch level {
	case "":
	case "bad":
		req.Header.Set("Authorization", "Bearer ovs_not-a-token")
	default:
		req.Header.Set("Authorization", "Bearer "+ts.Tokens[level])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	// Check the answer against the document: a route must exist, and the status and body
	// must be among those it declares.
	vreq, _ := http.NewRequest(method, path, nil)
	vreq.Header = req.Header.Clone()
	route, params, err := s.router.FindRoute(vreq)
	if err != nil {
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s: not in openapi.json: %v", method, path, err)
		}
		return resp, b
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route},
		Status:                 resp.StatusCode, Header: resp.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	in.SetBodyBytes(b)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s %s: answer %d does not follow openapi.json: %v\n%s", method, path, resp.StatusCode, err, b)
	}
	return resp, b
}

func example(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOpenAPI(t *testing.T) {
	s := loadSpec(t)
	ts := MustOpenServer(t, false, true)
	resp, b := s.call(t, ts, "GET", "/openapi.json", "", "", "")
	if resp.StatusCode != 200 || !bytes.Equal(b, ohttp.OpenAPI) {
		t.Fatalf("GET /openapi.json: %d, %d bytes", resp.StatusCode, len(b))
	}
	// Every route the server has is in the document.
	for _, p := range []string{"/v1/screen", "/v1/match", "/v1/search", "/v1/entities/{id}", "/v1/entities", "/v1/screenings", "/v1/screenings/{id}", "/v1/tokens", "/v1/tokens/{id}", "/v1/audit", "/healthz", "/readyz", "/metrics"} {
		if s.doc.Paths.Find(p) == nil {
			t.Errorf("openapi.json lacks %s", p)
		}
	}
}

func TestAPI(t *testing.T) {
	s := loadSpec(t)
	ts := MustOpenServer(t, false, true)
	shanghai := example(t, "shanghai-psb-face-recognition.yaml")
	q := url.QueryEscape

	type want struct {
		status int
		has    string // a substring of the body
	}
	for _, tc := range []struct {
		name                             string
		method, path, level, ctype, body string
		want                             want
	}{
		{"Healthz", "GET", "/healthz", "", "", "", want{200, `"ok"`}},
		{"Readyz", "GET", "/readyz", "", "", "", want{200, `"ready"`}},
		{"MatchHan", "GET", "/v1/match?name=" + q("上海市公安局"), "", "", "", want{200, `"id":"org-shanghai-psb"`}},
		{"MatchIdentifier", "GET", "/v1/match?name=" + q("Acme Trading") + "&id=" + q("91330000 733796106P"), "", "", "", want{200, `"identifier":"match"`}},
		{"MatchHangul", "GET", "/v1/match?name=" + q("법무부") + "&country=kr&schema=PublicBody&limit=3", "", "", "", want{200, `"score":1`}},
		{"MatchNone", "GET", "/v1/match?name=" + q("Zzyzx Qqqq Holdings"), "", "", "", want{200, `"matches":[]`}},
		{"ErrMatchNoName", "GET", "/v1/match", "", "", "", want{400, `name: required`}},
		{"ErrMatchCountry", "GET", "/v1/match?name=x&country=china", "", "", "", want{400, `country=\"china\"`}},
		{"ErrMatchLimit", "GET", "/v1/match?name=x&limit=0", "", "", "", want{400, `limit=\"0\"`}},
		{"ErrMatchThresholdNaN", "GET", "/v1/match?name=x&threshold=NaN", "", "", "", want{400, `threshold=\"NaN\"`}},
		{"ErrMatchSchema", "GET", "/v1/match?name=x&schema=Spaceship", "", "", "", want{400, `unknown FollowTheMoney schema`}},
		{"ErrMatchBadToken", "GET", "/v1/match?name=x", "bad", "", "", want{401, `unknown or revoked token`}},
		{"Search", "GET", "/v1/search?q=" + q("public security") + "&limit=2", "", "", "", want{200, `"total":`}},
		{"ErrSearchNoQuery", "GET", "/v1/search", "", "", "", want{400, `q: required`}},
		{"ErrSearchOffset", "GET", "/v1/search?q=x&offset=-1", "", "", "", want{400, `offset`}},
		{"Entity", "GET", "/v1/entities/org-shanghai-psb", "", "", "", want{200, `"relations":[{`}},
		{"ErrEntityNotFound", "GET", "/v1/entities/no-such-entity", "", "", "", want{404, `not_found`}},
		{"ErrScreenNoToken", "POST", "/v1/screen", "", "application/yaml", shanghai, want{401, `needs an API token with analyst access`}},
		{"ErrScreenBadToken", "POST", "/v1/screen", "bad", "application/yaml", shanghai, want{401, `unknown or revoked`}},
		{"ErrScreenViewer", "POST", "/v1/screen", oversight.AccessViewer, "application/yaml", shanghai, want{403, `needs analyst access; the token has viewer`}},
		{"Screen", "POST", "/v1/screen", oversight.AccessAnalyst, "application/yaml", shanghai, want{200, `"verdict": "licence_required"`}},
		{"ScreenProfile", "POST", "/v1/screen?profile=redlines", oversight.AccessAdmin, "application/yaml", shanghai, want{200, `"profile": "redlines"`}},
		{"ErrScreenProfile", "POST", "/v1/screen?profile=lenient", oversight.AccessAnalyst, "application/yaml", shanghai, want{400, `profile \"lenient\"`}},
		{"ErrScreenBadDocument", "POST", "/v1/screen", oversight.AccessAnalyst, "application/json", `{"kind": "technology", "end_user": {"name": 7}}`, want{400, `request body`}},
		{"ErrScreenType", "POST", "/v1/screen", oversight.AccessAnalyst, "text/plain", shanghai, want{415, `Content-Type`}},
		{"ErrScreenTooLarge", "POST", "/v1/screen", oversight.AccessAnalyst, "application/json", `{"x": "` + strings.Repeat("a", 2<<20) + `"}`, want{413, `larger than the limit`}},
		{"ErrImportViewer", "POST", "/v1/entities", oversight.AccessViewer, "application/x-ndjson", `{}`, want{403, `forbidden`}},
		{"ErrImportInvalid", "POST", "/v1/entities?dataset=t", oversight.AccessAnalyst, "application/x-ndjson", `{"id":"x","schema":"Company","properties":{"name":["X"]}}` + "\n" + `{"id":"y","schema":"Nope"}`, want{400, `request body:2`}},
		{"ErrImportDataset", "POST", "/v1/entities?dataset=Bad%20Name", oversight.AccessAnalyst, "application/x-ndjson", `{}`, want{400, `dataset=`}},
		{"ErrTokensAnalyst", "GET", "/v1/tokens", oversight.AccessAnalyst, "", "", want{403, `needs admin access`}},
		{"Tokens", "GET", "/v1/tokens", oversight.AccessAdmin, "", "", want{200, `"role":"viewer"`}},
		{"ErrCreateTokenRole", "POST", "/v1/tokens", oversight.AccessAdmin, "application/json", `{"role":"root"}`, want{400, `role \"root\"`}},
		{"ErrRevokeUnknown", "DELETE", "/v1/tokens/nope", oversight.AccessAdmin, "", "", want{404, `no such live token`}},
		{"ErrAuditViewer", "GET", "/v1/audit", oversight.AccessViewer, "", "", want{403, `forbidden`}},
		{"Audit", "GET", "/v1/audit?limit=2", oversight.AccessAdmin, "", "", want{200, `"action":"entities.import"`}},
		{"ErrScreeningNotFound", "GET", "/v1/screenings/999", "", "", "", want{404, `screening 999 not found`}},
		{"ErrScreeningBadID", "GET", "/v1/screenings/abc", "", "", "", want{404, `not found`}},
		{"ErrNoEndpoint", "GET", "/v1/nothing", "", "", "", want{404, `no endpoint`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := s.call(t, ts, tc.method, tc.path, tc.level, tc.ctype, tc.body)
			if resp.StatusCode != tc.want.status || !strings.Contains(string(b), tc.want.has) {
				t.Fatalf("%s %s: %d %.400s, want %d with %q", tc.method, tc.path, resp.StatusCode, b, tc.want.status, tc.want.has)
			}
			if resp.StatusCode == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
			if resp.StatusCode >= 400 && strings.Contains(string(b), "sqlite") {
				t.Errorf("error leaks internals: %s", b)
			}
		})
	}
}

// TestAPI_Workflow imports an entity, screens a transfer naming it, saves screenings to a
// case, manages tokens and checks that the audit log records it all with the token as actor.
func TestAPI_Workflow(t *testing.T) {
	s := loadSpec(t)
	ts := MustOpenServer(t, false, true)
	analyst, admin := oversight.AccessAnalyst, oversight.AccessAdmin

	// Import: the new entity is matched once the registry reloads.
	resp, b := s.call(t, ts, "POST", "/v1/entities?dataset=desk", analyst, "application/x-ndjson",
		`{"id":"co-test-vendor","schema":"Company","properties":{"name":["Zyxwv Vision Systems"],"country":["de"]}}`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"entities":1`) {
		t.Fatalf("import: %d %s", resp.StatusCode, b)
	}
	if resp, b = s.call(t, ts, "GET", "/v1/match?name=Zyxwv+Vision+Systems", "", "", ""); !strings.Contains(string(b), "co-test-vendor") {
		t.Fatalf("match after import: %d %s", resp.StatusCode, b)
	}

	// Save two screenings to one case.
	doc, _ := json.Marshal(map[string]any{"case": "LIC-2026-7", "transfer": map[string]any{
		"kind": "technology", "exporter": map[string]any{"name": "Zyxwv Vision Systems", "country": "DE"},
		"end_user": map[string]any{"name": "上海市公安局", "country": "CN"},
		"products": []any{map[string]any{"name": "Face search", "capabilities": []string{"face.identify.1toN"}}}}})
	var ids []int64
	for range 2 {
		resp, b = s.call(t, ts, "POST", "/v1/screenings", analyst, "application/json", string(doc))
		if resp.StatusCode != 201 {
			t.Fatalf("save: %d %s", resp.StatusCode, b)
		}
		var sc oversight.Screening
		json.Unmarshal(b, &sc)
		if sc.Case != "LIC-2026-7" || sc.Decision == nil || sc.Verdict == "" || sc.CreatedBy != "token:"+ts.IDs[analyst] {
			t.Fatalf("saved=%+v", sc)
		}
		if resp.Header.Get("Location") == "" {
			t.Errorf("no Location")
		}
		ids = append(ids, sc.ID)
	}
	resp, b = s.call(t, ts, "GET", "/v1/screenings?case=LIC-2026-7", "", "", "")
	var list ohttp.ScreeningsResponse
	json.Unmarshal(b, &list)
	if list.Total != 2 || len(list.Screenings) != 2 || list.Screenings[0].ID != ids[1] {
		t.Fatalf("list: %d %s", resp.StatusCode, b)
	}
	if resp, _ = s.call(t, ts, "GET", "/v1/screenings/"+strconv.FormatInt(ids[0], 10), "", "", ""); resp.StatusCode != 200 {
		t.Fatalf("get screening: %d", resp.StatusCode)
	}
	for _, body := range []string{`{"transfer": {"kind": "technology"}}`, `{"case": "x"}`, `{"case": "x", "transfer": {}, "extra": 1}`, `not json`} {
		if resp, b = s.call(t, ts, "POST", "/v1/screenings", analyst, "application/json", body); resp.StatusCode != 400 {
			t.Errorf("save %s: %d %s, want 400", body, resp.StatusCode, b)
		}
	}

	// Tokens: an admin creates one, it works, is revoked, then it is refused.
	resp, b = s.call(t, ts, "POST", "/v1/tokens", admin, "application/json", `{"name":"ngo","role":"analyst"}`)
	var tok ohttp.TokenResponse
	json.Unmarshal(b, &tok)
	if resp.StatusCode != 201 || !strings.HasPrefix(tok.Secret, "ovs_") {
		t.Fatalf("create token: %d %s", resp.StatusCode, b)
	}
	ts.Tokens["new"] = tok.Secret
	if resp, _ = s.call(t, ts, "POST", "/v1/screen", "new", "application/json", `{"kind":"technology"}`); resp.StatusCode == 401 {
		t.Fatalf("new token refused")
	}
	if resp, _ = s.call(t, ts, "DELETE", "/v1/tokens/"+tok.ID, admin, "", ""); resp.StatusCode != 204 {
		t.Fatalf("revoke: %d", resp.StatusCode)
	}
	if resp, _ = s.call(t, ts, "POST", "/v1/screen", "new", "application/json", `{"kind":"technology"}`); resp.StatusCode != 401 {
		t.Fatalf("revoked token: %d, want 401", resp.StatusCode)
	}

	// The audit log holds every write, chained, with the token that made it.
	rep, err := ts.Audit.VerifyAudit(context.Background())
	if err != nil || !rep.OK {
		t.Fatalf("verify=%+v, %v", rep, err)
	}
	recs, _ := ts.Audit.FindAuditRecords(context.Background(), 0, 1000)
	var got []string
	for _, r := range recs {
		if strings.HasPrefix(r.Actor, "token:") {
			got = append(got, r.Action+" by "+strings.TrimPrefix(r.Actor, "token:"))
		}
	}
	want := []string{"entities.import by " + ts.IDs[analyst], "screening.create by " + ts.IDs[analyst], "screening.create by " + ts.IDs[analyst],
		"token.create by " + ts.IDs[admin], "token.revoke by " + ts.IDs[admin]}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audited writes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAPI_Private(t *testing.T) {
	s := loadSpec(t)
	ts := MustOpenServer(t, true, true)
	if resp, _ := s.call(t, ts, "GET", "/v1/match?name=Hikvision", "", "", ""); resp.StatusCode != 401 {
		t.Fatalf("private read without a token: %d, want 401", resp.StatusCode)
	}
	if resp, _ := s.call(t, ts, "GET", "/v1/match?name=Hikvision", oversight.AccessViewer, "", ""); resp.StatusCode != 200 {
		t.Fatalf("private read with a viewer token: %d, want 200", resp.StatusCode)
	}
	if resp, _ := s.call(t, ts, "GET", "/healthz", "", "", ""); resp.StatusCode != 200 {
		t.Fatalf("healthz on a private server: %d", resp.StatusCode)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(ts.URL() + "/entities/org-shanghai-psb")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
		t.Fatalf("private page without a token: %d %s, want a redirect to /login", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestAPI_Loading(t *testing.T) {
	s := loadSpec(t)
	ts := MustOpenServer(t, false, false)
	if resp, _ := s.call(t, ts, "GET", "/readyz", "", "", ""); resp.StatusCode != 503 {
		t.Fatalf("readyz before load: %d, want 503", resp.StatusCode)
	}
	if resp, b := s.call(t, ts, "GET", "/v1/match?name=x", "", "", ""); resp.StatusCode != 503 || !strings.Contains(string(b), "still loading") {
		t.Fatalf("match before load: %d %s", resp.StatusCode, b)
	}
	if err := ts.Registry.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	if resp, _ := s.call(t, ts, "GET", "/readyz", "", "", ""); resp.StatusCode != 200 {
		t.Fatalf("readyz after load: %d", resp.StatusCode)
	}
}

func TestMetrics(t *testing.T) {
	ts := MustOpenServer(t, false, true)
	for range 3 {
		r, err := http.Get(ts.URL() + "/v1/entities/org-shanghai-psb")
		if err != nil {
			t.Fatal(err)
		}
		// Read to the end: the server counts a request when its handler returns, and only
		// then writes the last of the body, so a client that closes early can ask for the
		// metrics before the count is made.
		_, err = io.Copy(io.Discard, r.Body)
		r.Body.Close()
		if err != nil || r.StatusCode != http.StatusOK {
			t.Fatalf("GET entity: %v %v", r.Status, err)
		}
	}
	r, err := http.Get(ts.URL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	for _, want := range []string{
		`oversight_http_requests_total{code="200",method="GET",route="GET /v1/entities/{id}"} 3`,
		`oversight_http_request_duration_seconds_bucket{route="GET /v1/entities/{id}"`,
		"go_goroutines",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
