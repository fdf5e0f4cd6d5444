package bridge

import (
	"log/slog"

	"go.uber.org/zap"
)

// Platform is the logging set-up of a service.
type Platform struct {
	Logger *zap.Logger
}

// Start logs the start of the service.
func (p *Platform) Start(version string) {
	p.Logger.Info("starting", zap.String("version", version))
	p.Logger.Info("adapters installed")
	slog.Info("platform started") // want `^package uses zap for logging \(2 calls\); this slog\.Info call uses slog: use zap \(logmix/mixed-libraries\)$`
}
