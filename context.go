package oversight

import "context"

type contextKey int

const actorKey contextKey = iota

// NewContextWithActor returns a context that names who acts: "token:ID" for an API token,
// "cli:USER" for the command line, "system" for the program itself. The store records the
// actor of every write in the audit log.
func NewContextWithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey, actor)
}

// ActorFromContext returns the actor set by NewContextWithActor, or "system".
func ActorFromContext(ctx context.Context) string {
	if a, ok := ctx.Value(actorKey).(string); ok && a != "" {
		return a
	}
	return "system"
}
