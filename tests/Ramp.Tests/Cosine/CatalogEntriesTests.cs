// Every cosine-family entry: its example parses and evaluates, its definition prints back to a spec that gives
// the same values, peers keep their own definition, and the rate path does not allocate.
namespace Ramp.Tests.Cosine;

public class CatalogEntriesTests
{
    private static readonly string[] Names =
    [
        "cosine", "cosine_restarts", "linear_cosine", "noisy_linear_cosine", "tanh", "cyclic", "one_cycle", "tri_stage",
        "warmup_stable_decay", "torch.CosineAnnealingLR", "torch.CosineAnnealingWarmRestarts", "torch.CyclicLR",
        "torch.OneCycleLR", "paddle.CosineAnnealingDecay", "paddle.CosineAnnealingWarmRestarts", "paddle.CyclicLR",
        "paddle.OneCycleLR", "get_constant_schedule", "get_constant_schedule_with_warmup", "get_linear_schedule_with_warmup",
        "get_cosine_schedule_with_warmup", "get_cosine_with_hard_restarts_schedule_with_warmup",
        "get_polynomial_decay_schedule_with_warmup", "get_cosine_with_min_lr_schedule_with_warmup",
        "get_cosine_with_min_lr_schedule_with_warmup_lr_rate", "get_wsd_schedule", "keras.CosineDecay",
        "keras.CosineDecayRestarts", "tf.LinearCosineDecay", "tf.NoisyLinearCosineDecay", "cosine_decay_schedule",
        "warmup_cosine_decay_schedule", "piecewise_interpolate_schedule", "linear_onecycle_schedule",
        "cosine_onecycle_schedule", "sgdr_schedule", "CosineLRScheduler", "TanhLRScheduler", "PolyLRScheduler",
        "StepLRScheduler", "MultiStepLRScheduler", "fairseq.tri_stage", "fairseq.cosine",
    ];

    public static TheoryData<string> Entries => [.. Names];

    [Theory]
    [MemberData(nameof(Entries))]
    public void Example_parses_evaluates_and_round_trips(string name)
    {
        var entry = ScheduleCatalog.Default.Resolve(name);
        var schedule = Schedule.Parse(entry.Example);
        var again = Schedule.Parse(schedule.ToString());

        Assert.Equal(schedule.ToString(), again.ToString());
        Assert.Equal(entry.Scale, schedule.Scale);
        foreach (var step in Steps())
        {
            var rate = schedule.Rate(step);
            Assert.True(double.IsFinite(rate), $"{entry.Example} at step {step} gave {rate}");
            Assert.Equal(rate, again.Rate(step));
            Assert.Equal(rate, schedule.Rate(step, 1.0));
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Peer_entries_compute_under_their_own_definition(string name)
    {
        var entry = ScheduleCatalog.Default.Resolve(name);
        var schedule = Schedule.Parse(entry.Example);

        Assert.Same(entry, ScheduleCatalog.Default.Resolve(schedule.ToSpec().Name));
        if (entry.Name != "get_constant_schedule")
        {
            Assert.IsNotType<NamedSchedule>(schedule);
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Rate_does_not_allocate(string name)
    {
        var schedule = Schedule.Parse(ScheduleCatalog.Default.Resolve(name).Example);
        var total = 0.0;
        for (var step = 0L; step <= 10000; step += 37)
        {
            total += schedule.Rate(step, 0.5);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var step = 0L; step <= 10000; step += 37)
        {
            total += schedule.Rate(step, 0.5);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(total));
    }

    private static IEnumerable<long> Steps()
    {
        for (var step = 0L; step <= 10000; step += 37)
        {
            yield return step;
        }
    }
}
