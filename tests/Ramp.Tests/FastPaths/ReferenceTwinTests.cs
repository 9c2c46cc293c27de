// The query paths rewritten for speed (bench/RESULTS.md, "Schedules") against their reference formulas: each
// rewrite promises the same doubles, bit for bit, so each is compared with exact equality here.
namespace Ramp.Tests.FastPaths;

public class ReferenceTwinTests
{
    private static readonly long[] Steps =
        [.. Enumerable.Range(0, 5000).Select(step => (long)step), 65535, 65536, 1_000_003, 123_456_789_012, (1L << 53) - 1];

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.5)]
    [InlineData(0.0)]
    public void A_power_table_gives_the_values_of_Math_Pow(double value)
    {
        var table = new PowerTable(value);

        for (var exponent = 0L; exponent < 200; exponent++)
        {
            Assert.Equal(Math.Pow(value, exponent), table.Of(exponent));
            Assert.Equal(Math.Pow(value, exponent), table.Of((double)exponent));
        }

        Assert.Equal(Math.Pow(value, -1L), table.Of(-1L));
        Assert.Equal(Math.Pow(value, 2.5), table.Of(2.5));
        Assert.Equal(Math.Pow(value, 1e300), table.Of(1e300));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(30.0)]
    [InlineData(1000.0)]
    [InlineData(1099511627776.0)]
    [InlineData(9007199254740991.0)]
    public void Below_2_to_the_53_the_integer_quotient_by_a_whole_interval_is_pythons_float_floor_division(double interval)
        => Assert.All(Steps, step => Assert.Equal(TimmStep.FloorDivide(step, interval), (double)(step / (long)interval)));

    [Theory]
    [InlineData("timm.StepLRScheduler(decay_t=30, decay_rate=0.1)", 30.0, 0.1)]
    [InlineData("timm.StepLRScheduler(decay_t=2.5, decay_rate=0.9)", 2.5, 0.9)]
    [InlineData("timm.StepLRScheduler(decay_t=1, decay_rate=0.999)", 1.0, 0.999)]
    [InlineData("timm.StepLRScheduler(decay_t=9007199254740992, decay_rate=0.5)", 9007199254740992.0, 0.5)]
    public void Timm_step_decay_is_decay_rate_to_the_floor_quotient_as_python_computes_it(string spec, double interval, double decayRate)
    {
        var schedule = Schedule.Parse(spec);

        Assert.All(Steps, step => Assert.Equal(Math.Pow(decayRate, TimmStep.FloorDivide(step, interval)), schedule.Rate(step)));
    }

    [Fact]
    public void Timm_multistep_decay_is_decay_rate_to_the_milestones_passed_by_pow()
    {
        long[] milestones = [3, 3, 10, 200];
        var schedule = Schedule.Parse("timm.MultiStepLRScheduler(decay_t=[3, 3, 10, 200], decay_rate=0.3)");

        Assert.All(Steps, step => Assert.Equal(Math.Pow(0.3, milestones.Count(milestone => milestone <= step + 1)), schedule.Rate(step)));
    }

    // Acklam's coefficients, highest power first, evaluated by Horner's rule in a loop.
    [Fact]
    public void Inverse_normal_is_acklams_ratio_of_polynomials_by_horners_rule()
    {
        double[] centralNumerator = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] centralDenominator = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];
        double[] tailNumerator = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] tailDenominator = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];

        double Reference(double probability)
        {
            if (probability < 0.02425 || probability > 1 - 0.02425)
            {
                var tail = Math.Sqrt(-2 * Math.Log(Math.Min(probability, 1 - probability)));
                var value = Horner(tailNumerator, tail) / Horner(tailDenominator, tail);
                return probability < 0.02425 ? value : -value;
            }

            var centered = probability - 0.5;
            var square = centered * centered;
            return centered * Horner(centralNumerator, square) / Horner(centralDenominator, square);
        }

        var key = StepNoise.Key(11);
        for (var step = 0; step < 100_000; step++)
        {
            var probability = StepNoise.Uniform(key, step, 0);
            Assert.Equal(Reference(probability), StepNoise.InverseNormal(probability));
        }

        Assert.Equal(Reference(1e-300), StepNoise.InverseNormal(1e-300));
        Assert.Equal(Reference(0.02425), StepNoise.InverseNormal(0.02425));
        Assert.Equal(Reference(1 - 0.02425), StepNoise.InverseNormal(1 - 0.02425));
    }

    [Theory]
    [InlineData(10000, 0.5, 0.0, 0.0, 0.01, 0.55, 7)]
    [InlineData(100, 2.0, 0.1, 0.01, 1.0, 0.0, -3)]
    public void Noisy_linear_cosine_adds_the_shrunk_normal_number_to_the_linear_ramp(long steps, double periods, double offset, double floor, double variance, double decay, long seed)
    {
        var schedule = new NoisyLinearCosineSchedule(steps, periods, offset, floor, variance, decay, seed);
        var key = StepNoise.Key(seed);

        foreach (var step in Steps)
        {
            var clamped = Math.Min(step, (double)steps);
            var shrink = decay == 0 ? 1 : Math.Exp(-0.5 * decay * Math.Log(1.0 + clamped));
            var noise = Math.Sqrt(variance) * shrink * StepNoise.Normal(key, step, 0);
            var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * (2.0 * periods * (clamped / steps))));
            Assert.Equal(((offset + (((steps - clamped) / steps) + noise)) * cosine) + floor, schedule.Rate(step));
        }
    }

    [Theory]
    [InlineData(500, 10000, 3.0)]
    [InlineData(0, 977, 2.7)]
    [InlineData(3, 5000, 0.0)]
    public void Hard_restarts_take_the_fraction_of_the_cycle_as_pythons_float_modulo_does(long warmup, long total, double cycles)
    {
        var schedule = Schedule.Parse($"get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps={warmup}, num_training_steps={total}, num_cycles={cycles})");

        for (var step = warmup; step < total; step++)
        {
            var progress = (double)(step - warmup) / Math.Max(1, total - warmup);
            Assert.Equal(Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * (cycles * progress % 1.0)))), schedule.Rate(step));
        }
    }

    private static double Horner(double[] coefficients, double x)
    {
        var result = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }
}
