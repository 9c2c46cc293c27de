// One rate query per catalog entry, built from the entry's Example, so that every family in
// ScheduleCatalog.Default is measured. The step walks 0..range-1 (range: the largest power of two up to
// 4096 that the schedule accepts everywhere, for peers that refuse steps past their end) so the JIT
// cannot fold the call into a constant; the schedule sits in a field typed Schedule, so the call is the
// virtual call a training loop makes. Feedback schedules are queried after a replayed training history
// (a falling loss that flattens, with spikes), so their recorded reductions and cuts are part of the cost.
// Requirement for closed-form schedules: < 50 ns and 0 bytes. ScheduleCalibrationBenchmarks gives the
// harness's own cost and a Math.Cos on the same machine, to read the figures under load.
using BenchmarkDotNet.Attributes;

namespace Ramp.Benchmarks.Schedules;

[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ScheduleRateBenchmarks
{
    private static readonly string[] Metrics = ["loss", "val_loss", "grad_norm"];

    private Schedule schedule = null!;
    private long mask;
    private long step;

    public static IEnumerable<CatalogExample> Examples => ScheduleCatalog.Default.Entries.Select(entry => new CatalogExample(entry));

    [ParamsSource(nameof(Examples))]
    public CatalogExample Entry { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        schedule = ScheduleCatalog.Default.Parse(Entry.Example);
        var range = 4096L;
        while (range > 1 && !Accepts(range))
        {
            range /= 2;
        }

        mask = range - 1;
        if (schedule.IsFeedback)
        {
            ReplayHistory(range);
        }
    }

    [Benchmark]
    public double Rate()
    {
        step = (step + 1) & mask;
        return schedule.Rate(step);
    }

    private bool Accepts(long range)
    {
        for (var probe = 0L; probe < range; probe++)
        {
            try
            {
                schedule.Rate(probe);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        return true;
    }

    // A loss falling from 4 towards 2 that stops improving halfway (plateaus reduce every patience + 1
    // metrics from there), tripled every 256 steps (spikes for the adaptive warmup), the same for every metric.
    private void ReplayHistory(long range)
    {
        for (var at = 0L; at < range; at++)
        {
            var falling = 2 + (2 / (1 + (Math.Min(at, range / 2) / 50.0)));
            var value = at % 256 == 255 ? 3 * falling : falling;
            foreach (var metric in Metrics)
            {
                schedule.Observe(at, metric, value);
            }
        }
    }

    /// <summary>A catalog entry as a benchmark parameter, shown by its qualified name.</summary>
    public sealed class CatalogExample(ScheduleEntry entry)
    {
        public string Example => entry.Example;

        public override string ToString() => entry.QualifiedName;
    }
}
