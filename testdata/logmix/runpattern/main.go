// Command runpattern builds its zap logger inside run; main reports run's
// error with fmt because no logger exists there. The tool serves nothing:
// even the fmt.Println inside run only reaches the terminal of the person
// who ran it, and nothing is reported.
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
	fmt.Println("hello", args[0])
	logger.Info("greeted", zap.String("name", args[0]))
	return nil
}
