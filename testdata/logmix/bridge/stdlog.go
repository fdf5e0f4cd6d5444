package bridge

import (
	"log"

	"go.uber.org/zap"
)

// RedirectStdLog sends the standard library's log output to zap: after it,
// log.Print writes through zap, so log calls in this file are not mixing.
func RedirectStdLog(l *zap.Logger) func() {
	undo := zap.RedirectStdLog(l)
	log.Print("standard log now writes to zap")
	return undo
}
