// Finds the installed message catalogs of one language, where gettext itself looks for them:
// <prefix>/share/locale/<lang>/LC_MESSAGES/*.mo, and Ubuntu's language packs in share/locale-langpack.
// A locale directory matches when it is the language itself or the language with a codeset
// (zh_CN, zh_CN.UTF-8, zh_CN.utf8); other variants are not the same language (sr@latin is another
// script, zh is not zh_CN), so they are only read when asked for by name.
namespace Ramp.Training.Data.Corpus;

/// <summary>Discovers .mo files in the system's gettext locale tree.</summary>
public static class LocaleTree
{
    private static readonly string[] LocaleDirectories = ["share/locale", "share/locale-langpack"];

    /// <summary>The usual install prefixes: <c>/usr</c>, <c>/usr/local</c> and each directory in <c>/opt</c>.</summary>
    public static IReadOnlyList<string> DefaultPrefixes()
    {
        var prefixes = new List<string> { "/usr", "/usr/local" };
        if (Directory.Exists("/opt"))
            prefixes.AddRange(Directory.GetDirectories("/opt").Order(StringComparer.Ordinal));
        return prefixes;
    }

    /// <summary>The existing <c>LC_MESSAGES</c> directories for <paramref name="language"/> under the prefixes.</summary>
    public static IReadOnlyList<string> FindMessageDirectories(string language, IEnumerable<string> prefixes)
    {
        ArgumentException.ThrowIfNullOrEmpty(language);
        ArgumentNullException.ThrowIfNull(prefixes);
        var found = new List<string>();
        foreach (var prefix in prefixes)
        {
            foreach (var relative in LocaleDirectories)
            {
                var root = Path.Combine(prefix, relative);
                if (!Directory.Exists(root))
                    continue;
                var matches = Directory.GetDirectories(root)
                    .Where(directory => IsLanguageDirectory(Path.GetFileName(directory), language))
                    .Select(directory => Path.Combine(directory, "LC_MESSAGES"))
                    .Where(Directory.Exists)
                    .Order(StringComparer.Ordinal);
                found.AddRange(matches);
            }
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>All .mo files for <paramref name="language"/> under the prefixes, in path order.</summary>
    public static IReadOnlyList<string> FindCatalogs(string language, IEnumerable<string> prefixes)
        => FindMessageDirectories(language, prefixes)
            .SelectMany(directory => Directory.GetFiles(directory, "*.mo"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsLanguageDirectory(string name, string language)
        => name.Equals(language, StringComparison.Ordinal)
            || (!language.Contains('.', StringComparison.Ordinal)
                && name.StartsWith(language + ".", StringComparison.Ordinal));
}
