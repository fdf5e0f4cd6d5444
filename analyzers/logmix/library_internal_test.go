package logmix

import (
	"go/types"
	"testing"
)

// The logging libraries' own packages report their write failures with fmt
// on standard error; they are not users of themselves.
func TestIsLoggingLibrary(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/sirupsen/logrus":      true,
		"github.com/rs/zerolog":           true,
		"go.uber.org/zap":                 true,
		"log/slog":                        true,
		"github.com/rs/zerolog/journald":  false,
		"otellint.test/logmix/logrussvc":  false,
		"example.com/shop/internal/zaplg": false,
	} {
		if got := isLoggingLibrary(types.NewPackage(path, "p")); got != want {
			t.Errorf("isLoggingLibrary(%q) = %v, want %v", path, got, want)
		}
	}
}
