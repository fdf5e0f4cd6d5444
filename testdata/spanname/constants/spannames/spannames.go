// Package spannames is the service's catalogue of span names, shared by
// every package that starts spans.
package spannames

const (
	Domain = "Payment"

	// PlaceOrder and CreateOrder follow <Domain>.<Service>.<Action>.
	PlaceOrder  = Domain + ".OrderService.PlaceOrder"
	CreateOrder = Domain + ".OrderService.CreateOrder"
	ReserveItem = "Inventory.StockService.ReserveItem"

	// Refund predates the convention.
	Refund = "refund_payment"
)

// Name is a span name with a type of its own.
type Name string

const (
	Capture Name = "Payment.Capture"
	Void    Name = "void"
)
