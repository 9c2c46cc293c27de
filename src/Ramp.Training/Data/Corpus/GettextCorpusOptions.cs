// Options of `ramp data gettext`: where the catalogs are, how entries are cleaned and filtered, and
// how the pairs are split. Lengths count Unicode code points, on each side separately.
using System.Text.RegularExpressions;

namespace Ramp.Training.Data.Corpus;

/// <summary>How to build a parallel corpus from gettext catalogs (English source, <see cref="Language"/> target).</summary>
public sealed partial record GettextCorpusOptions
{
    /// <summary>Target locale, as named in the locale tree: <c>zh_CN</c>, <c>de</c>, <c>pt_BR</c>.</summary>
    public required string Language { get; init; }

    /// <summary>
    /// A directory searched recursively for .mo and .po files instead of the system locale tree. Catalogs whose
    /// header declares another language are skipped.
    /// </summary>
    public string? SourceDirectory { get; init; }

    /// <summary>Install prefixes whose <c>share/locale</c> is searched; null means <see cref="LocaleTree.DefaultPrefixes"/>.</summary>
    public IReadOnlyList<string>? LocalePrefixes { get; init; }

    /// <summary>Remove printf, Python, Qt and brace format directives (<c>%s</c>, <c>%1$d</c>, <c>%(name)s</c>, <c>%1</c>, <c>{0}</c>) on both sides.</summary>
    public bool StripFormatDirectives { get; init; }

    /// <summary>Remove keyboard accelerators (<c>_File</c>, <c>&amp;File</c>, <c>文件(_F)</c>) on both sides.</summary>
    public bool StripAccelerators { get; init; }

    /// <summary>Keep pairs whose translation equals the source (dropped by default).</summary>
    public bool KeepIdentical { get; init; }

    /// <summary>Minimum length of each side, in code points, after cleaning.</summary>
    public int MinimumLength { get; init; } = 1;

    /// <summary>Maximum length of each side, in code points, after cleaning.</summary>
    public int MaximumLength { get; init; } = 200;

    /// <summary>What to keep when a source has several translations.</summary>
    public MultipleTargetPolicy MultipleTargets { get; init; } = MultipleTargetPolicy.MostFrequent;

    /// <summary>Share of source texts (by hash) in the validation split.</summary>
    public double ValidFraction { get; init; } = 0.05;

    /// <summary>Share of source texts (by hash) in the test split.</summary>
    public double TestFraction { get; init; } = 0.05;

    /// <summary>Checks every option; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Language) || !LocaleName().IsMatch(Language))
            throw new ArgumentException($"Language '{Language}' is not a locale name; expected e.g. zh_CN, de, pt_BR or sr@latin.", nameof(Language));
        if (MinimumLength < 0)
            throw new ArgumentException($"MinimumLength {MinimumLength} is negative; expected 0 or more.", nameof(MinimumLength));
        if (MaximumLength < Math.Max(1, MinimumLength))
            throw new ArgumentException($"MaximumLength {MaximumLength} is below MinimumLength {MinimumLength} or 1; expected at least both.", nameof(MaximumLength));
        if (!(ValidFraction >= 0 && ValidFraction < 1))
            throw new ArgumentException($"ValidFraction {ValidFraction} is outside [0, 1).", nameof(ValidFraction));
        if (!(TestFraction >= 0 && TestFraction < 1))
            throw new ArgumentException($"TestFraction {TestFraction} is outside [0, 1).", nameof(TestFraction));
        if (ValidFraction + TestFraction >= 1)
            throw new ArgumentException($"ValidFraction + TestFraction = {ValidFraction + TestFraction} leaves nothing to train on; expected a sum below 1.", nameof(TestFraction));
        if (!Enum.IsDefined(MultipleTargets))
            throw new ArgumentException($"MultipleTargets {MultipleTargets} is not a policy; expected MostFrequent, First or KeepAll.", nameof(MultipleTargets));
    }

    // language[_territory][.codeset][@modifier], as glibc names locales; also keeps path separators out.
    [GeneratedRegex(@"^[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})?(\.[A-Za-z0-9_-]+)?(@[A-Za-z0-9]+)?$")]
    private static partial Regex LocaleName();
}
