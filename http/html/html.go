// Package html holds the web UI's pages: html/template templates and the stylesheet,
// embedded, and the data each page is drawn from. Pages are rendered on the server and work
// without JavaScript.
package html

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"strings"

	"github.com/oversight-project/oversight"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Static is the UI's static files (the stylesheet), served under /static/.
var Static, _ = fs.Sub(staticFS, "static")

// Pages are the parsed templates, one per page, each with the layout.
type Pages struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"score": func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"join":  strings.Join,
	"show": func(v any) string {
		switch v := v.(type) {
		case nil:
			return "—"
		case []string:
			return strings.Join(v, ", ")
		case []any:
			var s []string
			for _, x := range v {
				s = append(s, fmt.Sprint(x))
			}
			return strings.Join(s, ", ")
		case *oversight.Unknown:
			return "unknown: " + v.Reason
		case map[string]any:
			if r, ok := v["unknown"]; ok {
				return fmt.Sprint("unknown: ", r)
			}
		}
		return fmt.Sprint(v)
	},
	"isURL": func(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") },
	"add":   func(a, b int) int { return a + b },
}

// NewPages parses the embedded templates.
func NewPages() (*Pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	// The layout and the partials (files starting with _) go with every page.
	shared := []string{"templates/layout.html", "templates/_*.html"}
	p := &Pages{pages: map[string]*template.Template{}}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || strings.HasPrefix(base, "_") {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFS, append(shared, n)...)
		if err != nil {
			return nil, err
		}
		p.pages[base] = t
	}
	return p, nil
}

// Render draws a page fully before writing it, so that a failure writes nothing.
func (p *Pages) Render(w io.Writer, page string, data any) error {
	t, ok := p.pages[page]
	if !ok {
		return fmt.Errorf("html: no page %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Layout is what every page shows around its content.
type Layout struct {
	Title   string
	Token   *oversight.Token // the signed-in token, or nil
	Version string
}

// SignedIn reports whether a token is signed in.
func (l *Layout) SignedIn() bool { return l.Token != nil }

// CanWrite reports whether the signed-in token may screen and save.
func (l *Layout) CanWrite() bool {
	return l.Token != nil && oversight.Allows(l.Token.Role, oversight.AccessAnalyst)
}

// SearchPage is the registry search.
type SearchPage struct {
	Layout
	Query   string
	Results []*oversight.Match
	Total   int
	Offset  int
	Limit   int
	Message string
}

// PrevOffset and NextOffset page through the results (-1 when there is no such page).
func (p *SearchPage) PrevOffset() int {
	if p.Offset == 0 {
		return -1
	}
	return max(p.Offset-p.Limit, 0)
}

// NextOffset is the offset of the next page, or -1.
func (p *SearchPage) NextOffset() int {
	if p.Offset+p.Limit >= p.Total {
		return -1
	}
	return p.Offset + p.Limit
}

// Fact is one property value of an entity with the datasets that state it and the sources
// they cite.
type Fact struct {
	Prop     string
	Value    string
	Datasets []string
	Sources  []string
}

// EntityPage shows an entity, its facts with their sources, its listings and relations.
type EntityPage struct {
	Layout
	Entity    *oversight.Entity
	Facts     []*Fact
	Listings  []*oversight.Entity // Sanction entities on it
	Relations []*oversight.Relation
	Graph     *Graph
}

// ScreenPage is the screening form and, after a screening, its decision.
type ScreenPage struct {
	Layout
	Case     string
	Profile  string
	Profiles []string
	Document string
	Decision *oversight.Decision
	Saved    *oversight.Screening
	Message  string // what was wrong with the input
}

// CasesPage lists the cases.
type CasesPage struct {
	Layout
	Cases []*oversight.CaseSummary
}

// CasePage is one case's history of screenings.
type CasePage struct {
	Layout
	Case       string
	Screenings []*oversight.Screening
}

// ScreeningPage is one saved screening.
type ScreeningPage struct {
	Layout
	Screening *oversight.Screening
	Decision  *oversight.Decision
}

// LoginPage asks for an API token.
type LoginPage struct {
	Layout
	Next    string
	Message string
}

// ErrorPage tells what went wrong.
type ErrorPage struct {
	Layout
	Message string
}

// Graph is an entity's relations laid out for an SVG picture: the entity in the middle and
// the related entities on a circle around it.
type Graph struct {
	Width, Height int
	Center        *Node
	Nodes         []*Node
}

// Node is one entity in a Graph, with the edge that joins it to the centre.
type Node struct {
	X, Y    float64
	LX, LY  float64 // where the edge's label goes
	ID      string
	Caption string
	Schema  string
	Label   string // the relation
	In      bool   // the relation points at the centre
}

// maxGraphNodes bounds the picture; the full list is shown beside it.
const maxGraphNodes = 16

// NewGraph lays out an entity's relations.
func NewGraph(e *oversight.Entity, rels []*oversight.Relation) *Graph {
	g := &Graph{Width: 720, Height: 480}
	cx, cy := float64(g.Width)/2, float64(g.Height)/2
	g.Center = &Node{X: cx, Y: cy, ID: e.ID, Caption: short(e.Caption()), Schema: e.Schema}
	n := min(len(rels), maxGraphNodes)
	for i, r := range rels[:n] {
		a := 2*math.Pi*float64(i)/float64(n) - math.Pi/2
		x, y := cx+290*math.Cos(a), cy+185*math.Sin(a)
		g.Nodes = append(g.Nodes, &Node{
			X: round1(x), Y: round1(y), LX: round1((cx + x) / 2), LY: round1((cy+y)/2 - 4),
			ID: r.Other.ID, Caption: short(r.Other.Caption()), Schema: r.Other.Schema, Label: short(r.Label), In: r.Direction == "in",
		})
	}
	return g
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// short cuts a caption for the picture.
func short(s string) string {
	if r := []rune(s); len(r) > 28 {
		return string(r[:27]) + "…"
	}
	return s
}
