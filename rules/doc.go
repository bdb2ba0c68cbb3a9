// Package rules is Oversight's rule engine. It is pure: it reads nothing itself and has no
// clock; the rule pack's source and the transfer come in as values.
//
// A rule pack (YAML; see docs/rules.md) declares the transfer fields, named value sets, named
// derived conditions and the rules. Parse checks every condition against the declared fields
// (unknown paths, operators that do not fit a field's type, values outside a field's declared
// set, unknown sets and derived names, cycles) and compiles it once into a Program. A Program is
// immutable and may be evaluated concurrently.
//
// Conditions are evaluated in their structured form, in three-valued (Kleene) logic: a
// predicate on a field that is absent and has no default is UNKNOWN, and a rule whose scope or
// trigger is UNKNOWN is pending — it counts as min(its verdict, escalate) and lists the fields it
// misses, so a screening is never clear while anything is pending.
//
// The same package decodes and strictly validates transfer documents against the declared
// fields (DecodeTransfer), because those declarations are the transfer format.
package rules
