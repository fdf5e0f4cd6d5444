// Command loadtool pushes events at a target for a while and prints what
// it measured. It logs progress with zap and, like many such tools, also
// uses the standard log package; the only server it starts is pprof on
// localhost, for the person profiling the run. Nothing it writes reaches a
// production log pipeline: neither the mixing nor its development logger
// is reported.
package main

import (
	"flag"
	"log"
	"net/http"
	_ "net/http/pprof"
	"time"

	"go.uber.org/zap"
)

func main() {
	rate := flag.Int("rate", 100, "events per second")
	dur := flag.Duration("duration", time.Minute, "how long to push")
	flag.Parse()

	logger, err := zap.NewDevelopment()
	if err != nil {
		log.Fatal(err)
	}
	defer logger.Sync()

	go func() {
		log.Println(http.ListenAndServe("localhost:6060", nil))
	}()

	logger.Info("pushing", zap.Int("rate", *rate), zap.Duration("duration", *dur))
	sent := push(*rate, *dur)
	log.Printf("sent %d events in %s", sent, *dur)
}

func push(rate int, d time.Duration) int {
	n := 0
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		n += rate
		time.Sleep(time.Second)
	}
	return n
}
