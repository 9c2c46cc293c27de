// keras.ReduceLROnPlateau's semantics (keras/src/callbacks/reduce_lr_on_plateau.py @3422977): patience reached
// at >= (PyTorch: >), min_delta absolute, cooldown resets wait and epochs in cooldown do not count, min_lr floors.
// Each scenario states the callback's counters epoch by epoch. Harness A: the metric of epoch k is reported
// after update k, and the rate read then is Rate(k + 1).
using Ramp.Tests.Running;

namespace Ramp.Tests.Feedback;

public class KerasReduceLROnPlateauTests
{
    private static double[] Run(string spec, params double[] metrics) => Drive.AfterMetrics(Schedule.Parse(spec), [1.0], metrics)[0];

    private static double[] RunOn(string metric, string spec, params double[] metrics) => Drive.AfterMetrics(Schedule.Parse(spec), [1.0], metrics, metric)[0];

    [Fact]
    public void Reduces_when_wait_reaches_patience()
        // best=1; wait 1, 2 → 2 >= patience 2: reduce at the third epoch.
        => Drive.Close([1, 1, 0.5, 0.5], Run("keras.ReduceLROnPlateau(factor=0.5, patience=2)", 1, 1, 1, 0.5));

    [Fact]
    public void Torch_waits_one_metric_longer_for_the_same_patience()
        => Drive.Close([1, 1, 1, 0.5], Drive.AfterMetrics(Schedule.Parse("torch.ReduceLROnPlateau(factor=0.5, patience=2)"), [1.0], [1, 1, 1, 1])[0]);

    [Fact]
    public void Min_delta_is_an_absolute_improvement()
        // 1 → 0.9999 improves by less than min_delta=0.001: not better, wait 1 → reduce (patience 1).
        => Drive.Close([1, 0.1, 0.1], Run("keras.ReduceLROnPlateau(patience=1, min_delta=0.001)", 1, 0.9999, 0.5));

    [Fact]
    public void Epochs_in_cooldown_do_not_count_towards_patience()
        // patience 1, cooldown 2: reduce at epoch 1; epochs 2 and 3 decrement the cooldown (2 → 1 → 0);
        // at epoch 3 the cooldown has just ended, so it counts: wait 1 → reduce again; epoch 4 is in cooldown.
        => Drive.Close([1, 0.5, 0.5, 0.25, 0.25], Run("keras.ReduceLROnPlateau(factor=0.5, patience=1, cooldown=2)", 1, 2, 2, 2, 2));

    [Fact]
    public void Auto_mode_maximizes_metrics_named_like_accuracy()
        // 0.5 then 0.6 improve (maximizing); the second 0.6 does not: wait 1 → reduce.
        => Drive.Close([1, 1, 0.1], RunOn("val_accuracy", "keras.ReduceLROnPlateau(monitor='val_accuracy', patience=1)", 0.5, 0.6, 0.6), 1e-15);

    [Fact]
    public void Never_goes_below_min_lr()
        // patience 0: the first metric sets best; each later one reduces, 1 → 0.1 → max(0.01, 0.05).
        => Drive.Close([1, 0.1, 0.05, 0.05], Run("keras.ReduceLROnPlateau(patience=0, min_lr=0.05)", 1, 1, 1, 1));

    [Fact]
    public void Rejects_a_factor_of_one()
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse("keras.ReduceLROnPlateau(factor=1.0)"));

        Assert.EndsWith("ReduceLROnPlateau: factor=1 is not allowed; allowed: a number in (0, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_with_its_qualifier_and_parses_back()
    {
        var schedule = Schedule.Parse("tf.keras.callbacks.ReduceLROnPlateau(monitor='loss', factor=0.2, patience=5, min_lr=0.001)");

        Assert.Equal("keras.ReduceLROnPlateau(monitor='loss', factor=0.2, patience=5, mode='auto', min_delta=0.0001, cooldown=0, min_lr=0.001)", schedule.ToString());
        Assert.Equal(schedule.ToString(), Schedule.Parse(schedule.ToString()).ToString());
    }
}
