//go:build !linux

package unusual

const platform = "other"
