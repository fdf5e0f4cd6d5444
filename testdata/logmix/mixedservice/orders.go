// Package mixedservice is an order service that logs with zap while a few
// older code paths still print with the standard log package and fmt.
package mixedservice

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net/http"
	"os"

	"go.uber.org/zap"
)

// Service places orders.
type Service struct {
	logger *zap.Logger
	sugar  *zap.SugaredLogger
	legacy *log.Logger
}

// NewService builds the service around the process logger.
func NewService(logger *zap.Logger) *Service {
	return &Service{
		logger: logger,
		sugar:  logger.Sugar(),
		legacy: log.New(os.Stderr, "orders: ", log.LstdFlags),
	}
}

// Place places an order.
func (s *Service) Place(ctx context.Context, id string, qty int) error {
	s.logger.Info("placing order", zap.String("order_id", id), zap.Int("qty", qty))
	if qty <= 0 {
		err := fmt.Errorf("order %s: invalid quantity %d", id, qty)
		s.logger.Warn("rejected order", zap.Error(err))
		return err
	}
	s.sugar.Infow("reserved stock", "order_id", id)
	log.Printf("order %s placed", id) // want `^package uses zap for logging \(9 calls\); this log\.Printf call uses log: use zap \(logmix/mixed-libraries\)$`
	fmt.Println("placed", id)         // want `^package uses zap for logging \(9 calls\); this fmt\.Println call uses fmt: use zap \(logmix/mixed-libraries\)$`
	return nil
}

// Cancel cancels an order.
func (s *Service) Cancel(id string) {
	s.sugar.Infof("cancelling %s", id)
	s.legacy.Println("cancel requested", id)     // want `this s\.legacy\.Println call uses log: use zap \(logmix/mixed-libraries\)$`
	fmt.Fprintf(os.Stderr, "cancelled %s\n", id) // want `this fmt\.Fprintf call uses fmt: use zap \(logmix/mixed-libraries\)$`
	s.logger.Debug("cancelled", zap.String("order_id", id))
}

// Receipt writes a receipt to the client: fmt here is output, not logging.
func (s *Service) Receipt(w http.ResponseWriter, id string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "receipt for %s\n", id)
	fmt.Fprintln(w, buf.String())
	msg := fmt.Sprintf("receipt %s sent", id)
	s.logger.Info(msg)
}

// Export writes the orders to a file.
func (s *Service) Export(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer f.Close()
	fmt.Fprintf(f, "orders\n")
	if _, err := fmt.Fprint(f, "done\n"); err != nil {
		return err
	}
	s.logger.Info("exported", zap.String("path", path))
	return nil
}

// Refund refunds an order; the audit line is kept on purpose.
func (s *Service) Refund(id string) {
	log.Println("refund", id) //otellint:ignore logmix the audit pipeline parses this line
	s.logger.Error("refund failed", zap.String("order_id", id))
}
