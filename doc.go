// Package oversight is the domain vocabulary of Oversight, a system that tells the people who
// sell, license, finance or watch surveillance technology whether a proposed transfer crosses a
// human-rights red line, why, and on what evidence.
//
// The root package holds the types every other package speaks in: FollowTheMoney entities and
// their statements, transfers, verdicts and decisions, name matches, saved screenings, API
// tokens, audit records, and coded errors. It imports only the standard library.
//
// Dependencies point one way: cmd → adapters (sqlite, …) → screen → match, rules → oversight.
// Adapters never import each other.
//
// Hard line: Oversight screens deals, organisations and data flows. It never processes images,
// video, faces, voices or other biometric data of people, and never identifies or tracks a
// person.
package oversight
