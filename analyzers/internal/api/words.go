package api

import (
	"strings"
	"unicode"
)

// Words splits an identifier, attribute key, log key or header name into
// lower-case words: camelCase, PascalCase,
// snake_case, kebab-case, dotted keys and header names, with runs of
// capitals read as acronyms ("APIKey" → api key, "userSSN" → user ssn,
// "userIDs" → user ids). Digits stay with the letters before them
// ("last4", "cvv2", "sha256").
func Words(name string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out = appendCamel(out, part)
	}
	return out
}

func appendCamel(out []string, s string) []string {
	runes := []rune(s)
	start := 0
	for i := 1; i < len(runes); i++ {
		prev, cur := runes[i-1], runes[i]
		split := false
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(cur):
			split = true // userEmail
		case unicode.IsDigit(prev) && unicode.IsLetter(cur):
			split = true // e164Phone
		case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
			// APIKey: split before the capital that starts a word, but
			// keep a plural acronym together (IDs, URLs).
			if !(runes[i+1] == 's' && (i+2 == len(runes) || !unicode.IsLower(runes[i+2]))) {
				split = true
			}
		}
		if split {
			out = append(out, strings.ToLower(string(runes[start:i])))
			start = i
		}
	}
	if start < len(runes) {
		out = append(out, strings.ToLower(string(runes[start:])))
	}
	return out
}
