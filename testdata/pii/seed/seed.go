// Package seed creates the fixed accounts an end-to-end test suite logs in
// with, and reports what it created: their addresses are literals of this
// package, not anyone's personal data. Accounts imported from a file are
// real people's, and their addresses are not logged in the clear.
package seed

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log"
)

type seedUser struct {
	name  string
	email string
	role  string
}

type importedUser struct {
	name  string
	email string
}

// invitee is asked for at the terminal; its placeholder is a literal.
type invitee struct {
	email string
}

// Store creates users.
type Store interface {
	CreateUser(ctx context.Context, name, email, role string) error
}

// Fixtures creates the end-to-end test accounts.
func Fixtures(ctx context.Context, s Store, logger *log.Logger) error {
	users := []seedUser{
		{name: "Owner Olive", email: "owner@example.com", role: "OWNER"},
		{name: "Admin Ada", email: "admin@example.com", role: "ADMIN"},
		{"Member Mike", "member@example.com", "MEMBER"},
	}
	for _, u := range users {
		if err := s.CreateUser(ctx, u.name, u.email, u.role); err != nil {
			return err
		}
		logger.Printf("user created: name=%q email=%q role=%s", u.name, u.email, u.role)
	}
	return nil
}

// Import creates the users listed in r, one name and address per line.
func Import(ctx context.Context, s Store, r io.Reader, logger *log.Logger) error {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return err
	}
	for _, row := range rows {
		u := importedUser{name: row[0], email: row[1]}
		if err := s.CreateUser(ctx, u.name, u.email, "MEMBER"); err != nil {
			return err
		}
		logger.Printf("user imported: email=%q", u.email) // want `u\.email \(an email address\) reaches the log message of logger\.Printf in the clear`
	}
	return nil
}

// Invite reads an invitee's address from a line of input and reports it:
// a field scanned into holds what the person typed.
func Invite(line string, logger *log.Logger) {
	in := invitee{email: "nobody@example.com"}
	if _, err := fmt.Sscan(line, &in.email); err != nil {
		return
	}
	logger.Printf("inviting %s", in.email) // want `in\.email \(an email address\) reaches the log message of logger\.Printf in the clear`
}
