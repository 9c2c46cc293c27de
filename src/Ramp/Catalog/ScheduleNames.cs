// Name matching for the spec language: case and underscores are ignored, and a dotted prefix such as
// `torch.optim.lr_scheduler.` or `tf.keras.optimizers.schedules.` selects the origin library.
namespace Ramp;

/// <summary>Normalizes schedule and parameter names and maps qualifiers to origins.</summary>
public static class ScheduleNames
{
    private static readonly Dictionary<string, ScheduleOrigin> Qualifiers = new(StringComparer.Ordinal)
    {
        ["ramp"] = ScheduleOrigin.Ramp,
        ["torch"] = ScheduleOrigin.PyTorch,
        ["pytorch"] = ScheduleOrigin.PyTorch,
        ["transformers"] = ScheduleOrigin.HuggingFace,
        ["hf"] = ScheduleOrigin.HuggingFace,
        ["huggingface"] = ScheduleOrigin.HuggingFace,
        ["keras"] = ScheduleOrigin.Keras,
        ["tf"] = ScheduleOrigin.Keras,
        ["tensorflow"] = ScheduleOrigin.Keras,
        ["optax"] = ScheduleOrigin.Optax,
        ["timm"] = ScheduleOrigin.Timm,
        ["fairseq"] = ScheduleOrigin.Fairseq,
        ["paddle"] = ScheduleOrigin.Paddle,
        ["pytorchwarmup"] = ScheduleOrigin.PytorchWarmup,
        ["warmup"] = ScheduleOrigin.PytorchWarmup,
    };

    /// <summary>The qualifier of each origin, in the order of <see cref="ScheduleOrigin"/>: <c>ramp</c>, <c>torch</c>, ...</summary>
    public static IReadOnlyList<string> QualifierNames { get; } = [.. Enum.GetValues<ScheduleOrigin>().Select(Qualifier)];

    /// <summary>The accepted qualifier (aliases such as <c>tf</c> included) nearest to <paramref name="qualifier"/>, if any is near.</summary>
    public static IReadOnlyList<string> NearestQualifiers(string qualifier) => Nearest(qualifier, Qualifiers.Keys, 1);

    /// <summary>The origin that <paramref name="qualifier"/> selects (ignoring case and underscores), if it is one.</summary>
    public static bool TryParseQualifier(string qualifier, out ScheduleOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(qualifier);
        return Qualifiers.TryGetValue(Normalize(qualifier), out origin);
    }

    /// <summary>Lower case without underscores: <c>StepLR</c>, <c>step_lr</c> and <c>steplr</c> are one name.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
    }

    /// <summary>The short qualifier that selects <paramref name="origin"/>, e.g. <c>torch</c>.</summary>
    public static string Qualifier(ScheduleOrigin origin) => origin switch
    {
        ScheduleOrigin.Ramp => "ramp",
        ScheduleOrigin.PyTorch => "torch",
        ScheduleOrigin.HuggingFace => "transformers",
        ScheduleOrigin.Keras => "keras",
        ScheduleOrigin.Optax => "optax",
        ScheduleOrigin.Timm => "timm",
        ScheduleOrigin.Fairseq => "fairseq",
        ScheduleOrigin.Paddle => "paddle",
        ScheduleOrigin.PytorchWarmup => "pytorch_warmup",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown origin"),
    };

    /// <summary>
    /// Splits a possibly dotted name into its last segment and the origin named by the first segment that
    /// is a known qualifier (other segments, like <c>optim</c> or <c>schedules</c>, are ignored).
    /// </summary>
    public static (string Name, ScheduleOrigin? Origin) Split(string qualifiedName)
    {
        ArgumentNullException.ThrowIfNull(qualifiedName);
        var segments = qualifiedName.Split('.');
        ScheduleOrigin? origin = null;
        for (var i = 0; i < segments.Length - 1 && origin is null; i++)
        {
            if (Qualifiers.TryGetValue(Normalize(segments[i]), out var found))
            {
                origin = found;
            }
        }

        return (segments[^1], origin);
    }

    /// <summary>The Levenshtein distance between two normalized names, for "did you mean" suggestions.</summary>
    public static int Distance(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var previous = new int[second.Length + 1];
        var current = new int[second.Length + 1];
        for (var j = 0; j <= second.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Length];
    }

    /// <summary>Up to <paramref name="count"/> candidates nearest to <paramref name="name"/>, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> candidates, int count = 3)
    {
        var key = Normalize(name);
        return [.. candidates
            .Select(candidate => (candidate, distance: Distance(key, Normalize(candidate))))
            .Where(pair => pair.distance <= Math.Max(3, key.Length / 2) || Normalize(pair.candidate).Contains(key, StringComparison.Ordinal))
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.candidate)];
    }
}
