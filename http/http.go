// Package http serves Oversight over HTTP: a JSON API described by an OpenAPI 3 document at
// /openapi.json, and a server-rendered web UI (package http/html) from the same handlers'
// services. It maps error codes to status codes, checks API tokens and their access levels,
// bounds request bodies and times, and exposes Prometheus metrics.
package http

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/oversight-project/oversight"
)

// codes maps error codes to HTTP status codes.
var codes = map[string]int{
	oversight.EINVALID:      http.StatusBadRequest,
	oversight.ENOTFOUND:     http.StatusNotFound,
	oversight.ECONFLICT:     http.StatusConflict,
	oversight.EUNAUTHORIZED: http.StatusUnauthorized,
	oversight.EFORBIDDEN:    http.StatusForbidden,
	oversight.EUNAVAILABLE:  http.StatusServiceUnavailable,
	oversight.EINTERNAL:     http.StatusInternalServerError,
	"too_large":             http.StatusRequestEntityTooLarge,
	"unsupported":           http.StatusUnsupportedMediaType,
}

// ErrorStatusCode returns the HTTP status for an error code.
func ErrorStatusCode(code string) int {
	if v, ok := codes[code]; ok {
		return v
	}
	return http.StatusInternalServerError
}

// ErrorResponse is the body of every API error.
type ErrorResponse struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError writes err as JSON. Internal errors are logged and shown only as "internal error".
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := oversight.ErrorCode(err), oversight.ErrorMessage(err)
	if code == oversight.EINTERNAL {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if code == oversight.EUNAUTHORIZED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="oversight"`)
	}
	writeJSON(w, ErrorStatusCode(code), &ErrorResponse{Code: code, Message: msg})
}

// writeJSON writes v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// discardLogger is used when no Logger is set.
var discardLogger = slog.New(slog.DiscardHandler)
