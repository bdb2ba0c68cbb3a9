package oversight

// Verdict is the outcome of a rule or of a whole screening.
type Verdict string

// Verdicts from worst to best.
const (
	Prohibited      Verdict = "prohibited"
	LicenceRequired Verdict = "licence_required"
	Escalate        Verdict = "escalate"
	Conditions      Verdict = "conditions"
	Clear           Verdict = "clear"
)

// Verdicts lists every verdict, worst first.
var Verdicts = []Verdict{Prohibited, LicenceRequired, Escalate, Conditions, Clear}

// Severity orders verdicts: prohibited 4 … clear 0; -1 for an unknown verdict.
func (v Verdict) Severity() int {
	switch v {
	case Prohibited:
		return 4
	case LicenceRequired:
		return 3
	case Escalate:
		return 2
	case Conditions:
		return 1
	case Clear:
		return 0
	}
	return -1
}

// Valid reports whether v is one of the five verdicts.
func (v Verdict) Valid() bool { return v.Severity() >= 0 }

// ExitCode is the CLI exit status that carries the verdict: 0 clear, 10 conditions,
// 20 escalate, 30 licence_required, 40 prohibited.
func (v Verdict) ExitCode() int { return 10 * max(v.Severity(), 0) }

// Worse returns the more severe of a and b.
func Worse(a, b Verdict) Verdict {
	if b.Severity() > a.Severity() {
		return b
	}
	return a
}

// Milder returns the less severe of a and b.
func Milder(a, b Verdict) Verdict {
	if b.Severity() < a.Severity() {
		return b
	}
	return a
}

// Decision is the outcome of screening one transfer: the verdict, every rule that fired with
// its citation and evidence, the rules that could not be decided, red flags, obligations, and
// (when parties were resolved) the matches it relied on. Its JSON form is the contract of
// `oversight screen --format json`; see docs/transfers.md.
type Decision struct {
	Verdict     Verdict        `json:"verdict"`
	Profile     string         `json:"profile"`
	Kind        string         `json:"kind"`
	Date        string         `json:"date"`
	TransferID  string         `json:"transfer_id,omitempty"`
	Pack        PackInfo       `json:"pack"`
	Fired       []*FiredRule   `json:"fired"`
	Pending     []*PendingRule `json:"pending"`
	Future      []*FutureRule  `json:"future"`
	RedFlags    RedFlags       `json:"redflags"`
	Obligations []*Obligation  `json:"obligations"`
	Parties     []*Party       `json:"parties"`
	Facts       []*Fact        `json:"facts"`
	Disclaimer  string         `json:"disclaimer"`
}

// PackInfo names the rule pack a decision was made with.
type PackInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	AsOf    string `json:"as_of,omitempty"`
}

// RuleRef is what every reported rule carries about itself.
type RuleRef struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Regime       string `json:"regime"`
	Strength     string `json:"strength"`
	Citation     string `json:"citation"`
	SourceURL    string `json:"source_url"`
	Verification string `json:"verification"`
}

// FiredRule is a rule whose scope and trigger were true.
type FiredRule struct {
	RuleRef
	// Verdict is what the rule counts for under the profile; RuleVerdict is what the pack
	// says before the profile capped it.
	Verdict     Verdict     `json:"verdict"`
	RuleVerdict Verdict     `json:"rule_verdict"`
	Decisive    bool        `json:"decisive"`
	RedFlag     bool        `json:"redflag,omitempty"`
	Resolved    bool        `json:"resolved,omitempty"` // a red flag resolved in due diligence: listed, not counted
	Because     []string    `json:"because"`
	Evidence    []*Evidence `json:"evidence"`
	Obligations []string    `json:"obligations"`
	// Unknown lists paths that were missing in branches the rule did not need.
	Unknown []string `json:"unknown,omitempty"`
}

// PendingRule is a rule that could not be decided for want of facts. It counts as
// min(its verdict, escalate).
type PendingRule struct {
	RuleRef
	Verdict     Verdict  `json:"verdict"`
	RuleVerdict Verdict  `json:"rule_verdict"`
	Missing     []string `json:"missing"`
	Reason      string   `json:"reason"`
}

// FutureRule is a rule that would fire, or could not be decided, but applies only from a
// later date than the transfer's.
type FutureRule struct {
	RuleRef
	EffectiveFrom string  `json:"effective_from"`
	Verdict       Verdict `json:"verdict"`
	Pending       bool    `json:"pending,omitempty"`
}

// Evidence is the value of one field a fired rule quotes, with where it came from.
type Evidence struct {
	Path  string `json:"path"`
	Value any    `json:"value"`
	// Source says where the value came from: document, default, not given, unknown, engine,
	// or screening (then Note and Sources say which registry entries, lists or table rows).
	Source  string   `json:"source"`
	Note    string   `json:"note,omitempty"`
	Sources []string `json:"sources,omitempty"`
}

// Obligation is an action a decision requires, with the rules that require it.
type Obligation struct {
	Code    string   `json:"code"`
	Meaning string   `json:"meaning"`
	Rules   []string `json:"rules"`
}

// RedFlags summarises the red-flag rules after stage 1.
type RedFlags struct {
	Fired      []string         `json:"fired"`
	Unresolved []string         `json:"unresolved"`
	Resolved   []*RedFlagRecord `json:"resolved"`
}

// RedFlagRecord is a red flag resolved in due diligence.
type RedFlagRecord struct {
	RuleID        string `json:"rule_id"`
	Reviewer      string `json:"reviewer"`
	Justification string `json:"justification"`
}

// Fact is a field value the screening step derived from the registry, the watchlists or the
// country-risk table, next to the value the document gave (which wins).
type Fact struct {
	Path    string   `json:"path"`
	Derived any      `json:"derived"`
	Given   any      `json:"given,omitempty"`
	Used    string   `json:"used"` // "derived", "given" or "unknown"
	Sources []string `json:"sources"`
	Note    string   `json:"note,omitempty"`
}
