// Keras' own checks of ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay and InverseTimeDecay, and
// TF 1.14's polynomial_decay values recorded by ML.NET.
// Sources: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule_test.py @3422977
// (schedulers.md C16; Keras' tolerance 1e-6, these are exact formulas checked to 1e-12 relative) and
// dotnet/machinelearning test/Microsoft.ML.Tests/LearningRateSchedulerTest.cs @cd2fbd6 (C17: float32 values,
// ML.NET's tolerance 1e-4, checked here to 1e-6 relative). The tests call schedule(step): expected == Rate(step).
namespace Ramp.Tests.Decay;

public class KerasDecayVectorTests
{
    [Fact]
    public void ExponentialDecay_continuous_matches_test_continuous()
        => Rates.Close(0.05 * Math.Pow(0.96, 5.0 / 10.0), Schedule.Parse("keras.ExponentialDecay(0.05, 10, 0.96)").Rate(5));

    // test_staircase: 0.1 at steps 1 and 2, 0.1 * 0.96 ** (100 // 3) at step 100.
    public static TheoryData<long, double> Staircase => new() { { 1, 0.1 }, { 2, 0.1 }, { 100, 0.1 * Math.Pow(0.96, 100 / 3) } };

    [Theory]
    [MemberData(nameof(Staircase))]
    public void ExponentialDecay_staircase_matches_test_staircase(long step, double expected)
        => Rates.Close(expected, Schedule.Parse("keras.ExponentialDecay(0.1, 3, 0.96, staircase=True)").Rate(step));

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(100, 1.0)]
    [InlineData(105, 0.1)]
    [InlineData(110, 0.1)]
    [InlineData(120, 0.01)]
    [InlineData(999, 0.001)]
    public void PiecewiseConstantDecay_keeps_each_value_through_its_boundary(long step, double expected)
        => Assert.Equal(expected, Schedule.Parse("PiecewiseConstantDecay([100, 110, 120], [1.0, 0.1, 0.01, 0.001])").Rate(step));

    [Theory]
    [InlineData(0, 0.4)]
    [InlineData(1, 0.4)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.6)]
    [InlineData(4, 0.7)]
    public void PiecewiseConstantDecay_matches_test_boundary_values(long step, double expected)
        => Assert.Equal(expected, Schedule.Parse("PiecewiseConstantDecay(boundaries=[1, 2, 3], values=[0.4, 0.5, 0.6, 0.7])").Rate(step));

    // LinearDecayTest and SqrtDecayTest: PolynomialDecay(lr=0.05, decay_steps=10, end_lr, power, cycle).
    [Theory]
    [InlineData(5, 0.0, 1.0, false, 0.05 * 0.5)]
    [InlineData(10, 0.001, 1.0, false, 0.001)]
    [InlineData(5, 0.001, 1.0, false, (0.05 + 0.001) * 0.5)]
    [InlineData(15, 0.001, 1.0, false, 0.001)]
    [InlineData(15, 0.001, 1.0, true, ((0.05 - 0.001) * 0.25) + 0.001)]
    [InlineData(5, 0.0, 0.5, false, 0.05 * 0.70710678118654757)]
    [InlineData(10, 0.001, 0.5, false, 0.001)]
    [InlineData(5, 0.001, 0.5, false, ((0.05 - 0.001) * 0.70710678118654757) + 0.001)]
    [InlineData(15, 0.001, 0.5, false, 0.001)]
    [InlineData(15, 0.001, 0.5, true, ((0.05 - 0.001) * 0.5) + 0.001)]
    public void PolynomialDecay_matches_the_linear_and_sqrt_decay_tests(long step, double end, double power, bool cycle, double expected)
    {
        var schedule = Schedule.Parse($"keras.PolynomialDecay(0.05, 10, {end:R}, power={power:R}, cycle={cycle})");

        Rates.Close(expected, schedule.Rate(step));
    }

    [Fact]
    public void PolynomialDecay_with_cycle_starts_at_the_initial_rate()
        => Rates.Close(0.001, Schedule.Parse("keras.PolynomialDecay(0.001, 10, cycle=True)").Rate(0));

    [Fact]
    public void InverseTimeDecay_matches_test_decay()
        => Rates.Equal(Rates.Of(11, i => 0.1 / (1 + (i / 10.0 * 0.96))), Schedule.Parse("keras.InverseTimeDecay(0.1, 10, 0.96)"));

    [Fact]
    public void InverseTimeDecay_matches_test_staircase()
        => Rates.Equal(Rates.Of(11, i => 0.1 / (1 + (0.96 * (i / 10)))), Schedule.Parse("keras.InverseTimeDecay(0.1, 10, 0.96, staircase=True)"));

    [Theory]
    [InlineData(false, new[] { 0.1, 0.091, 0.082, 0.073, 0.064, 0.055, 0.045999996, 0.037, 0.027999999, 0.019000001, 0.01, 0.01, 0.01, 0.01, 0.01 })]
    [InlineData(true, new[] { 0.1, 0.091, 0.082, 0.073, 0.064, 0.055, 0.045999996, 0.037, 0.027999999, 0.019000001, 0.01, 0.050499998, 0.045999996, 0.041500002, 0.037 })]
    public void TF1_polynomial_decay_matches_tensorflow_1_14(bool cycle, double[] expected)
    {
        var schedule = Schedule.Parse($"tf.compat.v1.train.polynomial_decay(learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=1.0, cycle={cycle})");

        Rates.Equal(expected, schedule, relative: 1e-6);
    }

    [Theory]
    [InlineData("tf.compat.v1.train.exponential_decay(learning_rate=0.1, decay_steps=1000, decay_rate=0.96)", "keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=1000, decay_rate=0.96, staircase=false)")]
    [InlineData("tf.compat.v1.train.inverse_time_decay(learning_rate=0.1, decay_steps=1000, decay_rate=0.5, staircase=True)", "keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=1000, decay_rate=0.5, staircase=true)")]
    [InlineData("tf.compat.v1.train.piecewise_constant([10, 20], [0.3, 0.2, 0.1])", "piecewise_constant(boundaries=[10, 20], values=[0.3, 0.2, 0.1])")]
    public void TF1_function_spellings_bind_learning_rate_and_print_the_keras_definition(string spec, string printed)
        => Assert.Equal(printed, Schedule.Parse(spec).ToString());

    [Fact]
    public void TF1_natural_exp_decay_is_exponential_decay_with_rate_exp_minus_k()
    {
        var natural = Schedule.Parse("tf.natural_exp_decay(learning_rate=0.1, decay_steps=10, decay_rate=0.5)");
        var staircase = Schedule.Parse("tf.natural_exp_decay(learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True)");

        Rates.Equal(Rates.Of(30, step => 0.1 * Math.Exp(-0.5 * step / 10)), natural);
        Rates.Equal(Rates.Of(30, step => 0.1 * Math.Exp(-0.5 * (step / 10))), staircase);
    }

    [Fact]
    public void Keras_schedules_are_absolute_and_ignore_the_base_rate()
    {
        var schedule = Schedule.Parse("keras.ExponentialDecay(0.1, 10, 0.5)");

        Assert.Equal(RateScale.Absolute, schedule.Scale);
        Assert.Equal(schedule.Rate(7), schedule.Rate(7, 3.0));
    }

    [Fact]
    public void A_keras_name_argument_is_kept_in_the_definition()
        => Assert.Equal(
            "keras.ExponentialDecay(initial_learning_rate=0.05, decay_steps=10, decay_rate=0.96, staircase=true, name='my_ed')",
            Schedule.Parse("keras.ExponentialDecay(initial_learning_rate=0.05, decay_steps=10, decay_rate=0.96, staircase=True, name='my_ed')").ToString());

    [Theory]
    [InlineData("PiecewiseConstantDecay([10, 10], [1, 2, 3])", "boundaries=[10, 10] is not allowed; allowed: strictly increasing integers >= 0")]
    [InlineData("PiecewiseConstantDecay([10, 20], [1, 2])", "values has 2 elements; allowed: 3, one more than boundaries")]
    [InlineData("keras.ExponentialDecay(0.1, 0, 0.5)", "decay_steps=0 is not allowed; allowed: a number > 0")]
    public void Rejects_bad_keras_arguments_in_one_line(string spec, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
