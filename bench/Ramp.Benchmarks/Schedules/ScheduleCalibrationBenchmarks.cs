// Calibration for ScheduleRateBenchmarks, run in the same session: the step walk alone (the harness's own
// cost, which every rate figure includes) and one Math.Cos of a step-dependent angle (the primitive most
// schedules pay for), so figures taken on a loaded machine can be compared with an idle one.
using BenchmarkDotNet.Attributes;

namespace Ramp.Benchmarks.Schedules;

[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ScheduleCalibrationBenchmarks
{
    private const long Mask = 4095;
    private long step;

    [Benchmark]
    public double StepWalk()
    {
        step = (step + 1) & Mask;
        return step;
    }

    [Benchmark]
    public double Cosine()
    {
        step = (step + 1) & Mask;
        return Math.Cos(step * (Math.PI / Mask));
    }
}
