// Package repository keeps users in a SQL database. Some methods drop the
// caller's context on the way to the driver, so the query spans become
// orphans.
package repository

import (
	"context"
	"database/sql"
	stdsql "database/sql"
	"time"
)

type User struct {
	ID    int64
	Email string
}

type Repo struct {
	db *sql.DB
}

func (r *Repo) Get(ctx context.Context, id int64) (User, error) {
	var u User
	row := r.db.QueryRow("SELECT id, email FROM users WHERE id = $1", id) // want `\(\*sql\.DB\)\.QueryRow cannot carry ctx \(parameter of Get\); call QueryRowContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	err := row.Scan(&u.ID, &u.Email)
	return u, err
}

func (r *Repo) GetOK(ctx context.Context, id int64) (User, error) {
	var u User
	err := r.db.QueryRowContext(ctx, "SELECT id, email FROM users WHERE id = $1", id).Scan(&u.ID, &u.Email)
	return u, err
}

func (r *Repo) List(ctx context.Context) ([]User, error) {
	rows, err := r.db.Query("SELECT id, email FROM users") // want `\(\*sql\.DB\)\.Query cannot carry ctx \(parameter of List\); call QueryContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func (r *Repo) ListOK(ctx context.Context) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, "SELECT id, email FROM users")
}

func (r *Repo) Delete(ctx context.Context, id int64) error {
	_, err := r.db.Exec("DELETE FROM users WHERE id = $1", id) // want `\(\*sql\.DB\)\.Exec cannot carry ctx \(parameter of Delete\); call ExecContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	return err
}

func (r *Repo) DeleteOK(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
	return err
}

// Rename runs a transaction; every statement should carry the context.
func (r *Repo) Rename(ctx context.Context, id int64, email string) error {
	tx, err := r.db.Begin() // want `\(\*sql\.DB\)\.Begin cannot carry ctx \(parameter of Rename\); call BeginTx\(ctx, nil\) instead \(ctxprop/ctxless\)`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE users SET email = $1 WHERE id = $2", email, id); err != nil { // want `\(\*sql\.Tx\)\.Exec cannot carry ctx \(parameter of Rename\); call ExecContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
		return err
	}
	stmt, err := tx.Prepare("INSERT INTO audit(user_id) VALUES ($1)") // want `\(\*sql\.Tx\)\.Prepare cannot carry ctx \(parameter of Rename\); call PrepareContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	if err != nil {
		return err
	}
	defer stmt.Close()
	if _, err := stmt.Exec(id); err != nil { // want `\(\*sql\.Stmt\)\.Exec cannot carry ctx \(parameter of Rename\); call ExecContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
		return err
	}
	return tx.Commit()
}

func (r *Repo) RenameOK(ctx context.Context, id int64, email string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET email = $1 WHERE id = $2", email, id); err != nil {
		return err
	}
	return tx.Commit()
}

// Health goes through an aliased import: matching is by type, not spelling.
func Health(ctx context.Context, db *stdsql.DB) error {
	return db.Ping() // want `\(\*sql\.DB\)\.Ping cannot carry ctx \(parameter of Health\); call PingContext\(ctx\) instead \(ctxprop/ctxless\)`
}

func HealthOK(ctx context.Context, db *stdsql.DB) error {
	return db.PingContext(ctx)
}

// Prepared uses a statement prepared at start-up.
type Prepared struct {
	byEmail *sql.Stmt
	db      *sql.DB
}

func (p *Prepared) Find(ctx context.Context, email string) (*sql.Rows, error) {
	return p.byEmail.Query(email) // want `\(\*sql\.Stmt\)\.Query cannot carry ctx \(parameter of Find\); call QueryContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

func (p *Prepared) FindOK(ctx context.Context, email string) (*sql.Rows, error) {
	return p.byEmail.QueryContext(ctx, email)
}

func (p *Prepared) InTx(ctx context.Context, tx *sql.Tx) *sql.Stmt {
	return tx.Stmt(p.byEmail) // want `\(\*sql\.Tx\)\.Stmt cannot carry ctx \(parameter of InTx\); call StmtContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
}

// NewPrepared runs at start-up without a context: nothing to propagate.
func NewPrepared(db *sql.DB) (*Prepared, error) {
	stmt, err := db.Prepare("SELECT id FROM users WHERE email = $1")
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		return nil, err
	}
	return &Prepared{byEmail: stmt, db: db}, nil
}

// Unlock runs in a deferred cleanup that must happen even when ctx is
// cancelled: the context-less call is deliberate.
func (p *Prepared) WithLock(ctx context.Context, fn func(context.Context) error) error {
	if _, err := p.db.ExecContext(ctx, "SELECT pg_advisory_lock(1)"); err != nil {
		return err
	}
	defer p.db.Exec("SELECT pg_advisory_unlock(1)")
	return fn(ctx)
}

// Count bounds its query with a timeout derived from the wrong parent.
func (r *Repo) Count(ctx context.Context) (int, error) {
	qctx, cancel := context.WithTimeout(context.Background(), 2*time.Second) // want `use ctx \(parameter of Count\) instead of context\.Background\(\), or context\.WithoutCancel\(ctx\) if the work must outlive it \(ctxprop/background\)`
	defer cancel()
	var n int
	err := r.db.QueryRowContext(qctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

func (r *Repo) CountOK(ctx context.Context) (int, error) {
	qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var n int
	err := r.db.QueryRowContext(qctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Conn only has context-taking methods.
func (r *Repo) Pinned(ctx context.Context) error {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "SET search_path TO app")
	return err
}
