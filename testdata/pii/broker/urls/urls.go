// Package urls has helpers for connection strings.
package urls

import "net/url"

// StripPassword returns s with the password of its user info removed.
func StripPassword(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	u.User = url.User(u.User.Username())
	return u.String()
}

// Host returns the host of s.
func Host(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Host
}

// Normalize lower-cases the scheme and host of s.
func Normalize(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}
