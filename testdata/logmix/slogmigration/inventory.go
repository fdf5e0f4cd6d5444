// Package slogmigration is an inventory service in the middle of a move from
// the standard log package to slog: the old log.Printf calls still
// outnumber the new slog calls, yet the advice points forward, to slog,
// never back to log.
package slogmigration

import (
	"context"
	"errors"
	"log"
	"log/slog"
)

// Store keeps stock levels.
type Store struct {
	log   *slog.Logger
	stock map[string]int
}

// Reserve takes n items of sku out of stock.
func (s *Store) Reserve(ctx context.Context, sku string, n int) error {
	have := s.stock[sku]
	if have < n {
		s.log.WarnContext(ctx, "insufficient stock", "sku", sku, "have", have, "want", n)
		return errors.New("insufficient stock")
	}
	s.stock[sku] = have - n
	s.log.InfoContext(ctx, "reserved", "sku", sku, "n", n)
	return nil
}

// Restock is older code, still on the standard log package.
func (s *Store) Restock(sku string, n int) {
	if n <= 0 {
		log.Printf("restock %s: ignoring non-positive quantity %d", sku, n) // want `^package logs with slog \(2 calls\) and with log \(3 calls\), which has no structured fields and no context; this log\.Printf call uses log: use slog \(logmix/mixed-libraries\)$`
		return
	}
	s.stock[sku] += n
	log.Printf("restocked %s by %d", sku, n) // want `this log\.Printf call uses log: use slog \(logmix/mixed-libraries\)$`
	if s.stock[sku] > 10000 {
		log.Println("stock suspiciously high for", sku) // want `this log\.Println call uses log: use slog \(logmix/mixed-libraries\)$`
	}
}
