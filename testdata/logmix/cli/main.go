// Command cli is a command-line tool: fmt prints its output and log reports
// fatal errors. Neither is a second logging library.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	upper := flag.Bool("upper", false, "print in upper case")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: cli [-upper] words...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		log.Fatal("no words given")
	}
	out := strings.Join(flag.Args(), " ")
	if *upper {
		out = strings.ToUpper(out)
	}
	fmt.Println(out)
	fmt.Fprintf(os.Stdout, "%d words\n", flag.NArg())
	if err := report(out); err != nil {
		log.Printf("report: %v", err)
		fmt.Fprintln(os.Stderr, "see --help")
	}
}

func report(s string) error {
	if len(s) > 80 {
		return fmt.Errorf("line too long: %d", len(s))
	}
	fmt.Print(s, "\n")
	return nil
}
