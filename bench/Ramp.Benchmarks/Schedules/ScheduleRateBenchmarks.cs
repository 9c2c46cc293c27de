// One rate query per catalog entry, built from the entry's Example, so that every family in
// ScheduleCatalog.Default is measured. The step walks 0..range-1 (range: the largest power of two up to
// 4096 that the schedule accepts everywhere, for peers that refuse steps past their end) so the JIT
// cannot fold the call into a constant. Requirement for closed-form schedules: < 50 ns and 0 bytes.
using BenchmarkDotNet.Attributes;

namespace Ramp.Benchmarks.Schedules;

[MemoryDiagnoser]
public class ScheduleRateBenchmarks
{
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

    /// <summary>A catalog entry as a benchmark parameter, shown by its qualified name.</summary>
    public sealed class CatalogExample(ScheduleEntry entry)
    {
        public string Example => entry.Example;

        public override string ToString() => entry.QualifiedName;
    }
}
