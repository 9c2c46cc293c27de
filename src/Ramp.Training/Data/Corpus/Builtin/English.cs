// The few rules of English inflection the built-in corpus needs, for the regular words of its glossary; irregular
// forms are written out in the glossary itself. A phrasal verb ("back up", "connect to") inflects its first word.
namespace Ramp.Training.Data.Corpus.Builtin;

internal static class English
{
    // Words a title leaves in lower case unless they come first.
    private static readonly HashSet<string> SmallWords = new(["a", "an", "and", "for", "from", "in", "of", "on", "or", "the", "to", "with"], StringComparer.Ordinal);

    /// <summary>"file" → "files", "branch" → "branches", "directory" → "directories"; a compound inflects its last word.</summary>
    public static string Plural(string noun)
    {
        var space = noun.LastIndexOf(' ');
        var head = noun[..(space + 1)];
        var word = noun[(space + 1)..];
        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("sh", StringComparison.Ordinal) || word.EndsWith("ch", StringComparison.Ordinal))
            return head + word + "es";
        if (EndsWithConsonantY(word))
            return head + word[..^1] + "ies";
        return head + word + "s";
    }

    /// <summary>"open" → "opened", "save" → "saved", "copy" → "copied", "back up" → "backed up".</summary>
    public static string PastParticiple(string verb) => InflectFirstWord(verb, word =>
        word.EndsWith('e') ? word + "d"
        : EndsWithConsonantY(word) ? word[..^1] + "ied"
        : word + "ed");

    /// <summary>"open" → "opening", "save" → "saving", "back up" → "backing up".</summary>
    public static string Gerund(string verb) => InflectFirstWord(verb, word =>
        word.EndsWith('e') && !word.EndsWith("ee", StringComparison.Ordinal) ? word[..^1] + "ing" : word + "ing");

    /// <summary>"a" or "an" before <paramref name="word"/>, by its first letter ("a user", "an update").</summary>
    public static string Article(string word)
    {
        var first = char.ToLowerInvariant(word[0]);
        var vowel = first is 'a' or 'e' or 'i' or 'o'
            || (first == 'u' && !word.StartsWith("us", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("uni", StringComparison.OrdinalIgnoreCase));
        return vowel ? "an" : "a";
    }

    /// <summary>The text with its first letter in upper case.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Title case of menu items: "log file" → "Log File", "back up" → "Back Up", "connect to" → "Connect to".</summary>
    public static string TitleCase(string text)
        => string.Join(' ', text.Split(' ').Select((word, i) => i > 0 && SmallWords.Contains(word) ? word : Capitalized(word)));

    private static bool EndsWithConsonantY(string word)
        => word.Length > 1 && word[^1] == 'y' && word[^2] is not ('a' or 'e' or 'i' or 'o' or 'u');

    private static string InflectFirstWord(string verb, Func<string, string> inflect)
    {
        var space = verb.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? inflect(verb) : inflect(verb[..space]) + verb[space..];
    }
}
