// Package testsoff is checked with -ctxprop.tests=false: findings in its
// _test.go files are not reported, findings in its other files are.
package testsoff

import "context"

func Run(ctx context.Context, job func(context.Context) error) error {
	return job(context.Background()) // want `use ctx \(parameter of Run\) instead of context\.Background\(\) \(ctxprop/background\)`
}
