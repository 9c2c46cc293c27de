// Fills the placeholders of a Template (see Templates for their names) from one verb, object, count and reason.
// An unknown placeholder, or one the template's needs do not allow (a plural of an uncountable noun), throws: it is
// a mistake in the glossary, not in the input.
using System.Globalization;
using System.Text;

namespace Ramp.Training.Data.Corpus.Builtin;

/// <summary>The words one template instance is made of.</summary>
/// <param name="Verb">The verb, or null for a template of an object alone.</param>
/// <param name="Object">The object.</param>
/// <param name="Count">The value of {n}.</param>
/// <param name="Reason">The value of {reason}.</param>
internal readonly record struct TemplateFiller(Verb? Verb, Noun Object, int Count, (string English, string Chinese) Reason)
{
    /// <summary>Whether the verb and object allow what the template needs.</summary>
    public bool Allows(TemplateNeeds needs)
        => (!needs.HasFlag(TemplateNeeds.Countable) || Object.Countable)
            && (!needs.HasFlag(TemplateNeeds.Stored) || Object.Stored)
            && (!needs.HasFlag(TemplateNeeds.Named) || Object.Named)
            && (!needs.HasFlag(TemplateNeeds.Passive) || Verb!.Forms.HasFlag(VerbForms.Passive))
            && (!needs.HasFlag(TemplateNeeds.Past) || Verb!.Forms.HasFlag(VerbForms.Past));

    /// <summary>The English sentence of <paramref name="template"/>.</summary>
    public string Source(Template template) => Fill(template.English, EnglishWord);

    /// <summary>The Chinese sentence of <paramref name="template"/>.</summary>
    public string Target(Template template) => Fill(template.Chinese, ChineseWord);

    private string EnglishWord(string name) => name switch
    {
        "verb" => TheVerb.Base,
        "Verb" => English.Capitalized(TheVerb.Base),
        "verbed" => TheVerb.PastParticiple,
        "Verbed" => English.Capitalized(TheVerb.PastParticiple),
        "verbing" => TheVerb.Gerund,
        "Verbing" => English.Capitalized(TheVerb.Gerund),
        "object" => Object.Singular,
        "Object" => English.Capitalized(Object.Singular),
        "objects" => Object.Plural,
        "Objects" => English.Capitalized(Object.Plural),
        "TitleVerb" => English.TitleCase(TheVerb.Base),
        "TitleObject" => English.TitleCase(Object.Singular),
        "A" => English.Capitalized(English.Article(Object.Singular)),
        "n" => Count.ToString(CultureInfo.InvariantCulture),
        "reason" => Reason.English,
        _ => throw new InvalidOperationException($"built-in corpus: unknown English placeholder {{{name}}}"),
    };

    private string ChineseWord(string name) => name switch
    {
        "v" => TheVerb.Chinese,
        "o" => Object.Chinese,
        "m" => Object.Measure ?? throw new InvalidOperationException($"built-in corpus: '{Object.Singular}' has no measure word"),
        "n" => Count.ToString(CultureInfo.InvariantCulture),
        "reason" => Reason.Chinese,
        _ => throw new InvalidOperationException($"built-in corpus: unknown Chinese placeholder {{{name}}}"),
    };

    private Verb TheVerb => Verb ?? throw new InvalidOperationException("built-in corpus: a template of an object alone names a verb");

    private static string Fill(string pattern, Func<string, string> word)
    {
        var text = new StringBuilder(pattern.Length + 16);
        var at = 0;
        while (at < pattern.Length)
        {
            var open = pattern.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(pattern, at, pattern.Length - at);
                break;
            }

            var close = pattern.IndexOf('}', open);
            text.Append(pattern, at, open - at).Append(word(pattern[(open + 1)..close]));
            at = close + 1;
        }

        return text.ToString();
    }
}
