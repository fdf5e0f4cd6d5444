package hotpath

import "go.uber.org/zap"

func init() {
	// Loops in init (and main) run once.
	for i := 0; i < 2; i++ {
		l := zap.NewExample()
		l.Info("init")
	}
}
