// Package plain has a hand-written file: lint.AllGenerated is false.
package plain

func gamma() {}
