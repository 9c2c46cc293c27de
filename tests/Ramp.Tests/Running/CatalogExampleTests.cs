// Every catalog entry's example parses, prints a definition that parses back to the same schedule, and keeps
// the Rate invariants Rate(step) == Rate(step, 1) == Rate(step, 1, 0). Ramp's own combinators print their own
// definition (no NamedSchedule wrapper), so a saved definition rebuilds the same object.
namespace Ramp.Tests.Running;

public class CatalogExampleTests
{
    public static TheoryData<string> Examples => [.. ScheduleCatalog.Default.Entries.Select(entry => entry.Example)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_through_its_definition_and_keeps_the_rate_invariants(string spec)
    {
        var schedule = Schedule.Parse(spec);
        var again = Schedule.Parse(schedule.ToString());

        Assert.Equal(schedule.ToString(), again.ToString());
        for (var step = 0L; step < 30; step++)
        {
            double rate;
            try
            {
                rate = schedule.Rate(step);
            }
            catch (ArgumentOutOfRangeException)
            {
                break;
            }

            Assert.True(double.IsFinite(rate), $"{spec} at step {step}: {rate}");
            Assert.Equal(rate, again.Rate(step));
            Assert.Equal(rate, schedule.Rate(step, 1.0));
            Assert.Equal(rate, schedule.Rate(step, 1.0, 0));
        }
    }

    [Theory]
    [InlineData("warmup")]
    [InlineData("untuned_warmup")]
    [InlineData("radam_warmup")]
    [InlineData("sequence")]
    [InlineData("product")]
    [InlineData("scale")]
    [InlineData("clamp")]
    [InlineData("plateau")]
    [InlineData("threshold_warmup")]
    [InlineData("adaptive_warmup")]
    public void Native_combinators_are_built_unwrapped(string name)
    {
        var entry = ScheduleCatalog.Default.Resolve(name);

        Assert.IsNotType<NamedSchedule>(Schedule.Parse(entry.Example));
        Assert.Equal(ScheduleOrigin.Ramp, entry.Origin);
    }
}
