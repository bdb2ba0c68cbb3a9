package oversight

import (
	"errors"
	"fmt"
)

// Error codes. Adapters translate their own errors into these at the boundary; the CLI maps
// them to exit codes and the HTTP layer to status codes.
const (
	EINVALID      = "invalid" // bad input: the message says what and where
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized" // no token, or an unknown or revoked one
	EFORBIDDEN    = "forbidden"    // the token's access level does not allow this
	// EUNAVAILABLE: not ready yet (the registry is still loading); try again shortly.
	EUNAVAILABLE = "unavailable"
	EINTERNAL    = "internal" // anything uncoded; logged, never shown in detail
)

// Error is an error with a machine-readable code and a message that is safe to show a user.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("oversight error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the root *Error in err's chain, EINTERNAL for any other
// non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of the *Error in err's chain, or a generic
// message for uncoded errors.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
