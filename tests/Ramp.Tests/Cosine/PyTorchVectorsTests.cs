// PyTorch's own test vectors for the cosine-family schedulers (schedulers.md section c), harness B: expected[k] is
// the value after k calls to step(), compared with Rate(k). Source: pytorch/pytorch test/optim/test_lrscheduler.py
// @01f9ef32. The two parameter groups of those tests have base rates 0.05 and 0.5.
namespace Ramp.Tests.Cosine;

public class PyTorchVectorsTests
{
    private static readonly double[] Xs43 = [0, 0.25, 0.5, 0.75, 1, 0.75, 0.50, 0.25, 0, 0.25, 0.5, 0.75, 1];

    // C2 test_cycle_lr_triangular_mode_one_lr
    [Fact]
    public void Cyclic_triangular_matches_test_cycle_lr_triangular_mode_one_lr()
    {
        var schedule = Cyclic("base_lr=1, max_lr=5, step_size_up=4, cycle_momentum=True, base_momentum=1, max_momentum=5, mode='triangular'");

        Expect.Sequence([1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3], schedule.Rate);
        Expect.Sequence([5, 4, 3, 2, 1, 2, 3, 4, 5, 4, 3], step => schedule.Momentum(step)!.Value);
    }

    // C3 test_cycle_lr_triangular2_mode_one_lr
    [Fact]
    public void Cyclic_triangular2_matches_test_cycle_lr_triangular2_mode_one_lr()
    {
        var schedule = Cyclic("base_lr=1, max_lr=5, step_size_up=4, cycle_momentum=True, base_momentum=1, max_momentum=5, mode='triangular2'");

        Expect.Sequence([1, 2, 3, 4, 5, 4, 3, 2, 1, 1.5, 2.0, 2.5, 3.0, 2.5, 2.0, 1.5, 1, 1.25, 1.50, 1.75, 2.00, 1.75], schedule.Rate);
        Expect.Sequence(
            [5.0, 4.0, 3.0, 2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 4.5, 4.0, 3.5, 3.0, 3.5, 4.0, 4.5, 5.0, 4.75, 4.5, 4.25, 4.0, 4.25],
            step => schedule.Momentum(step)!.Value);
    }

    // C4 test_cycle_lr_exp_range_mode_one_lr: lr[i] = 1 + xs[i] * 4 * 0.9**i, mom[i] = 5 - xs[i] * 4 * 0.9**i
    [Fact]
    public void Cyclic_exp_range_matches_test_cycle_lr_exp_range_mode_one_lr()
    {
        var schedule = Cyclic("base_lr=1, max_lr=5, step_size_up=4, cycle_momentum=True, base_momentum=1, max_momentum=5, mode='exp_range', gamma=0.9");

        Expect.Sequence([.. Xs43.Select((x, i) => 1 + (x * 4 * Math.Pow(0.9, i)))], schedule.Rate);
        Expect.Sequence([.. Xs43.Select((x, i) => 5 - (x * 4 * Math.Pow(0.9, i)))], step => schedule.Momentum(step)!.Value);
        Expect.Sequence([1, 1.9, 2.62, 3.187, 3.6244, 2.77147, 2.06288, 1.4783, 1, 1.38742, 1.69736, 1.94143, 2.12972], schedule.Rate, 1e-5);
    }

    // C5a test_cycle_lr_triangular_mode_step_size_up_down
    [Fact]
    public void Cyclic_asymmetric_triangular_matches_test_cycle_lr_triangular_mode_step_size_up_down()
    {
        var schedule = Cyclic("base_lr=1, max_lr=5, step_size_up=4, step_size_down=6, cycle_momentum=True, base_momentum=1, max_momentum=5, mode='triangular'");

        Expect.Sequence([1.0, 2.0, 3.0, 4.0, 5.0, 13.0 / 3, 11.0 / 3, 9.0 / 3, 7.0 / 3, 5.0 / 3, 1.0], schedule.Rate);
        Expect.Sequence([5.0, 4.0, 3.0, 2.0, 1.0, 5.0 / 3, 7.0 / 3, 3.0, 11.0 / 3, 13.0 / 3, 5.0], step => schedule.Momentum(step)!.Value);
    }

    // C5b test_cycle_lr_triangular2_mode_step_size_up_down, both groups (group 2 is group 1 + 2)
    [Theory]
    [InlineData(1, 5, 0)]
    [InlineData(3, 7, 2)]
    public void Cyclic_asymmetric_triangular2_matches_test_cycle_lr_triangular2_mode_step_size_up_down(double low, double high, double shift)
    {
        var schedule = Cyclic($"base_lr={low}, max_lr={high}, step_size_up=2, step_size_down=6, cycle_momentum=True, base_momentum={low}, max_momentum={high}, mode='triangular2'");
        double[] rates =
        [
            1.0, 3.0, 5.0, 13.0 / 3, 11.0 / 3, 9.0 / 3, 7.0 / 3, 5.0 / 3, 1.0, 2.0, 3.0, 8.0 / 3, 7.0 / 3, 6.0 / 3, 5.0 / 3, 4.0 / 3,
            1.0, 3.0 / 2, 2.0, 11.0 / 6, 10.0 / 6, 9.0 / 6, 8.0 / 6, 7.0 / 6,
        ];
        double[] momenta =
        [
            5.0, 3.0, 1.0, 5.0 / 3, 7.0 / 3, 3.0, 11.0 / 3, 13.0 / 3, 5.0, 4.0, 3.0, 10.0 / 3, 11.0 / 3, 4.0, 13.0 / 3, 14.0 / 3,
            5.0, 4.5, 4.0, 25.0 / 6, 13.0 / 3, 4.5, 14.0 / 3, 29.0 / 6,
        ];

        Expect.Sequence([.. rates.Select(rate => rate + shift)], schedule.Rate);
        Expect.Sequence([.. momenta.Select(momentum => momentum + shift)], step => schedule.Momentum(step)!.Value);
    }

    // C5c test_cycle_lr_exp_range_mode_step_size_up_down
    [Fact]
    public void Cyclic_asymmetric_exp_range_matches_test_cycle_lr_exp_range_mode_step_size_up_down()
    {
        var schedule = Cyclic("base_lr=1, max_lr=5, step_size_up=2, step_size_down=6, cycle_momentum=True, base_momentum=1, max_momentum=5, mode='exp_range', gamma=0.9");
        double[] xs = [0.0, 0.5, 1.0, 5.0 / 6, 4.0 / 6, 3.0 / 6, 2.0 / 6, 1.0 / 6, 0.0, 0.5, 1.0, 5.0 / 6, 4.0 / 6];

        Expect.Sequence([.. xs.Select((x, i) => 1 + (x * 4 * Math.Pow(0.9, i)))], schedule.Rate);
        Expect.Sequence([.. xs.Select((x, i) => 5 - (x * 4 * Math.Pow(0.9, i)))], step => schedule.Momentum(step)!.Value);
    }

    [Fact]
    public void Cyclic_without_cycle_momentum_leaves_the_momentum_alone()
        => Assert.Null(Cyclic("base_lr=1, max_lr=5, cycle_momentum=False").Momentum(3));

    // C6 test_onecycle_lr_linear_annealing (also test_cycle_lr_with_adam: same lr and beta1)
    [Fact]
    public void OneCycle_linear_matches_test_onecycle_lr_linear_annealing()
    {
        var schedule = OneCycle("max_lr=25, final_div_factor=2, base_momentum=1, max_momentum=22, total_steps=10, anneal_strategy='linear'");

        Expect.Sequence([1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5], schedule.Rate);
        Expect.Sequence([22, 11.5, 1, 4, 7, 10, 13, 16, 19, 22], step => schedule.Momentum(step)!.Value);
    }

    // C7 test_onecycle_lr_linear_annealing_three_phases
    [Fact]
    public void OneCycle_three_phase_matches_test_onecycle_lr_linear_annealing_three_phases()
    {
        var schedule = OneCycle("max_lr=25, div_factor=25, base_momentum=1, max_momentum=22, total_steps=10, anneal_strategy='linear', pct_start=0.4, final_div_factor=4, three_phase=True");

        Expect.Sequence([1, 9, 17, 25, 17, 9, 1, 0.75, 0.5, 0.25], schedule.Rate);
        Expect.Sequence([22, 15, 8, 1, 8, 15, 22, 22, 22, 22], step => schedule.Momentum(step)!.Value);
    }

    // C8 test_onecycle_lr_cosine_annealing: lr = [1, 13, 25, annealing_cos(25, 0.5, k / 7) for k = 1..6, 0.5]
    [Fact]
    public void OneCycle_cosine_matches_test_onecycle_lr_cosine_annealing()
    {
        static double Anneal(double start, double end, double pct) => end + ((start - end) / 2 * (Math.Cos(Math.PI * pct) + 1));
        var schedule = OneCycle("max_lr=25, final_div_factor=2, base_momentum=1, max_momentum=22, total_steps=10");

        Expect.Sequence([1, 13, 25, .. Enumerable.Range(1, 6).Select(k => Anneal(25, 0.5, k / 7.0)), 0.5], schedule.Rate);
        Expect.Sequence([22, 11.5, 1, .. Enumerable.Range(1, 6).Select(k => Anneal(1, 22, k / 7.0)), 22], step => schedule.Momentum(step)!.Value);
        Expect.Sequence([1, 13, 25, 23.7869, 20.3878, 15.4759, 10.0241, 5.11225, 1.71313, 0.5], schedule.Rate, 1e-5);
    }

    [Fact]
    public void OneCycle_extrapolates_at_total_steps_and_raises_after()
    {
        var schedule = OneCycle("max_lr=25, final_div_factor=2, total_steps=10, anneal_strategy='linear'");

        Expect.Close(-3, schedule.Rate(10));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Rate(11));
        Assert.StartsWith("OneCycleLR: step 11 is past total_steps=10 (PyTorch raises there)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneCycle_takes_epochs_times_steps_per_epoch()
        => Assert.Equal(60, OneCycle("max_lr=1, epochs=3, steps_per_epoch=20").TotalSteps);

    // C9 test_CosineAnnealingWarmRestarts_lr1: the test's own target loop, 100 steps, T_mult in {1, 2, 4}
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Warm_restarts_match_test_CosineAnnealingWarmRestarts_lr1(int multiplier)
    {
        const double etaMin = 1e-10;
        var schedule = Schedule.Parse($"torch.CosineAnnealingWarmRestarts(T_0=10, T_mult={multiplier}, eta_min=1e-10)");
        foreach (var baseRate in (double[])[0.05, 0.5])
        {
            var (current, period) = (0L, 10L);
            for (var step = 0; step < 100; step++)
            {
                Expect.Close(etaMin + ((baseRate - etaMin) * (1 + Math.Cos(Math.PI * current / period)) / 2), schedule.Rate(step, baseRate));
                if (++current >= period)
                {
                    current -= period;
                    period *= multiplier;
                }
            }
        }
    }

    // C9 evaluated values for group 0, T_mult = 2, steps 0..34 (6 significant digits)
    [Fact]
    public void Warm_restarts_match_the_evaluated_T_mult_2_sequence()
    {
        var schedule = Schedule.Parse("torch.CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=1e-10)");
        double[] expected =
        [
            0.05, 0.0487764, 0.0452254, 0.0396946, 0.0327254, 0.025, 0.0172746, 0.0103054, 0.00477458, 0.00122359, 0.05,
            0.0496922, 0.0487764, 0.0472752, 0.0452254, 0.0426777, 0.0396946, 0.0363498, 0.0327254, 0.0289109, 0.025,
            0.0210891, 0.0172746, 0.0136502, 0.0103054, 0.00732233, 0.00477458, 0.00272484, 0.00122359, 0.000307792, 0.05,
            0.0499229, 0.0496922, 0.0493092, 0.0487764,
        ];

        Expect.Sequence(expected, step => schedule.Rate(step, 0.05), 5e-6);
    }

    // C9, second vector: pytorch/pytorch PR #23833's description, T_0=1, T_mult=2, lr=0.5 (printed get_lr() before each step())
    [Fact]
    public void Warm_restarts_match_the_T0_1_vector_of_pull_request_23833()
    {
        var schedule = Schedule.Parse("torch.CosineAnnealingWarmRestarts(T_0=1, T_mult=2)");

        Expect.Sequence([0.5, 0.5, 0.25, 0.5, 0.42677669529663687, 0.25, 0.07322330470336313, 0.5, 0.4809698831278217], step => schedule.Rate(step, 0.5));
    }

    // C10 test_CosineAnnealingWarmRestarts_lr3 at whole epochs: step(epoch) sets (T_cur, T_i); Rate(epoch) gives the
    // same rate. Fractional epochs (the T_mult=3 row, but for epoch 50) have no counterpart in Ramp's integer steps.
    [Theory]
    [InlineData(1, new long[] { 1, 2, 3, 4, 5, 12, 27, 3, 4, 5, 6, 13 }, new long[] { 1, 2, 3, 4, 5, 2, 7, 3, 4, 5, 6, 3 }, new long[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 })]
    [InlineData(2, new long[] { 1, 2, 3, 4, 5, 25, 32, 33, 34, 80, 81, 3 }, new long[] { 1, 2, 3, 4, 5, 15, 2, 3, 4, 10, 11, 3 }, new long[] { 10, 10, 10, 10, 10, 20, 40, 40, 40, 80, 80, 10 })]
    [InlineData(3, new long[] { 50 }, new long[] { 10 }, new long[] { 90 })]
    public void Warm_restarts_match_test_CosineAnnealingWarmRestarts_lr3_at_whole_epochs(int multiplier, long[] epochs, long[] current, long[] period)
    {
        const double etaMin = 1e-10;
        var schedule = Schedule.Parse($"torch.CosineAnnealingWarmRestarts(T_0=10, T_mult={multiplier}, eta_min=1e-10)");
        for (var i = 0; i < epochs.Length; i++)
        {
            Expect.Close(etaMin + ((0.05 - etaMin) * (1 + Math.Cos(Math.PI * current[i] / period[i])) / 2), schedule.Rate(epochs[i], 0.05));
        }
    }

    // C14 test_cos_anneal_lr: eta_min + (base - eta_min) * (1 + cos(pi * x / 10)) / 2, both groups
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void Cosine_annealing_matches_test_cos_anneal_lr(double baseRate)
    {
        const double etaMin = 1e-10;
        var schedule = Schedule.Parse("CosineAnnealingLR(T_max=10, eta_min=1e-10)");

        Expect.Sequence([.. Enumerable.Range(0, 10).Select(x => etaMin + ((baseRate - etaMin) * (1 + Math.Cos(Math.PI * x / 10)) / 2))], step => schedule.Rate(step, baseRate));
    }

    [Fact]
    public void Cosine_annealing_matches_the_evaluated_test_cos_anneal_lr_values()
    {
        var schedule = Schedule.Parse("CosineAnnealingLR(T_max=10, eta_min=1e-10)");

        Expect.Sequence([0.05, 0.0487764, 0.0452254, 0.0396946, 0.0327254, 0.025, 0.0172746, 0.0103054, 0.00477458, 0.00122359], step => schedule.Rate(step, 0.05), 5e-6);
    }

    [Fact]
    public void Cosine_annealing_is_periodic_past_T_max_with_an_absolute_floor()
    {
        var schedule = Schedule.Parse("CosineAnnealingLR(T_max=10, eta_min=0.01)");

        Expect.Close(0.01, schedule.Rate(10, 0.05));
        Expect.Close(0.01, schedule.Rate(10, 0.5));
        Expect.Close(0.05, schedule.Rate(20, 0.05));
        Expect.Close(schedule.Rate(7, 0.3), schedule.Rate(13, 0.3));
        Expect.Close(schedule.Rate(3, 1.0), schedule.Rate(3));
    }

    private static PyTorchCyclicSchedule Cyclic(string arguments) => Assert.IsType<PyTorchCyclicSchedule>(Schedule.Parse($"torch.CyclicLR({arguments})"));

    private static PyTorchOneCycleSchedule OneCycle(string arguments) => Assert.IsType<PyTorchOneCycleSchedule>(Schedule.Parse($"torch.OneCycleLR({arguments})"));
}
