package testfiles

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestPlace(t *testing.T) {
	ctx := context.Background()
	if err := (Orders{}).Place(ctx, "1"); err != nil {
		t.Fatal(err)
	}
	t.Run("timeout", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = (Orders{}).Place(ctx, "2")
	})
}

func BenchmarkPlace(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		_ = (Orders{}).Place(context.Background(), "1")
	}
	_ = ctx
}

func FuzzPlace(f *testing.F) {
	f.Fuzz(func(t *testing.T, id string) {
		_ = (Orders{}).Place(context.Background(), id)
	})
}

func ExampleOrders_Place() {
	_ = (Orders{}).Place(context.TODO(), "1")
}

// placeAll is a helper that takes a context and should pass it on.
func placeAll(ctx context.Context, t *testing.T, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if err := (Orders{}).Place(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	_ = (Orders{}).Place(context.Background(), "last") // want `use ctx \(parameter of placeAll\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// Testimony is not a test function: its name continues in lower case.
func Testimony(ctx context.Context) {
	_ = (Orders{}).Place(context.Background(), "x") // want `use ctx \(parameter of Testimony\) instead of context\.Background\(\) \(ctxprop/background\)`
}

// serveOrder drives a handler with the test's context.
func serveOrder(ctx context.Context, h http.Handler) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, "/orders/1", nil) // want `httptest\.NewRequest cannot carry ctx \(parameter of serveOrder\); call httptest\.NewRequestWithContext\(ctx, \.\.\.\) instead \(ctxprop/ctxless\)`
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// serveOrderOK is the clean twin.
func serveOrderOK(ctx context.Context, h http.Handler) *httptest.ResponseRecorder {
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/orders/1", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServe(t *testing.T) {
	_ = serveOrder(t.Context(), http.NotFoundHandler())
	_ = serveOrderOK(t.Context(), http.NotFoundHandler())
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	_ = req
}
