// The --split VALID,TEST option of `ramp data gettext` and `ramp data builtin`: the fractions of sources (by the
// hash of the source text) that go to the validation and test splits.
using Ramp.Cli.Infrastructure;

namespace Ramp.Cli.Data;

/// <summary>The validation and test fractions of a corpus command.</summary>
internal static class SplitOption
{
    public static OptionSpec Spec { get; } = new("--split", "VALID,TEST", "fractions of sources (by hash) in the validation and test splits (default 0.05,0.05)");

    /// <summary>The two fractions, each in [0, 1); one line naming the option when there are not two.</summary>
    public static (double Valid, double Test) Read(ParsedArguments arguments)
    {
        var split = arguments.Numbers(Spec.Name, value => value >= 0 && value < 1, "fractions in [0, 1)", [0.05, 0.05]);
        if (split.Count != 2)
        {
            throw new UsageException($"{Spec.Name} '{arguments.Text(Spec.Name)}' must give two fractions, VALID,TEST, e.g. 0.05,0.05");
        }

        return (split[0], split[1]);
    }
}
