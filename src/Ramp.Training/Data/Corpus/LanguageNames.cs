// Compares locale names loosely enough for catalog headers: "zh_CN", "zh-CN" and "zh_CN.UTF-8" are the
// same language; a header that names only the language ("zh") matches any territory of it.
namespace Ramp.Training.Data.Corpus;

internal static class LanguageNames
{
    public static bool Matches(string requested, string declared)
    {
        var wanted = Normalize(requested);
        var actual = Normalize(declared);
        if (wanted.Equals(actual, StringComparison.OrdinalIgnoreCase))
            return true;
        return !actual.Contains('_', StringComparison.Ordinal)
            && wanted.StartsWith(actual + "_", StringComparison.OrdinalIgnoreCase);
    }

    // Drops the codeset (.UTF-8) but keeps the modifier (@latin), which names a different script.
    private static string Normalize(string name)
    {
        name = name.Trim().Replace('-', '_');
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var modifier = at < 0 ? "" : name[at..];
        var core = at < 0 ? name : name[..at];
        var dot = core.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? core : core[..dot]) + modifier;
    }
}
