// The chart `ramp schedule plot` draws when no SPEC is given. The one place to change the defaults.
namespace Ramp.Cli.Schedules;

/// <summary>The default plot: the Transformer's inverse-square-root schedule with warmup (Vaswani et al., 2017).</summary>
public static class ReferencePlot
{
    /// <summary>The specs drawn when none is given.</summary>
    public static IReadOnlyList<string> Specs { get; } = ["noam(d_model=512, warmup_steps=4000)"];

    /// <summary>The number of steps when <c>--steps</c> is not given.</summary>
    public static long Steps => 100_000;
}
