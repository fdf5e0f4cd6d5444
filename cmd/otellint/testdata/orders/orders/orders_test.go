package orders

import (
	"context"
	"testing"
)

func placeForTest(ctx context.Context, t *testing.T) {
	if err := Place(context.Background(), &Store{}, "t-1"); err != nil {
		t.Fatal(err)
	}
}

func TestPlace(t *testing.T) {
	placeForTest(context.Background(), t)
}
