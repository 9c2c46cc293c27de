// PyTorch's SequentialLR (C12) and ChainedScheduler (C13) vectors: pytorch/pytorch
// test/optim/test_lrscheduler.py @01f9ef32. Harness B (lr read before each step()): expected[k] is Rate(k).
// Groups at 0.05 and 0.5 (the second is ×10). The tests named ..._NeedsDecayMerge use PyTorch's own
// schedulers (StepLR, ExponentialLR...), which the decay helper writes; the others rebuild the same
// schedulers from Ramp's constant, warmup and sequence and pass on this branch alone.
using Ramp.Tests.Running;

namespace Ramp.Tests.Composition;

public class PyTorchCompositeTests
{
    private static readonly double[] Groups = [0.05, 0.5];

    // Ramp's equivalents of PyTorch schedulers, for the vectors below (valid over the steps tested).
    private const string ConstantLR01For3 = "sequence(schedules=[constant(0.1), constant(1)], boundaries=[3])";
    private const string ConstantLR01For5 = "sequence(schedules=[constant(0.1), constant(1)], boundaries=[5])";
    private const string ConstantLR05For5 = "sequence(schedules=[constant(0.5), constant(1)], boundaries=[5])";
    private const string StepLREvery3 = "sequence(schedules=[constant(1), constant(0.1), constant(0.01), constant(0.001)], boundaries=[3, 6, 9])";
    private const string MultiStepLR2_5_9 = "sequence(schedules=[constant(1), constant(0.1), constant(0.01), constant(0.001)], boundaries=[2, 5, 9])";
    private const string MultiStepLR4_8_10 = "sequence(schedules=[constant(1), constant(0.1), constant(0.01), constant(0.001)], boundaries=[4, 8, 10])";

    // PyTorch's _test checks the first `epochs` targets only; some target lists are longer (C13a, C13b).
    private static void Check(string spec, double[] expected, int? epochs = null)
    {
        expected = expected[..(epochs ?? expected.Length)];
        var schedule = Schedule.Parse(spec);
        foreach (var (baseRate, group) in Groups.Select((rate, index) => (rate, index)))
        {
            Drive.Close([.. expected.Select(value => value * baseRate / Groups[0])], Drive.Rates(schedule, expected.Length, baseRate, group));
        }
    }

    // C12a test_sequentiallr1
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C12a_ExponentialLR_then_StepLR_NeedsDecayMerge()
        => Check(
            "SequentialLR(schedulers=[ExponentialLR(gamma=0.8), StepLR(gamma=0.1, step_size=4)], milestones=[3])",
            [0.05, 0.04, 0.032, .. Drive.Repeat((0.05, 4), (0.005, 4), (0.0005, 4), (0.00005, 4))]);

    // C12b test_sequentiallr2
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C12b_ConstantLR_then_ExponentialLR_NeedsDecayMerge()
        => Check(
            "SequentialLR(schedulers=[ConstantLR(factor=0.1, total_iters=3), ExponentialLR(gamma=0.9)], milestones=[3])",
            [0.005, 0.005, 0.005, .. Enumerable.Range(0, 10).Select(x => 0.05 * Math.Pow(0.9, x))]);

    // C12c test_sequentiallr3
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C12c_three_schedulers_restart_at_each_milestone_NeedsDecayMerge()
        => Check(
            "SequentialLR(schedulers=[ConstantLR(factor=0.1, total_iters=3), ExponentialLR(gamma=0.8), StepLR(gamma=0.1, step_size=2)], milestones=[3, 6])",
            [0.005, 0.005, 0.005, 0.05, 0.04, 0.032, 0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005]);

    // C12d test_sequentiallr5
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C12d_a_chain_inside_a_sequence_NeedsDecayMerge()
        => Check(
            "SequentialLR(schedulers=[ChainedScheduler(schedulers=[LinearLR(start_factor=0.1, total_iters=5), ConstantLR(factor=0.1, total_iters=5)]), ConstantLR(factor=0.5, total_iters=5)], milestones=[5])",
            [0.0005, 0.0014, 0.0023, 0.0032, 0.0041, .. Drive.Repeat((0.025, 5))]);

    [Fact]
    public void C12d_a_chain_inside_a_sequence_with_Ramp_equivalents()
        => Check(
            $"SequentialLR(schedulers=[ChainedScheduler(schedulers=[warmup(steps=5, start=0.1), {ConstantLR01For5}]), {ConstantLR05For5}], milestones=[5])",
            [0.0005, 0.0014, 0.0023, 0.0032, 0.0041, .. Drive.Repeat((0.025, 5))]);

    // C12e test_sequentiallr_does_not_alias_lr_and_initial_lr: a single group at 2.0.
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C12e_LinearLR_up_then_down_NeedsDecayMerge()
        => Drive.Close(
            [0.2, 0.55, 0.9, 1.25, 1.6, 1.25, 0.9, 0.55],
            Drive.Rates(Schedule.Parse("SequentialLR(schedulers=[LinearLR(start_factor=0.1, end_factor=0.8, total_iters=4), LinearLR(start_factor=0.8, end_factor=0.1, total_iters=4)], milestones=[4])"), 8, 2.0));

    // C12f test_sequentiallr4: constructing the sequence leaves the lr at 0.1 (ConstantLR(factor=1) first).
    [Fact]
    public void C12f_a_sequence_starting_with_factor_one_keeps_the_base_rate()
        => Assert.Equal(0.1, Schedule.Parse("SequentialLR(schedulers=[constant(1), constant(0.1)], milestones=[10])").Rate(0, 0.1));

    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C12f_ConstantLR_factor_one_first_NeedsDecayMerge()
        => Assert.Equal(0.1, Schedule.Parse("SequentialLR(schedulers=[ConstantLR(factor=1), ConstantLR(factor=0.1)], milestones=[10])").Rate(0, 0.1));

    // C13a test_chained_lr2
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C13a_a_single_LinearLR_chain_NeedsDecayMerge()
        => Check("ChainedScheduler(schedulers=[LinearLR(start_factor=0.4, total_iters=3)])", [0.02, 0.03, 0.04, .. Drive.Repeat((0.05, 9))], epochs: 10);

    [Fact]
    public void C13a_a_single_linear_ramp_chain_with_Ramp_equivalents()
        => Check("ChainedScheduler(schedulers=[warmup(steps=3, start=0.4)])", [0.02, 0.03, 0.04, .. Drive.Repeat((0.05, 9))], epochs: 10);

    // C13b test_chained_lr3
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C13b_LinearLR_times_MultiStepLR_NeedsDecayMerge()
        => Check(
            "ChainedScheduler(schedulers=[LinearLR(start_factor=0.4, total_iters=3), MultiStepLR(milestones=[4, 8, 10], gamma=0.1)])",
            [0.02, 0.03, 0.04, 0.05, .. Drive.Repeat((0.005, 4), (0.0005, 3), (0.00005, 3))], epochs: 10);

    [Fact]
    public void C13b_linear_ramp_times_step_down_with_Ramp_equivalents()
        => Check(
            $"ChainedScheduler(schedulers=[warmup(steps=3, start=0.4), {MultiStepLR4_8_10}])",
            [0.02, 0.03, 0.04, 0.05, .. Drive.Repeat((0.005, 4), (0.0005, 3), (0.00005, 3))], epochs: 10);

    // C13c test_chained_lr4
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C13c_ExponentialLR_ConstantLR_and_StepLR_multiply_NeedsDecayMerge()
        => Check(
            "ChainedScheduler(schedulers=[ExponentialLR(gamma=0.9), ConstantLR(factor=0.2, total_iters=4), StepLR(gamma=0.1, step_size=3)])",
            [0.01, 0.009, 0.0081, 0.05 * 0.2 * Math.Pow(0.9, 3) * 0.1, 0.05 * Math.Pow(0.9, 4) * 0.1, 0.05 * Math.Pow(0.9, 5) * 0.1, 0.05 * Math.Pow(0.9, 6) * 0.01, 0.05 * Math.Pow(0.9, 7) * 0.01, 0.05 * Math.Pow(0.9, 8) * 0.01]);

    // C13d test_chained_lr5
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C13d_PolynomialLR_times_ConstantLR_NeedsDecayMerge()
        => Check(
            "ChainedScheduler(schedulers=[PolynomialLR(power=0.9, total_iters=5), ConstantLR(factor=0.1)])",
            [.. Enumerable.Range(0, 5).Select(x => 0.1 * Math.Pow(1 - (x / 5.0), 0.9) * 0.05), .. Drive.Repeat((0, 5))]);

    // C13e test_compound_step_and_multistep_lr
    [Fact]
    [Trait("Needs", "decay-merge")]
    public void C13e_StepLR_times_MultiStepLR_NeedsDecayMerge()
        => Check(
            "ChainedScheduler(schedulers=[StepLR(gamma=0.1, step_size=3), MultiStepLR(gamma=0.1, milestones=[2, 5, 9])])",
            Drive.Repeat((0.05, 2), (0.005, 1), (5e-4, 2), (5e-5, 1), (5e-6, 3), (5e-8, 1)));

    [Fact]
    public void C13e_step_down_times_milestones_with_Ramp_equivalents()
        => Check(
            $"ChainedScheduler(schedulers=[{StepLREvery3}, {MultiStepLR2_5_9}])",
            Drive.Repeat((0.05, 2), (0.005, 1), (5e-4, 2), (5e-5, 1), (5e-6, 3), (5e-8, 1)));

    [Fact]
    public void C12b_warmup_part_with_Ramp_equivalents_holds_the_constant_factor_until_the_milestone()
        => Check($"SequentialLR(schedulers=[{ConstantLR01For3}, constant(1)], milestones=[3])", [0.005, 0.005, 0.005, 0.05, 0.05]);
}
