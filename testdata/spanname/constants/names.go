// Package constants starts spans whose names are constants declared in
// another file and in another package.
package constants

const service = "PaymentService"

const (
	spanAuthorize  = service + ".Authorize"
	spanSettle     = service + ".Settle"
	spanChargeback = "chargeback"
	spanEmpty      = ""
)

const (
	prefix     = "Payment"
	spanRefund = prefix + "." + "RefundService" + "." + "Refund"
	spanLedger = prefix + "/ledger/post"
)

// DefaultSpanName may be set by the main package before the service starts.
var DefaultSpanName string

// unsetSpanName is never assigned: spans named with it are empty.
var unsetSpanName string
