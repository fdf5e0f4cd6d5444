// Package generics has generic repositories and helpers. Type parameters do
// not hide the context.
package generics

import (
	"context"
	"database/sql"
)

type Entity interface{ Table() string }

type Repo[T Entity] struct {
	db *sql.DB
}

func (r *Repo[T]) Count(ctx context.Context) (int, error) {
	var zero T
	var n int
	err := r.db.QueryRow("SELECT count(*) FROM " + zero.Table()).Scan(&n) // want `\(\*sql\.DB\)\.QueryRow cannot carry ctx \(parameter of Count\); call QueryRowContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	return n, err
}

func (r *Repo[T]) CountOK(ctx context.Context) (int, error) {
	var zero T
	var n int
	err := r.db.QueryRowContext(ctx, "SELECT count(*) FROM "+zero.Table()).Scan(&n)
	return n, err
}

// Cache is a generic client with a twin per method.
type Cache[K comparable, V any] struct{ m map[K]V }

func (c *Cache[K, V]) Get(k K) (V, bool) { v, ok := c.m[k]; return v, ok }

func (c *Cache[K, V]) GetContext(ctx context.Context, k K) (V, bool) { return c.Get(k) }

// Fetch and FetchContext are generic functions.
func Fetch[T any](url string) (T, error) {
	var zero T
	return zero, nil
}

func FetchContext[T any](ctx context.Context, url string) (T, error) { return Fetch[T](url) }

type User struct{ Name string }

func (User) Table() string { return "users" }

func Lookup(ctx context.Context, c *Cache[string, User], name string) (User, bool) {
	return c.Get(name) // want `\(\*generics\.Cache\[K, V\]\)\.Get cannot carry ctx \(parameter of Lookup\); call GetContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

func LookupOK(ctx context.Context, c *Cache[string, User], name string) (User, bool) {
	return c.GetContext(ctx, name)
}

func Load(ctx context.Context) (User, error) {
	return Fetch[User]("/users/1") // want `generics\.Fetch cannot carry ctx \(parameter of Load\); call FetchContext\(ctx, \.\.\.\) instead \(ctxprop/convention\)`
}

func LoadOK(ctx context.Context) (User, error) {
	return FetchContext[User](ctx, "/users/1")
}

// Run takes its context as a type parameter.
func Run[C context.Context](ctx C, f func(context.Context) error) error {
	return f(context.Background()) // want `use ctx \(parameter of Run\) instead of context\.Background\(\) \(ctxprop/background\)`
}

func RunOK[C context.Context](ctx C, f func(context.Context) error) error {
	return f(ctx)
}

// Each applies f to every item with the caller's context.
func Each[T any](ctx context.Context, items []T, f func(context.Context, T) error) error {
	for _, it := range items {
		if err := f(context.TODO(), it); err != nil { // want `context\.TODO\(\) starts a new root context on every iteration of this loop; use ctx \(parameter of Each\) or a context derived from it \(ctxprop/loop\)`
			return err
		}
	}
	return nil
}

// Map has no context: nothing to report.
func Map[T, U any](items []T, f func(context.Context, T) U) []U {
	out := make([]U, 0, len(items))
	for _, it := range items {
		out = append(out, f(context.Background(), it))
	}
	return out
}
