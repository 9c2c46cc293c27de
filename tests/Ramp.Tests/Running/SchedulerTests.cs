// The stateful driver: the step, per-group rates, metric routing, and the JSON state.
using System.Text.Json.Nodes;

namespace Ramp.Tests.Running;

public class SchedulerTests
{
    [Fact]
    public void Rates_are_those_of_the_current_step_for_each_group()
    {
        var scheduler = new Scheduler(Schedule.Parse("warmup(steps=4)"), 0.1, 1.0);

        Assert.Equal(0, scheduler.CurrentStep);
        Assert.Equal([0.025, 0.25], [scheduler.Rate(0), scheduler.Rate(1)]);
        scheduler.Step();
        scheduler.Step();
        Assert.Equal(2, scheduler.CurrentStep);
        Assert.Equal([0.075, 0.75], [scheduler.Rate(0), scheduler.Rate(1)], new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Each_group_may_have_its_own_schedule()
    {
        var scheduler = new Scheduler([new GroupSchedule(0.1, Schedule.Parse("warmup(steps=2)")), new GroupSchedule(0.01, Schedule.Parse("constant(0.5)"))]);
        var rates = new double[2];

        scheduler.CopyRates(rates);

        Assert.Equal([0.05, 0.005], rates);
    }

    [Fact]
    public void A_schedule_shared_by_groups_hears_each_metric_once()
    {
        var shared = Schedule.Parse("plateau(patience=1, factor=0.5)");
        var scheduler = new Scheduler(shared, 1, 2);
        foreach (var loss in new[] { 1.0, 1.0 })
        {
            scheduler.Step();
            scheduler.Report("val_loss", loss);
        }

        // One bad metric with patience 1 does not reduce; heard twice, it would.
        Assert.Equal([1.0, 2.0], [scheduler.Rate(0), scheduler.Rate(1)]);
    }

    [Fact]
    public void A_metric_belongs_to_the_update_just_done()
    {
        var scheduler = new Scheduler(Schedule.Parse("torch.ReduceLROnPlateau(patience=0)"));
        scheduler.Step();
        scheduler.Report("val_loss", 1);
        scheduler.Step();
        scheduler.Report("val_loss", 1);

        Assert.Equal(0.1, scheduler.Rate(), 15);
        Assert.Equal(0.1, scheduler.Groups[0].Schedule.Rate(2), 15);
        Assert.Equal(1.0, scheduler.Groups[0].Schedule.Rate(1));
    }

    [Fact]
    public void Reporting_before_the_first_step_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Scheduler(Schedule.Parse("constant")).Report("loss", 1));

        Assert.StartsWith("Report('loss') before the first Step()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_base_rates_means_one_group_at_rate_one()
    {
        var scheduler = new Scheduler(Schedule.Parse("paddle.LinearWarmup(0.5, 2, 0, 0.5)"));

        Assert.Single(scheduler.Groups);
        Assert.Equal(0, scheduler.Rate());
    }

    [Fact]
    public void Rejects_a_negative_base_rate_and_a_wrong_destination()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Scheduler(Schedule.Parse("constant"), -0.1));
        Assert.Throws<ArgumentException>(() => new Scheduler(Schedule.Parse("constant"), 1, 2).CopyRates(new double[3]));
    }

    [Fact]
    public void Saves_step_definitions_base_rates_and_feedback_state_as_JSON()
    {
        var scheduler = new Scheduler(Schedule.Parse("warmup(schedule=plateau(), steps=10)"), 0.001, 0.01);
        scheduler.Step();

        var state = scheduler.SaveState();

        Assert.Equal(Scheduler.StateFormat, state["format"]!.GetValue<string>());
        Assert.Equal(1, state["step"]!.GetValue<long>());
        Assert.Equal(
            "warmup(schedule=plateau(schedule=constant(value=1), monitor='val_loss', mode='min', factor=0.1, patience=10, threshold=0.0001, threshold_mode='rel', cooldown=0, min_scale=0), steps=10, shape='linear', mode='prefix')",
            state["schedules"]![0]!["spec"]!.GetValue<string>());
        Assert.Equal("inf", state["schedules"]![0]!["state"]![0]!["rule"]!["best"]!.GetValue<string>());
        Assert.Equal([0.001, 0.01], state["groups"]!.AsArray().Select(group => group!["base_rate"]!.GetValue<double>()));
        Assert.Equal([0, 0], state["groups"]!.AsArray().Select(group => group!["schedule"]!.GetValue<int>()));
    }

    [Fact]
    public void Rates_and_infinities_round_trip_through_JSON_text_exactly()
    {
        var scheduler = new Scheduler(Schedule.Parse("plateau(mode='max')"), 0.1 + 0.2, 1.0 / 3);
        scheduler.Step();
        scheduler.Report("val_loss", double.NegativeInfinity);

        var text = scheduler.SaveState().ToJsonString();
        var loaded = Scheduler.Load(text);

        Assert.Equal(0.1 + 0.2, loaded.Groups[0].BaseRate);
        Assert.Equal(1.0 / 3, loaded.Groups[1].BaseRate);
        Assert.Equal(text, loaded.SaveState().ToJsonString());
    }

    [Fact]
    public void The_text_form_is_readable_and_loads_back()
    {
        var scheduler = new Scheduler(Schedule.Parse("warmup(schedule=plateau(), steps=10, shape='cosine')"), 0.1);
        scheduler.Step();
        scheduler.Report("val_loss", 2.0);

        var text = scheduler.SaveStateText();

        Assert.Contains("shape='cosine'", text, StringComparison.Ordinal);
        Assert.Contains('\n', text);
        Assert.Equal(scheduler.SaveState().ToJsonString(), Scheduler.Load(text).SaveState().ToJsonString());
    }

    [Theory]
    [InlineData("""{"format": "other", "step": 0, "schedules": [], "groups": []}""", "not a scheduler state: format is \"other\", expected \"ramp.scheduler/1\"")]
    [InlineData("""{"format": "ramp.scheduler/1", "step": 0, "schedules": [{"spec": "constant(value=1)", "state": null}], "groups": [{"base_rate": 1, "schedule": 3}]}""", "scheduler state: group 0 names schedule 3, but there are 1")]
    [InlineData("""{"format": "ramp.scheduler/1", "step": 0, "schedules": [{"spec": "plateau()", "state": {"rule": {}}}], "groups": []}""", "the state of plateau needs a number 'best'")]
    public void Load_rejects_bad_states_in_one_line(string json, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Scheduler.Load(json));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_parses_each_definition_with_the_given_catalog()
    {
        var catalog = new ScheduleCatalog([ConstantSchedule.Entry]);
        var state = JsonNode.Parse("""{"format": "ramp.scheduler/1", "step": 3, "schedules": [{"spec": "warmup(steps=2)", "state": null}], "groups": [{"base_rate": 1, "schedule": 0}]}""")!;

        Assert.Throws<SpecException>(() => Scheduler.Load(state, catalog));
        Assert.Equal(3, Scheduler.Load(state).CurrentStep);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
