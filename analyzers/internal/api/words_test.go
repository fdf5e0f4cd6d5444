package api

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, cases := range []map[string]string{
		// attribute keys, label names and metric names (cardinality)
		{
			"user_id":           "user id",
			"user.id":           "user id",
			"userId":            "user id",
			"UserID":            "user id",
			"HTTPRequestID":     "http request id",
			"x-forwarded-for":   "x forwarded for",
			"http.client_ip":    "http client ip",
			"db.query.text":     "db query text",
			"latency_ms":        "latency ms",
			"":                  "",
			"http.server.route": "http server route",
		},
		// identifiers, log keys and header names (pii)
		{
			"userEmail":             "user email",
			"UserEmail":             "user email",
			"user_email":            "user email",
			"user-email":            "user email",
			"user.email":            "user email",
			"APIKey":                "api key",
			"apiKey":                "api key",
			"X-Api-Key":             "x api key",
			"SSN":                   "ssn",
			"userSSN":               "user ssn",
			"SSNHash":               "ssn hash",
			"userIDs":               "user ids",
			"HTTPRequestBody":       "http request body",
			"dateOfBirth":           "date of birth",
			"last4":                 "last4",
			"cardLast4":             "card last4",
			"e164Phone":             "e164 phone",
			"sha256Sum":             "sha256 sum",
			"CVV2":                  "cvv2",
			"passwordPolicyVersion": "password policy version",
			"DB_PASSWORD":           "db password",
			"":                      "",
		},
	} {
		for in, want := range cases {
			if got := strings.Join(Words(in), " "); got != want {
				t.Errorf("Words(%q) = %q, want %q", in, got, want)
			}
		}
	}
}
