// Package sdksetup is the otellint sdksetup rule (work in progress).
package sdksetup
