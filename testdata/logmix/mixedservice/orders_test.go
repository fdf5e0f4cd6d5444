package mixedservice

import (
	"log"
	"testing"

	"go.uber.org/zap"
)

// Test files are not checked by default: log here is not reported.
func TestPlace(t *testing.T) {
	s := NewService(zap.NewNop())
	log.Printf("placing in test")
	if err := s.Place(t.Context(), "o-1", 1); err != nil {
		t.Fatal(err)
	}
}
