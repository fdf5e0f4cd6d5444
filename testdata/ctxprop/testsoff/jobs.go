// Package testsoff is checked with the default flags: findings in its
// _test.go files are not reported (-ctxprop.tests is off), findings in its
// other files are.
package testsoff

import "context"

func Run(ctx context.Context, job func(context.Context) error) error {
	return job(context.Background()) // want `use ctx \(parameter of Run\) instead of context\.Background\(\) \(ctxprop/background\)`
}
