// Resuming is exact: save the driver at any step k, load it into a fresh one, continue, and every rate equals
// the straight run's. Checked for every catalog entry's example (so every schedule of the catalog) and for
// feedback schedules and composites under seeded random metric streams; the JSON state round-trips exactly.
namespace Ramp.Tests.Running;

public class ResumeTests
{
    private const int Steps = 40;
    private static readonly double[] BaseRates = [0.05, 0.5];

    public static TheoryData<string> CatalogExamples => [.. ScheduleCatalog.Default.Entries.Select(entry => entry.Example)];

    public static TheoryData<string> FeedbackSpecs =>
    [
        "warmup(schedule=plateau(patience=2, factor=0.5), steps=6)",
        "warmup(schedule=torch.ReduceLROnPlateau(patience=1, cooldown=2, min_lr=[0.001, 0.02]), steps=0.2, total_steps=40, shape='cosine')",
        "sequence(schedules=[threshold_warmup(threshold=2.5, max_steps=15), keras.ReduceLROnPlateau(patience=2, cooldown=1, min_lr=0.001)], boundaries=[20])",
        "adaptive_warmup(schedule=plateau(monitor='loss', patience=3), steps=15, history=3, cooldown=2, spike=1.5)",
        "product(schedules=[plateau(monitor='grad_norm', mode='max', patience=0), untuned_warmup(beta2=0.9)])",
        "threshold_warmup(schedule=adaptive_warmup(steps=10, history=2), threshold=3.0, smoothing=0.5)",
    ];

    [Theory]
    [MemberData(nameof(CatalogExamples))]
    public void Every_catalog_example_resumes_exactly_at_every_step(string spec)
        => CheckResume(() => new Scheduler(Schedule.Parse(spec), BaseRates), seed: 1);

    [Theory]
    [MemberData(nameof(FeedbackSpecs))]
    public void Feedback_schedules_resume_exactly_at_every_step_under_random_metrics(string spec)
    {
        foreach (var seed in new[] { 2, 3, 4 })
        {
            CheckResume(() => new Scheduler(Schedule.Parse(spec), BaseRates), seed);
        }
    }

    [Fact]
    public void Groups_with_their_own_and_shared_schedules_resume_exactly()
        => CheckResume(
            () =>
            {
                var shared = Schedule.Parse("plateau(patience=1)");
                return new Scheduler(
                [
                    new GroupSchedule(0.01, shared),
                    new GroupSchedule(0.1, Schedule.Parse("warmup(schedule=torch.ReduceLROnPlateau(patience=0), steps=3)")),
                    new GroupSchedule(0.2, shared),
                ]);
            },
            seed: 5);

    [Fact]
    public void A_loaded_driver_shares_a_schedule_between_the_groups_that_shared_it()
    {
        var shared = Schedule.Parse("plateau(patience=0)");
        var scheduler = new Scheduler([new GroupSchedule(1, shared), new GroupSchedule(2, Schedule.Parse("constant(0.5)")), new GroupSchedule(3, shared)]);

        var loaded = Scheduler.Load(scheduler.SaveState().ToJsonString());

        Assert.Same(loaded.Groups[0].Schedule, loaded.Groups[2].Schedule);
        Assert.NotSame(loaded.Groups[0].Schedule, loaded.Groups[1].Schedule);
        Assert.Equal(2, loaded.Schedules.Count);
    }

    private static void CheckResume(Func<Scheduler> create, int seed)
    {
        var metrics = MetricStreams.Generate(Steps, seed);
        var straight = Run(create(), 0, Steps, metrics);
        var horizon = straight.Count;
        for (var k = 0; k <= horizon; k++)
        {
            var first = create();
            Run(first, 0, k, metrics);
            var saved = first.SaveState().ToJsonString();

            var resumed = Scheduler.Load(saved);

            Assert.Equal(saved, resumed.SaveState().ToJsonString());
            Assert.Equal(k, resumed.CurrentStep);
            var continued = Run(resumed, k, horizon, metrics);
            for (var step = k; step < horizon; step++)
            {
                Assert.True(straight[step].SequenceEqual(continued[step - k]), $"resumed at {k}: step {step} gives [{string.Join(", ", continued[step - k])}], the straight run [{string.Join(", ", straight[step])}]");
            }
        }
    }

    // Runs steps [from, to): reads every group's rate, steps, reports the metrics. Stops early where a schedule
    // raises past its end (OneCycleLR), so the horizon is the last step every schedule defines.
    private static List<double[]> Run(Scheduler scheduler, int from, int to, double[][] metrics)
    {
        var rates = new List<double[]>();
        for (var step = from; step < to; step++)
        {
            var row = new double[scheduler.Groups.Count];
            try
            {
                scheduler.CopyRates(row);
            }
            catch (ArgumentOutOfRangeException)
            {
                break;
            }

            rates.Add(row);
            scheduler.Step();
            MetricStreams.Report(scheduler, metrics[step]);
        }

        return rates;
    }
}
