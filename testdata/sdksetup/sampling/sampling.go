// Package sampling builds tracer-provider options with hard-coded and
// configured samplers.
package sampling

import (
	"os"
	"strconv"

	"go.opentelemetry.io/otel/sdk/trace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Config is read from flags or the environment.
type Config struct {
	Ratio   float64
	Sampler sdktrace.Sampler
	Debug   bool
}

const fullRatio = 1.0

func alwaysOn() []sdktrace.TracerProviderOption {
	return []sdktrace.TracerProviderOption{
		sdktrace.WithSampler(sdktrace.AlwaysSample()), // want `^sampler sdktrace\.AlwaysSample\(\) keeps every trace \(100% sampling\) and overrides OTEL_TRACES_SAMPLER; leave WithSampler out so the SDK reads OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, or build the sampler from configuration \(sdksetup/full-sampling\)$`
	}
}

func ratioOne() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(1)) // want `^sampler sdktrace\.TraceIDRatioBased\(1\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func ratioAboveOne() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(2.5)) // want `^sampler sdktrace\.TraceIDRatioBased\(2\.5\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func ratioConst() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(fullRatio)) // want `^sampler sdktrace\.TraceIDRatioBased\(fullRatio\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func parentBasedAlways() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.AlwaysSample())) // want `^sampler sdktrace\.ParentBased\(sdktrace\.AlwaysSample\(\)\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func parentBasedRatioOne() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.ParentBased( // want `^sampler sdktrace\.ParentBased\(sdktrace\.TraceIDRatioBased\(1\.0\), sdktrace\.WithRemoteParentNotSampled\(sdktrace\.NeverSample\(\)\)\) keeps every trace .* \(sdksetup/full-sampling\)$`
		sdktrace.TraceIDRatioBased(1.0),
		sdktrace.WithRemoteParentNotSampled(sdktrace.NeverSample()),
	))
}

func otherAlias() trace.TracerProviderOption {
	return trace.WithSampler(trace.AlwaysSample()) // want `^sampler trace\.AlwaysSample\(\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func localVariable() *sdktrace.TracerProvider {
	sampler := sdktrace.ParentBased(sdktrace.AlwaysSample())
	return sdktrace.NewTracerProvider(sdktrace.WithSampler(sampler)) // want `^sampler sampler keeps every trace .* \(sdksetup/full-sampling\)$`
}

func localRatio() *sdktrace.TracerProvider {
	ratio := 1.0
	return sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.TraceIDRatioBased(ratio))) // want `^sampler sdktrace\.TraceIDRatioBased\(ratio\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func defaultSampler() sdktrace.Sampler {
	return sdktrace.AlwaysSample()
}

func helper() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider(sdktrace.WithSampler(defaultSampler())) // want `^sampler defaultSampler\(\) keeps every trace .* \(sdksetup/full-sampling\)$`
}

func closureHelper() *sdktrace.TracerProvider {
	var s sdktrace.Sampler = sdktrace.AlwaysSample()
	opts := func() []sdktrace.TracerProviderOption {
		return []sdktrace.TracerProviderOption{sdktrace.WithSampler(s)} // want `^sampler s keeps every trace .* \(sdksetup/full-sampling\)$`
	}
	return sdktrace.NewTracerProvider(opts()...)
}

// --- clean: a fraction, or a sampler from configuration -----------------

func tenPercent() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(0.1)) // ok: 10% sampling
}

func parentBasedTenPercent() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(0.1), // ok: root ratio < 1
		sdktrace.WithRemoteParentSampled(sdktrace.AlwaysSample()))) // ok: the remote parent decides
}

func fromConfig(cfg Config) sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(cfg.Ratio)) // ok: ratio from configuration
}

func samplerFromConfig(cfg Config) sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(cfg.Sampler) // ok: sampler from configuration
}

func fromEnv() sdktrace.TracerProviderOption {
	ratio, err := strconv.ParseFloat(os.Getenv("TRACE_RATIO"), 64)
	if err != nil {
		ratio = 0.05
	}
	return sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(ratio))) // ok: ratio from the environment
}

func conditional(cfg Config) sdktrace.TracerProviderOption {
	sampler := sdktrace.TraceIDRatioBased(0.2)
	if cfg.Debug {
		sampler = sdktrace.AlwaysSample()
	}
	return sdktrace.WithSampler(sampler) // ok: full sampling only when configured
}

func parameterised(debug bool) sdktrace.Sampler {
	if debug {
		return sdktrace.AlwaysSample()
	}
	return sdktrace.TraceIDRatioBased(0.01)
}

func helperWithConfig(cfg Config) sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(parameterised(cfg.Debug)) // ok: not every return samples everything
}

func never() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.NeverSample()) // ok: samples nothing
}

// errorSampler keeps every error trace: a custom sampler is a decision.
type errorSampler struct{ sdktrace.Sampler }

func custom() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(errorSampler{sdktrace.TraceIDRatioBased(0.1)}) // ok: custom sampler
}

func unset() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider() // ok: sampler from OTEL_TRACES_SAMPLER
}

var packageSampler = sdktrace.AlwaysSample()

func packageLevel() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(packageSampler) // ok: a package variable may be reassigned anywhere
}

func ratioBelowOne() sdktrace.TracerProviderOption {
	return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(0.999)) // ok: below 1
}

// --- conditional: a choice made at run time, unless the branch builds the
// whole provider ----------------------------------------------------------------

func debugOption(cfg Config) *sdktrace.TracerProvider {
	var opts []sdktrace.TracerProviderOption
	if cfg.Debug {
		opts = append(opts, sdktrace.WithSampler(sdktrace.AlwaysSample())) // ok: only in debug mode; otherwise OTEL_TRACES_SAMPLER
	}
	return sdktrace.NewTracerProvider(opts...)
}

func ifElse(cfg Config) *sdktrace.TracerProvider {
	if cfg.Debug {
		return sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.AlwaysSample())) // ok: one branch of a choice
	} else {
		return sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.TraceIDRatioBased(cfg.Ratio)))
	}
}

func byEnvironment(env string) sdktrace.TracerProviderOption {
	switch env {
	case "dev":
		return sdktrace.WithSampler(sdktrace.AlwaysSample()) // ok: chosen per environment
	default:
		return sdktrace.WithSampler(sdktrace.TraceIDRatioBased(0.05))
	}
}

func enabledOnly(cfg Config) *sdktrace.TracerProvider {
	if cfg.Ratio > 0 {
		return sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.AlwaysSample())) // want `^sampler sdktrace\.AlwaysSample\(\) keeps every trace .* \(sdksetup/full-sampling\)$`
	}
	return nil
}
