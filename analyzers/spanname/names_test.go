package spanname

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/lint"
)

func TestDefaultConvention(t *testing.T) {
	for _, name := range []string{
		"OrderService.PlaceOrder", "Payment.OrderService.CreateOrder", "Inventory.StockService.ReserveItem",
		"HTTPClient.Do", "S3.PutObject",
		"GET", "DELETE", "GET /orders/{id}", "GET /orders/:id", "HTTP GET", "HTTP POST /payments", "HTTP",
		"/orders/{id}",
		"kafka.publish", "kafka.consume", "db.query", "http.server", "async.task", "order_events.process",
		"orders publish", "orders.created process", "payments receive", "orders settle",
		"send orders", "process shop.orders",
		"SELECT orders", "INSERT shop.orders", "COMMIT",
		"orders.v1.OrderService/PlaceOrder", "grpc.health.v1.Health/Check",
		"query GetOrder", "mutation",
		"orders.Create", "userrepo.FindByEmail", "payment_gateway.Charge",
		// Go identifiers in their own letter case
		"walBlock.Append", "vparquet.compactor.finishBlock", "orderService.placeOrder", "OrderService.placeOrder",
		"orders.Service.Get", "Orders.create",
	} {
		if !defaultConvention.MatchString(name) {
			t.Errorf("%q does not follow the default convention, want it to", name)
		}
	}
	for _, name := range []string{
		"", "ProcessRequest", "handle_request", "doWork", "handler", "parent",
		"Order Service", "payments api", "Order-Service.PlaceOrder", "OrderService.place_order",
		"kafka consume", "OrderService.PlaceOrder ", "get /orders", "HTTP get", "Payment/ledger/post",
		"OrderService..Place", "process", "send", "pkg.(*T).Method",
		"orders.", ".Create",
	} {
		if defaultConvention.MatchString(name) {
			t.Errorf("%q follows the default convention, want it not to", name)
		}
	}
}

func TestDenotesID(t *testing.T) {
	for name, want := range map[string]bool{
		"id": true, "ID": true, "orderID": true, "orderId": true, "order_id": true, "OrderIDs": true,
		"requestUUID": true, "guid": true, "userUid": true, "email": true, "authToken": true,
		"order2ID": true, "VALID": false, "PAID": false,
		"paid": false, "valid": false, "Android": false, "grid": false, "identity": false, "name": false, "idle": false,
		"operationID": false, "RouteID": false, "method_id": false, "eventTypeID": false, "handlerIDs": false,
		"userTypeEmail": true, "queueID": true, "routeUUID": true, "eventID": true,
	} {
		if got := denotesID(name); got != want {
			t.Errorf("denotesID(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNameHelpers(t *testing.T) {
	for in, want := range map[string]string{"handle_request": "HandleRequest", "doWork": "DoWork", "cancel-order": "CancelOrder"} {
		if got := pascal(in); got != want {
			t.Errorf("pascal(%q) = %q, want %q", in, got, want)
		}
	}
	if got := normalize("Place_Order-v2"); got != "placeorderv2" {
		t.Errorf("normalize = %q", got)
	}
}

// TestNoTypeInfo runs the rule on a package for which the type checker
// recorded nothing: no finding and no panic.
func TestNoTypeInfo(t *testing.T) {
	const src = `package p

import (
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel"
)

func H(w http.ResponseWriter, r *http.Request) {
	ctx, span := otel.Tracer("x").Start(r.Context(), fmt.Sprintf("%s %s", r.Method, r.URL.Path))
	defer span.End()
	span.SetName("")
	for i := range 3 {
		name := "x" + fmt.Sprint(i)
		_, s := otel.Tracer("x").Start(ctx, name)
		s.End()
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("p", "p")
	pkg.SetImports([]*types.Package{types.NewPackage("go.opentelemetry.io/otel", "otel")})
	files := []*ast.File{f}
	for _, info := range []*types.Info{nil, {}, {
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}} {
		pass := &analysis.Pass{
			Analyzer: Analyzer, Fset: fset, Files: files, Pkg: pkg, TypesInfo: info,
			ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files), lint.IgnoreAnalyzer: (*lint.Ignores)(nil)},
			Report:   func(d analysis.Diagnostic) { t.Errorf("unexpected finding without type information: %s", d.Message) },
		}
		if _, err := run(pass); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGenericName(t *testing.T) {
	for _, name := range []string{
		"ProcessRequest", "handle", "handle_request", "doWork", "execute", "run", "process", "span",
		"operation", "test", "span1", "my-span", "Handler.Handle", "HANDLE_REQUEST", "requests",
	} {
		if !genericName(name) {
			t.Errorf("genericName(%q) = false, want true", name)
		}
	}
	for _, name := range []string{
		"", "123", "processOrders", "handleWebhook", "executeQuery", "RunMigrations", "ReadUserTuple",
		"walBlock.Append", "GET /orders/{id}", "kafka.process", "Get", "test-connection", "runtime.GC",
	} {
		if genericName(name) {
			t.Errorf("genericName(%q) = true, want false", name)
		}
	}
}

func TestSymbolName(t *testing.T) {
	for name, want := range map[string]string{
		"orders.(*Service).Place":                       "Service.Place",
		"github.com/acme/orders.(*Service).Place.func1": "Service.Place",
		"(Handler).ServeHTTP":                           "Handler.ServeHTTP",
		"main.main.func2.1":                             "main.main",
		"Worker.func3":                                  "Worker",
		"github.com/acme/orders.glob..func1":            "orders",
	} {
		if !symbolName(name) {
			t.Errorf("symbolName(%q) = false, want true", name)
		}
		if got := symbolOperation(name); got != want {
			t.Errorf("symbolOperation(%q) = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"walBlock.Append", "orders.Create", "GET /orders/{id}", "function1", "funcs.Load", "(anonymous)"} {
		if symbolName(name) {
			t.Errorf("symbolName(%q) = true, want false", name)
		}
	}
}
