package pii

import (
	"go/token"
	"math/rand"
	"reflect"
	"testing"
)

// dropOverwrittenRef is the definition dropOverwritten implements: an
// assignment is dropped when a later plain one, in a block holding both it
// and the use, overwrites it.
func dropOverwrittenRef(rs []rhs, use token.Pos) []rhs {
	if len(rs) < 2 || !use.IsValid() {
		return rs
	}
	out := rs[:0:0]
	for _, r1 := range rs {
		overwritten := false
		for _, r2 := range rs {
			if r2.pos > r1.pos && !r2.appends && r2.home.pos.IsValid() && r2.home.contains(r1.pos) && r2.home.contains(use) {
				overwritten = true
				break
			}
		}
		if !overwritten {
			out = append(out, r1)
		}
	}
	return out
}

// TestDropOverwritten checks the linear-time dropOverwritten against its
// definition on random nests of blocks and assignments.
func TestDropOverwritten(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	blocks := []span{{1, 1000}, {10, 500}, {20, 100}, {200, 400}, {600, 900}, {650, 700}}
	for iter := 0; iter < 2000; iter++ {
		var rs []rhs
		use := token.Pos(1 + rng.Intn(999))
		for i, n := 0, rng.Intn(12); i < n; i++ {
			b := blocks[rng.Intn(len(blocks))]
			r := rhs{pos: b.pos + token.Pos(rng.Intn(int(b.end-b.pos))), appends: rng.Intn(4) == 0}
			if rng.Intn(8) != 0 {
				r.home = b
			}
			if r.pos <= use {
				rs = append(rs, r)
			}
		}
		got, want := dropOverwritten(rs, use), dropOverwrittenRef(rs, use)
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("use %d, assignments %+v:\ngot  %+v\nwant %+v", use, rs, got, want)
		}
	}
}
