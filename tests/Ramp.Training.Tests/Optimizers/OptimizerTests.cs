// Properties every optimizer has: one vectorized pass whose results do not depend on how ranges are split,
// parameters outside every group left alone, no allocation per step, and clear errors for bad groups.
using Ramp.Training.Optimizers;

namespace Ramp.Training.Tests.Optimizers;

public sealed class OptimizerTests
{
    public static TheoryData<string> Names => OptimizerCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Results_do_not_depend_on_how_ranges_are_split_between_vector_loop_and_tail(string name)
    {
        const int count = 29;
        var random = new Random(3);
        var initial = OptimizerCases.RandomVector(random, count);
        var gradients = Enumerable.Range(0, 4).Select(_ => OptimizerCases.RandomVector(random, count)).ToArray();
        var whole = OptimizerCases.Create(name, [new ParameterGroup("all", [new ParameterRange(0, count)], 0.01, 0.1)], count);
        var pieces = OptimizerCases.Create(name,
            [new ParameterGroup("all", Enumerable.Range(0, count).Select(i => new ParameterRange(i, 1)), 0.01, 0.1)], count);
        var a = initial.ToArray();
        var b = initial.ToArray();
        foreach (var gradient in gradients)
        {
            whole.Step(a, gradient);
            pieces.Step(b, gradient);
        }
        Assert.Equal(a, b);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameters_outside_every_group_are_left_untouched(string name)
    {
        var groups = new[] { new ParameterGroup("some", [new ParameterRange(2, 5), new ParameterRange(12, 9)], 0.1) };
        var optimizer = OptimizerCases.Create(name, groups, parameterCount: 24);
        var parameters = Enumerable.Range(0, 24).Select(i => (float)i).ToArray();
        optimizer.Step(parameters, Enumerable.Repeat(1f, 24).ToArray());
        int[] outside = [0, 1, 7, 8, 9, 10, 11, 21, 22, 23];
        Assert.All(outside, i => Assert.Equal(i, parameters[i]));
        Assert.All(Enumerable.Range(2, 5), i => Assert.NotEqual(i, parameters[i]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_step_allocates_nothing(string name)
    {
        var optimizer = OptimizerCases.Create(name, OptimizerCases.Groups());
        var parameters = new float[OptimizerCases.ParameterCount];
        var gradients = OptimizerCases.RandomVector(new Random(5), OptimizerCases.ParameterCount);
        for (var i = 0; i < 3; i++)
        {
            optimizer.Step(parameters, gradients);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            optimizer.Groups[0].LearningRate = 0.001 * i;
            optimizer.Step(parameters, gradients);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Each_group_counts_its_own_steps_and_uses_its_own_settings()
    {
        var groups = new[]
        {
            new ParameterGroup("a", [new ParameterRange(0, 1)], 0.1, settings: new AdamSettings { Beta1 = 0.5 }),
            new ParameterGroup("b", [new ParameterRange(1, 1)], 0.1),
        };
        var optimizer = new Adam(2, groups, new AdamSettings { Beta1 = 0.8 });
        optimizer.Step(new float[2], [1f, 1f]);
        Assert.Equal(0.5, optimizer.SettingsOf(groups[0]).Beta1);
        Assert.Equal(0.8, optimizer.SettingsOf(groups[1]).Beta1);
        Assert.Equal([1f - 0.5f, 1f - 0.8f], optimizer.GetBuffer("exp_avg").ToArray(), new FloatTolerance(1e-7f));
        Assert.All(groups, group => Assert.Equal(1, group.StepCount));
    }

    [Fact]
    public void Overlapping_groups_are_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sgd(10,
        [
            new ParameterGroup("first", [new ParameterRange(0, 6)], 0.1),
            new ParameterGroup("second", [new ParameterRange(5, 5)], 0.1),
        ]));
        Assert.Contains("'second'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'first'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_past_the_block_reused_or_with_foreign_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Sgd(4, [new ParameterGroup("g", [new ParameterRange(2, 3)], 0.1)]));
        var group = new ParameterGroup("g", [new ParameterRange(0, 2)], 0.1);
        _ = new Sgd(4, [group]);
        Assert.Contains("already belongs", Assert.Throws<ArgumentException>(() => new Adam(4, [group])).Message, StringComparison.Ordinal);
        var foreign = new ParameterGroup("g", [new ParameterRange(0, 2)], 0.1, settings: new SgdSettings());
        Assert.Contains("takes AdamSettings", Assert.Throws<ArgumentException>(() => new Adam(4, [foreign])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_name_the_group_and_the_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(2,
            [new ParameterGroup("g", [new ParameterRange(0, 2)], 0.1)], new SgdSettings { Momentum = 0.9, Dampening = 0.1, Nesterov = true }));
        Assert.Contains("Nesterov momentum requires momentum > 0 and dampening 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("'g'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(2, [new ParameterGroup("g", [new ParameterRange(0, 2)], 0.1)], new AdamSettings { Beta2 = 1 }));
    }

    [Fact]
    public void Learning_rate_must_be_finite_and_not_negative()
    {
        var group = new ParameterGroup("g", [new ParameterRange(0, 2)], 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => group.LearningRate = -0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => group.LearningRate = double.NaN);
        Assert.Equal(0.1, group.BaseLearningRate);
    }

    [Fact]
    public void Blocks_of_the_wrong_length_are_refused()
    {
        var optimizer = new Sgd(4, [new ParameterGroup("g", [new ParameterRange(0, 4)], 0.1)]);
        var error = Assert.Throws<ArgumentException>(() => optimizer.Step(new float[4], new float[3]));
        Assert.Contains("built for 4 parameters; got 4 parameters and 3 gradients", error.Message, StringComparison.Ordinal);
    }
}
