// Command runpattern builds its zap logger inside run; main reports run's
// error with fmt because no logger exists there. A stray fmt.Println inside
// run is mixing.
package main

import (
	"errors"
	"fmt"
	"os"

	"go.uber.org/zap"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "runpattern: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	logger, err := zap.NewProduction()
	if err != nil {
		return err
	}
	defer logger.Sync()
	if len(args) == 0 {
		logger.Error("no arguments")
		return errors.New("usage: runpattern name")
	}
	fmt.Println("hello", args[0]) // want `^package uses zap for logging \(2 calls\); this fmt\.Println call uses fmt: use zap \(logmix/mixed-libraries\)$`
	logger.Info("greeted", zap.String("name", args[0]))
	return nil
}
