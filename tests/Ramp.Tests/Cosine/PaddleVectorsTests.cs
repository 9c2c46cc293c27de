// Paddle's reference-function tests (schedulers.md C20): PaddlePaddle/Paddle test/legacy_test/test_lr_scheduler.py
// @04a048e compares each scheduler, read before step() at epochs 0..19 (harness B: Rate(k)), with Python reference
// functions (one_cycle_lr, cyclic_lr, cosine_annealing_lr). The numbers below are those reference functions'
// outputs for the test's argument sets, evaluated in double precision.
namespace Ramp.Tests.Cosine;

public class PaddleVectorsTests
{
    public static TheoryData<string, double[]> OneCycleArguments => new()
    {
        {
            "max_learning_rate=0.1, total_steps=20, divide_factor=5, end_learning_rate=0.0001, anneal_strategy='cos', phase_pct=0.3",
            [
                0.020000000000000004, 0.02763932022500211, 0.047639320225002106, 0.0723606797749979, 0.0923606797749979, 0.1,
                0.09874764921348209, 0.09505339495172584, 0.0891024825492781, 0.08119331560284375, 0.07172249276892204,
                0.06116492065111791, 0.050050000000000004, 0.0389350793488821, 0.028377507231077976, 0.018906684397156263,
                0.010997517450721911, 0.005046605048274169, 0.0013523507865179103, 0.0001,
            ]
        },
        {
            "max_learning_rate=0.5, total_steps=20, divide_factor=10, end_learning_rate=0.001, anneal_strategy='linear', phase_pct=0.4",
            [
                0.05, 0.11428571428571428, 0.17857142857142855, 0.24285714285714283, 0.3071428571428571, 0.37142857142857144,
                0.43571428571428567, 0.5, 0.4584166666666667, 0.41683333333333333, 0.37525, 0.33366666666666667,
                0.29208333333333336, 0.2505, 0.20891666666666664, 0.16733333333333333, 0.12575000000000003, 0.08416666666666667,
                0.04258333333333336, 0.0010000000000000009,
            ]
        },
        {
            "max_learning_rate=1.0, total_steps=20, divide_factor=9, end_learning_rate=0.0001, anneal_strategy='cos', phase_pct=0.3, three_phase=True",
            [
                0.11111111111111116, 0.19599244694446782, 0.41821466916669003, 0.692896441944421, 0.9151186641666432, 1.0,
                0.9151186641666433, 0.692896441944421, 0.41821466916669003, 0.19599244694446782, 0.1111111111111111,
                0.10776371652373339, 0.0981252779511206, 0.08335833333333333, 0.06524399412816835, 0.04596711698294277,
                0.02785277777777779, 0.013085833159990509, 0.003447394587377722, 0.0001,
            ]
        },
        {
            "max_learning_rate=0.3, total_steps=20, divide_factor=25, end_learning_rate=0.0005, anneal_strategy='linear', phase_pct=0.2, three_phase=True",
            [
                0.012, 0.10799999999999998, 0.204, 0.3, 0.20400000000000001, 0.10800000000000001, 0.01200000000000001,
                0.011115384615384616, 0.01023076923076923, 0.009346153846153846, 0.008461538461538461, 0.007576923076923077,
                0.006692307692307693, 0.005807692307692308, 0.004923076923076923, 0.004038461538461539, 0.003153846153846153,
                0.00226923076923077, 0.0013846153846153852, 0.0005000000000000004,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OneCycleArguments))]
    public void One_cycle_matches_one_cycle_lr(string arguments, double[] expected)
        => Expect.Sequence(expected, Schedule.Parse($"paddle.OneCycleLR({arguments})").Rate);

    public static TheoryData<string, double[]> CyclicArguments => new()
    {
        {
            "mode='triangular'",
            [
                0.5, 0.5333333333333333, 0.5666666666666668, 0.6, 0.6333333333333333, 0.6666666666666666, 0.7000000000000001,
                0.7333333333333334, 0.7666666666666666, 0.8, 0.8333333333333333, 0.8666666666666667, 0.9000000000000001,
                0.9333333333333333, 0.9666666666666666, 1.0, 0.8999999999999999, 0.7999999999999998, 0.7000000000000002,
                0.6000000000000001,
            ]
        },
        {
            "mode='triangular2'",
            [
                0.5, 0.5333333333333333, 0.5666666666666668, 0.6, 0.6333333333333333, 0.6666666666666666, 0.7000000000000001,
                0.7333333333333334, 0.7666666666666666, 0.8, 0.8333333333333333, 0.8666666666666667, 0.9000000000000001,
                0.9333333333333333, 0.9666666666666666, 1.0, 0.8999999999999999, 0.7999999999999998, 0.7000000000000002,
                0.6000000000000001,
            ]
        },
        {
            "mode='exp_range', exp_gamma=0.8",
            [
                0.5, 0.5266666666666667, 0.5426666666666667, 0.5512, 0.5546133333333333, 0.5546133333333334, 0.5524288,
                0.5489335466666667, 0.5447392426666666, 0.5402653184, 0.5357913941333333, 0.5314964268373333, 0.5274877906944,
                0.5238227519351467, 0.5205242170518187, 0.517592186044416, 0.5112589990684262, 0.5067553994410557,
                0.5036028797018964, 0.5014411518807586,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(CyclicArguments))]
    public void Cyclic_matches_cyclic_lr(string mode, double[] expected)
        => Expect.Sequence(expected, Schedule.Parse($"paddle.CyclicLR(base_learning_rate=0.5, max_learning_rate=1.0, step_size_up=15, step_size_down=5, {mode})").Rate);

    // cosine_annealing_lr is Paddle's recursion; the closed form agrees with it to rounding (absolute, the value reaches 0).
    [Fact]
    public void Cosine_annealing_decay_matches_cosine_annealing_lr()
        => Expect.Sequence(
            [
                0.5, 0.4877641290737884, 0.45225424859373686, 0.3969463130731183, 0.32725424859373686, 0.25, 0.17274575140626316,
                0.10305368692688174, 0.047745751406263165, 0.012235870926211617, 0.0, 0.012235870926211617, 0.047745751406263325,
                0.10305368692688215, 0.1727457514062639, 0.25000000000000105, 0.32725424859373825, 0.39694631307311995,
                0.45225424859373886, 0.4877641290737905,
            ],
            Schedule.Parse("paddle.CosineAnnealingDecay(learning_rate=0.5, T_max=10)").Rate,
            1e-12,
            0.5);

    // CosineAnnealingWarmRestarts(learning_rate=0.5, T_0=1, T_mult=2) steps like PyTorch's (the PR #23833 vector).
    [Fact]
    public void Warm_restarts_match_pytorch()
        => Expect.Sequence(
            [0.5, 0.5, 0.25, 0.5, 0.42677669529663687, 0.25, 0.07322330470336313, 0.5, 0.4809698831278217],
            Schedule.Parse("paddle.CosineAnnealingWarmRestarts(learning_rate=0.5, T_0=1, T_mult=2)").Rate);

    [Fact]
    public void One_cycle_raises_past_total_steps_and_rejects_a_late_third_phase()
    {
        var schedule = Schedule.Parse("paddle.OneCycleLR(max_learning_rate=0.1, total_steps=20)");

        Assert.True(double.IsFinite(schedule.Rate(20)));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Rate(21));
        var error = Assert.Throws<SpecException>(() => Schedule.Parse("paddle.OneCycleLR(max_learning_rate=0.1, total_steps=20, phase_pct=0.6, three_phase=True)"));
        Assert.Contains("phase_pct=0.6 must be below 0.5 when three_phase is true", error.Message, StringComparison.Ordinal);
    }
}
