package http

import (
	_ "embed"
	"net/http"
)

// OpenAPI is the OpenAPI 3 document that describes the API, served at /openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

func handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(OpenAPI)
}
