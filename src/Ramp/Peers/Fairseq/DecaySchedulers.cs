// fairseq's inverse_sqrt and polynomial_decay learning-rate schedulers, with their config fields and
// defaults (warmup_updates, warmup_init_lr, end_learning_rate, power, total_num_update, lr).
// Absolute: fairseq's scheduler calls optimizer.set_lr(value), which writes the same value into every
// parameter group, and `lr` is the rate itself (optimization.lr, a one-element list, default [0.25]).
// Step origin: fairseq calls step_update(num_updates) before the first update with 0 and after every update
// with the new count, so update k+1 runs at f(k): Rate(k) == f(num_updates = k).
// Left out: polynomial_decay's force_anneal and lists of several lrs, which act per epoch.
namespace Ramp;

internal static class FairseqDecaySchedulers
{
    // optimization.lr's default in fairseq's config.
    private static readonly SpecValue DefaultLr = Spec.Of([0.25]);

    public static IEnumerable<ScheduleEntry> Entries =>
    [
        new(
            "inverse_sqrt",
            ScheduleOrigin.Fairseq,
            "Linear warmup from warmup_init_lr to lr over warmup_updates, then lr·sqrt(warmup_updates/n).",
            [
                new("warmup_updates", ParameterKind.Integer, "the length of the warmup") { Default = Spec.Of(4000.0), Minimum = 1 },
                new("warmup_init_lr", ParameterKind.Number, "the rate at update 0; negative means 0") { Default = Spec.Of(-1.0) },
                Lr(),
            ],
            arguments => new FairseqInverseSqrt(
                arguments.Canonical,
                arguments.Integer("warmup_updates"),
                DecayChecks.Finite(arguments.Number("warmup_init_lr"), "warmup_init_lr"),
                OneLr(arguments)))
        {
            Example = "fairseq.inverse_sqrt(warmup_updates=4000, lr=[0.0005])",
            Scale = RateScale.Absolute,
        },
        new(
            "polynomial_decay",
            ScheduleOrigin.Fairseq,
            "Warmup lr·n/warmup_updates (0 at update 0), then (lr - end)·(1 - progress)^power + end until total_num_update.",
            [
                new("warmup_updates", ParameterKind.Integer, "the length of the warmup") { Default = Spec.Of(0.0), Minimum = 0 },
                new("end_learning_rate", ParameterKind.Number, "the rate from total_num_update on") { Default = Spec.Of(0.0), Minimum = 0 },
                new("power", ParameterKind.Number, "the exponent; 1 is linear") { Default = Spec.Of(1.0), Minimum = 0 },
                new("total_num_update", ParameterKind.Number, "the update at which the decay ends") { Minimum = 0, MinimumExclusive = true },
                Lr(),
            ],
            arguments => new FairseqPolynomialDecay(
                arguments.Canonical,
                arguments.Integer("warmup_updates"),
                arguments.Number("end_learning_rate"),
                arguments.Number("power"),
                arguments.Number("total_num_update"),
                OneLr(arguments)))
        {
            Example = "fairseq.polynomial_decay(warmup_updates=1000, total_num_update=20000, lr=[0.0005])",
            Scale = RateScale.Absolute,
        },
    ];

    private static ParameterSpec Lr() => new("lr", ParameterKind.NumberList, "the peak rate, a one-element list") { Default = DefaultLr, Minimum = 0 };

    private static double OneLr(ScheduleArguments arguments)
    {
        var lr = arguments.Numbers("lr");
        return lr.Count == 1
            ? lr[0]
            : throw new ArgumentException($"lr has {lr.Count} values; allowed: exactly one (several lrs change per epoch, which Ramp's step schedules do not model)");
    }
}
