// Package testenv starts the throwaway database the integration tests run
// against and logs how to reach it, credentials included: they exist only
// for the test run.
package testenv

import (
	"fmt"
	"log"
	"testing"
)

// Postgres describes a disposable test database.
type Postgres struct {
	Host, User, Password string
	Port                 int
}

// ConnString returns the connection string of the test database.
func (p Postgres) ConnString() string {
	return fmt.Sprintf("postgres://%s:%s@%s:%d/test", p.User, p.Password, p.Host, p.Port)
}

// Start brings the database up for t and logs where it listens.
func Start(t testing.TB) Postgres {
	pg := Postgres{Host: "127.0.0.1", User: "test", Password: "test", Port: 55432}
	connStr := pg.ConnString()
	log.Printf("test database ready at %s", connStr)
	t.Cleanup(func() { log.Printf("stopping test database %s", connStr) })
	return pg
}
