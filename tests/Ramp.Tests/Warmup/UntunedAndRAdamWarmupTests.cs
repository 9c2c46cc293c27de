// Ma & Yarats' untuned warmups and the RAdam warmup factor, against the golden values of
// /work/shared/reference/papers.md R5.1 and R4.1 (iteration t is step t − 1 here).
using Ramp.Tests.Running;

namespace Ramp.Tests.Warmup;

public class UntunedAndRAdamWarmupTests
{
    // papers.md R5.1: β2 = 0.999, linear ω at t = 10/100/1000/2000 = 0.005/0.05/0.5/1.0,
    // exponential = 0.00995/0.09516/0.63212/0.86466.
    [Theory]
    [InlineData(0.999, "linear", 10, 0.005)]
    [InlineData(0.999, "linear", 100, 0.05)]
    [InlineData(0.999, "linear", 1000, 0.5)]
    [InlineData(0.999, "linear", 2000, 1.0)]
    [InlineData(0.999, "exponential", 10, 0.00995)]
    [InlineData(0.999, "exponential", 100, 0.09516)]
    [InlineData(0.999, "exponential", 1000, 0.63212)]
    [InlineData(0.999, "exponential", 2000, 0.86466)]
    [InlineData(0.98, "linear", 10, 0.1)]
    [InlineData(0.98, "linear", 100, 1.0)]
    [InlineData(0.98, "exponential", 100, 0.86466)]
    public void Untuned_warmup_matches_the_papers_golden_values(double beta2, string shape, long iteration, double factor)
        => Assert.Equal(factor, Schedule.Parse($"untuned_warmup(beta2={beta2}, shape='{shape}')").Rate(iteration - 1), 5);

    [Fact]
    public void Native_untuned_linear_warmup_lasts_the_full_two_over_one_minus_beta2_steps()
    {
        var native = Schedule.Parse("untuned_warmup(beta2=0.999)");
        var peer = Schedule.Parse("pytorch_warmup.UntunedLinearWarmup(beta2=0.999)");

        // 2/(1 − 0.999) is 1999.99... in floating point: pytorch_warmup's int() makes it 1999 steps.
        Assert.True(native.Rate(1998) < 1);
        Assert.Equal(1.0, native.Rate(1999));
        Assert.Equal(1.0, peer.Rate(1998));
        Assert.Equal(1999.0 / 1999, peer.Rate(1998));
        Assert.Equal(1998.0 / 1999, peer.Rate(1997));
    }

    // papers.md R4.1: r_5 = 0.01731, r_6 = 0.02582, r_10 = 0.04900, r_100 = 0.21534, r_1000 = 0.64533,
    // r_2000 = 0.82839, r_5000 = 0.98288 for β2 = 0.999, whose offset δ is 5 (ρ_5 = 4.996 > 4).
    [Theory]
    [InlineData(0.999, 5, 0.01731)]
    [InlineData(0.999, 6, 0.02582)]
    [InlineData(0.999, 10, 0.04900)]
    [InlineData(0.999, 100, 0.21534)]
    [InlineData(0.999, 1000, 0.64533)]
    [InlineData(0.999, 2000, 0.82839)]
    [InlineData(0.999, 5000, 0.98288)]
    [InlineData(0.98, 5, 0.07655)]
    [InlineData(0.98, 10, 0.21974)]
    [InlineData(0.98, 100, 0.81967)]
    [InlineData(0.995, 5, 0.03863)]
    [InlineData(0.995, 10, 0.10963)]
    [InlineData(0.995, 100, 0.46715)]
    public void RAdam_warmup_is_the_rectification_term_from_its_offset(double beta2, long iteration, double factor)
    {
        var warmup = new RAdamWarmupSchedule(new ConstantSchedule(), beta2);

        Assert.Equal(5, warmup.Offset);
        Assert.Equal(factor, warmup.Rate(iteration - warmup.Offset), 5);
    }

    [Fact]
    public void RAdam_offset_is_six_for_beta2_point_seven()
        => Assert.Equal(6, new RAdamWarmupSchedule(new ConstantSchedule(), 0.7).Offset);

    [Fact]
    public void RAdam_warmup_rises_towards_one()
    {
        // Near 1 the factor is flat to within rounding, so a fall of one ulp is allowed.
        var rates = Drive.Rates(Schedule.Parse("radam_warmup(beta2=0.98)"), 3000);

        for (var step = 1; step < rates.Length; step++)
        {
            Assert.True(rates[step] >= rates[step - 1] - 1e-15 && rates[step] <= 1, $"at step {step}: {rates[step - 1]:R} then {rates[step]:R}");
        }

        Assert.True(rates[100] > rates[99]);
        Assert.True(rates[^1] > 0.999);
    }

    [Theory]
    [InlineData("radam_warmup(beta2=0.6)", "radam_warmup: beta2=0.6 is not allowed; allowed: a number in (0.6, 1)")]
    [InlineData("untuned_warmup(beta2=1)", "untuned_warmup: beta2=1 is not allowed; allowed: a number in (0, 1)")]
    [InlineData("untuned_warmup(shape='cosine')", "untuned_warmup: shape='cosine' is not allowed; allowed: one of 'linear', 'exponential'")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("untuned_warmup(schedule=constant(value=0.5), beta2=0.98, shape='exponential')")]
    [InlineData("radam_warmup(schedule=constant(value=1), beta2=0.95)")]
    public void Prints_its_definition_and_parses_back(string spec)
        => Assert.Equal(spec, Schedule.Parse(Schedule.Parse(spec).ToString()).ToString());
}
