// Bad arguments are rejected in one line that names the value and what is allowed, for the native shapes and
// for the peers (where the peer rejects them, and where it would divide by zero or compute nonsense).
namespace Ramp.Tests.Cosine;

public class ValidationTests
{
    [Theory]
    [InlineData("cosine(steps=0)", "cosine: steps=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("cosine(steps=10, floor=1.5)", "cosine: floor=1.5 is not allowed; allowed: a number in [0, 1]")]
    [InlineData("cosine(steps=10, exponent=0)", "cosine: exponent=0 is not allowed; allowed: a number > 0")]
    [InlineData("cosine_restarts(period=10, period_multiplier=0.5)", "cosine_restarts: period_multiplier=0.5 is not allowed; allowed: a number >= 1")]
    [InlineData("cosine_restarts(period=10, cycle_limit=0)", "cosine_restarts: cycle_limit=0 is not allowed; allowed: an integer >= 1 or None")]
    [InlineData("tanh(steps=10, lower=3, upper=3)", "tanh: lower must be a finite number below upper=3")]
    [InlineData("cyclic(mode='sine')", "cyclic: mode='sine' is not allowed; allowed: one of 'triangular', 'triangular2', 'exp_range'")]
    [InlineData("cyclic(gamma=1.5)", "cyclic: gamma=1.5 is not allowed; allowed: a number in (0, 1]")]
    [InlineData("one_cycle(steps=100, rise_fraction=1)", "one_cycle: rise_fraction=1 is not allowed; allowed: a number in (0, 1)")]
    [InlineData("one_cycle(steps=100, rise_fraction=0.6, three_phase=true)", "one_cycle: rise_fraction must be a number in (0, 0.5) with three_phase")]
    [InlineData("tri_stage(warmup_steps=1, hold_steps=1, decay_steps=1, end_factor=0)", "tri_stage: end_factor=0 is not allowed; allowed: a number in (0, 1]")]
    [InlineData("warmup_stable_decay(warmup_steps=1, stable_steps=1, decay_steps=1, decay='1-cube')", "warmup_stable_decay: decay='1-cube' is not allowed; allowed: one of 'linear', 'cosine', '1-sqrt', '1-square'")]
    [InlineData("CosineAnnealingLR(T_max=0)", "CosineAnnealingLR: T_max=0 is not allowed; allowed: an integer >= 1")]
    [InlineData("torch.CosineAnnealingWarmRestarts(T_0=10, T_mult=1.5)", "CosineAnnealingWarmRestarts: T_mult=1.5 is not allowed; allowed: an integer >= 1")]
    [InlineData("torch.CyclicLR(base_lr=1, max_lr=2, mode='sine')", "CyclicLR: mode='sine' is not allowed; allowed: one of 'triangular', 'triangular2', 'exp_range'")]
    [InlineData("torch.CyclicLR(base_lr=1, max_lr=2, scale_fn='f')", "CyclicLR: scale_fn: a custom scale function cannot be written in a spec; choose a mode")]
    [InlineData("torch.OneCycleLR(max_lr=1)", "OneCycleLR: give total_steps, or epochs and steps_per_epoch")]
    [InlineData("torch.OneCycleLR(max_lr=1, total_steps=10, pct_start=0.1)", "OneCycleLR: pct_start=0.1 with 10 steps leaves phase 1 without steps")]
    [InlineData("torch.OneCycleLR(max_lr=1, total_steps=10, anneal_strategy='cosine')", "OneCycleLR: anneal_strategy='cosine' is not allowed; allowed: one of 'cos', 'linear'")]
    [InlineData("get_wsd_schedule(num_warmup_steps=10, num_decay_steps=10)", "get_wsd_schedule: give num_training_steps or num_stable_steps")]
    [InlineData("get_wsd_schedule(num_warmup_steps=10, num_decay_steps=10, num_training_steps=15)", "get_wsd_schedule: num_training_steps leaves -5 stable steps after num_warmup_steps and num_decay_steps; it must be at least their sum")]
    [InlineData("get_cosine_with_min_lr_schedule_with_warmup(num_warmup_steps=1, num_training_steps=10)", "give one of min_lr (absolute) or min_lr_rate (a fraction of the rate)")]
    [InlineData("get_cosine_with_min_lr_schedule_with_warmup(num_warmup_steps=1, num_training_steps=10, min_lr=0.1, min_lr_rate=0.1)", "give only one of min_lr and min_lr_rate")]
    [InlineData("get_polynomial_decay_schedule_with_warmup(num_warmup_steps=10, num_training_steps=10)", "num_training_steps=10 must be greater than num_warmup_steps=10")]
    [InlineData("get_polynomial_decay_schedule_with_warmup(num_warmup_steps=1, num_training_steps=10, lr_end=0.1, lr_init=0.1)", "lr_end (0.1) must be smaller than lr_init (0.1)")]
    [InlineData("keras.CosineDecay(0.1, 0)", "CosineDecay: decay_steps=0 is not allowed; allowed: a number > 0")]
    [InlineData("piecewise_interpolate_schedule('linear', 1.0, {-1: 0.5})", "boundaries_and_scales: boundary -1 must be a whole step >= 0")]
    [InlineData("piecewise_interpolate_schedule('linear', 1.0, {2.5: 0.5})", "boundaries_and_scales: boundary 2.5 must be a whole step >= 0")]
    [InlineData("piecewise_interpolate_schedule('linear', 1.0, {2: -0.5})", "piecewise_interpolate_schedule: boundaries_and_scales[2]=-0.5 is not allowed; allowed: a map of numbers to numbers >= 0 or None")]
    [InlineData("TanhLRScheduler(t_initial=10, lb=3, ub=3)", "TanhLRScheduler: lb=3 must be below ub=3")]
    [InlineData("MultiStepLRScheduler(decay_t=[20, 10])", "MultiStepLRScheduler: decay_t must be sorted; 10 follows 20")]
    [InlineData("CosineLRScheduler(t_initial=10, noise_range_t=[1, 2, 3])", "CosineLRScheduler: noise_range_t has 3 values; give one start step or a [start, end) pair")]
    [InlineData("CosineLRScheduler(t_initial=10, noise_pct=0)", "CosineLRScheduler: noise_pct=0 is not allowed; allowed: a number > 0")]
    [InlineData("CyclicLR(base_lr=1, max_lr=2)", "'CyclicLR' is ambiguous; qualify it as one of torch.CyclicLR, paddle.CyclicLR")]
    public void Rejects_bad_arguments_in_one_line(string spec, string fragment)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Constructors_reject_what_the_catalog_rejects()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(10, periodMultiplier: 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoisyLinearCosineSchedule(10, variance: -1));
        Assert.Throws<ArgumentException>(() => new CyclicSchedule(mode: "sine"));
        Assert.Throws<ArgumentException>(() => new OneCycleSchedule(10, anneal: "cos"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TriStageSchedule(-1, 0, 0));
        Assert.Throws<ArgumentException>(() => new WarmupStableDecaySchedule(1, 1, 1, floorPolicy: "hf"));
    }

    [Fact]
    public void Qualified_names_pick_the_peer_and_print_back_qualified()
    {
        var fairseq = Schedule.Parse("fairseq.cosine(lr=[1.0], max_update=10)");
        var native = Schedule.Parse("cosine(steps=10)");

        Assert.StartsWith("fairseq.cosine(", fairseq.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("cosine(", native.ToString(), StringComparison.Ordinal);
        Assert.Equal(RateScale.Absolute, Schedule.Parse(fairseq.ToString()).Scale);
        Assert.StartsWith("torch.CyclicLR(", Schedule.Parse("torch.CyclicLR(base_lr=1, max_lr=2)").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shrinking_cycles_raise_where_the_peers_have_no_value()
    {
        var keras = Schedule.Parse("keras.CosineDecayRestarts(1.0, 10, t_mul=0.5)");
        var timm = Schedule.Parse("CosineLRScheduler(t_initial=10, cycle_mul=0.5, cycle_limit=100)");

        Assert.True(double.IsFinite(keras.Rate(19)));
        Assert.Throws<ArgumentOutOfRangeException>(() => keras.Rate(20));
        Assert.True(double.IsFinite(timm.Rate(19)));
        Assert.Throws<ArgumentOutOfRangeException>(() => timm.Rate(20));
    }

    [Fact]
    public void Cyclic_raises_where_pytorch_overflows()
    {
        var schedule = Schedule.Parse("torch.CyclicLR(base_lr=1, max_lr=2, step_size_up=1, mode='triangular2')");

        Assert.True(double.IsFinite(schedule.Rate(2046)));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Rate(2048));
    }
}
