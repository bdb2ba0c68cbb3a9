// Package bundle holds the data Oversight ships inside its binary: the rule pack, the seed
// registry with its enrichment, and the country-risk table. Each file keeps its source and
// licence in the README beside it.
package bundle

import _ "embed"

// Rules is the default rule pack (policy/rules.yaml).
//
//go:embed policy/rules.yaml
var Rules []byte

// Seed is the seed registry (registry/seed.ftm.jsonl), FollowTheMoney entities as JSON lines.
//
//go:embed registry/seed.ftm.jsonl
var Seed []byte

// Enrichment gives seed bodies their end-user categories and documented abuse records
// (registry/enrichment.ftm.jsonl, made by scripts/gen_enrichment.py).
//
//go:embed registry/enrichment.ftm.jsonl
var Enrichment []byte

// CountryRisk is the country and region risk table (policy/country_risk.yaml).
//
//go:embed policy/country_risk.yaml
var CountryRisk []byte
