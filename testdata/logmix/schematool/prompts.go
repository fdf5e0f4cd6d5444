package schematool

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// PromptValue asks the person at the terminal for a value, unless given.
func PromptValue(name, value string) string {
	reader := bufio.NewReader(os.Stdin)
	for value == "" {
		fmt.Print(name + ": ")
		line, err := reader.ReadString('\n')
		if err != nil {
			return ""
		}
		value = strings.TrimSpace(line)
	}
	return value
}

// Confirm asks a yes/no question until it gets an answer.
func Confirm(question string) bool {
	for {
		fmt.Printf("%s [y/n] ", question)
		var answer string
		if _, err := fmt.Scanln(&answer); err != nil {
			return false
		}
		switch strings.ToLower(answer) {
		case "y", "yes":
			return true
		case "n", "no":
			return false
		}
	}
}
