package applog

import "testing"

func TestDevLogger(t *testing.T) {
	logger := devLogger()
	logger.Debug("visible in tests")
}
