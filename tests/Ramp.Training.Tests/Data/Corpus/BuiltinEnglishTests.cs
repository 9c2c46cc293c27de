// The English inflection rules of the built-in corpus, on the regular words of its glossary and the edge cases the
// rules decide (sibilant plurals, consonant + y, silent e, phrasal verbs, a/an before u).
using Ramp.Training.Data.Corpus.Builtin;

namespace Ramp.Training.Tests.Data.Corpus;

public class BuiltinEnglishTests
{
    [Theory]
    [InlineData("file", "files")]
    [InlineData("branch", "branches")]
    [InlineData("process", "processes")]
    [InlineData("email address", "email addresses")]
    [InlineData("directory", "directories")]
    [InlineData("proxy", "proxies")]
    [InlineData("key", "keys")]
    [InlineData("display", "displays")]
    [InlineData("index", "indexes")]
    [InlineData("print job", "print jobs")]
    public void Plural_inflects_the_last_word(string singular, string plural) => Assert.Equal(plural, English.Plural(singular));

    [Theory]
    [InlineData("open", "opened", "opening")]
    [InlineData("save", "saved", "saving")]
    [InlineData("copy", "copied", "copying")]
    [InlineData("play", "played", "playing")]
    [InlineData("sync", "synced", "syncing")]
    [InlineData("back up", "backed up", "backing up")]
    [InlineData("connect to", "connected to", "connecting to")]
    public void Regular_verbs_inflect_their_first_word(string verb, string pastParticiple, string gerund)
    {
        Assert.Equal(pastParticiple, English.PastParticiple(verb));
        Assert.Equal(gerund, English.Gerund(verb));
    }

    [Theory]
    [InlineData("send", "sent", "sending")]
    [InlineData("stop", "stopped", "stopping")]
    [InlineData("write", "written", "writing")]
    [InlineData("hide", "hidden", "hiding")]
    [InlineData("leave", "left", "leaving")]
    [InlineData("rebuild", "rebuilt", "rebuilding")]
    [InlineData("reset", "reset", "resetting")]
    public void Irregular_verbs_have_their_forms_in_the_glossary(string verb, string pastParticiple, string gerund)
    {
        var entry = Assert.Single(Verbs.All, candidate => candidate.Base == verb);

        Assert.Equal(pastParticiple, entry.PastParticiple);
        Assert.Equal(gerund, entry.Gerund);
    }

    [Theory]
    [InlineData("file", "a")]
    [InlineData("image", "an")]
    [InlineData("update", "an")]
    [InlineData("user", "a")]
    [InlineData("email address", "an")]
    public void Article_follows_the_first_sound(string word, string article) => Assert.Equal(article, English.Article(word));

    [Theory]
    [InlineData("log file", "Log File")]
    [InlineData("back up", "Back Up")]
    [InlineData("connect to", "Connect to")]
    [InlineData("QR code", "QR Code")]
    public void Title_case_capitalizes_all_but_small_words(string text, string title) => Assert.Equal(title, English.TitleCase(text));
}
