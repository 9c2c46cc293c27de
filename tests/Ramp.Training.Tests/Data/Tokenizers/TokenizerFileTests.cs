// Saving and loading tokenizers: same vocabulary, same ids, byte-identical files; clear errors otherwise.
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Tests.Data.Tokenizers;

public sealed class TokenizerFileTests : IDisposable
{
    private static readonly string[] Texts = ["Open the file", "Save the file", "打开文件", "保存文件", "😀 ok"];
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string PathOf(string name) => Path.Combine(_scratch.Path, name);

    public static TheoryData<string> Kinds() => ["bpe", "characters", "characters-unknown"];

    private static ITokenizer Make(string kind) => kind switch
    {
        "bpe" => BytePairTokenizer.Train(Texts, 300),
        "characters" => CharacterTokenizer.Build(Texts),
        _ => CharacterTokenizer.Build(Texts, new CharacterTokenizerOptions { ByteFallback = false }),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Loaded_tokenizer_equals_the_saved_one(string kind)
    {
        var tokenizer = Make(kind);
        tokenizer.Save(PathOf("a.json"));
        var loaded = TokenizerFile.Load(PathOf("a.json"));

        Assert.Equal(tokenizer.GetType(), loaded.GetType());
        Assert.Equal(tokenizer.Kind, loaded.Kind);
        Assert.Equal(tokenizer.VocabularySize, loaded.VocabularySize);
        foreach (var text in Texts.Append("unseen 新 text"))
            Assert.Equal(tokenizer.Encode(text), loaded.Encode(text));
        loaded.Save(PathOf("b.json"));
        Assert.Equal(File.ReadAllBytes(PathOf("a.json")), File.ReadAllBytes(PathOf("b.json")));
        Assert.Equal(["a.json", "b.json"], Directory.GetFiles(_scratch.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not json", "")]
    [InlineData("{\"format\": \"other\"}", "not a tokenizer file")]
    [InlineData("{\"format\": \"ramp-tokenizer\", \"version\": 2}", "version 2")]
    [InlineData("{\"format\": \"ramp-tokenizer\", \"version\": 1, \"kind\": \"word\", \"specialTokens\": [\"<pad>\", \"<unk>\", \"<s>\", \"</s>\"]}", "kind 'word'")]
    [InlineData("{\"format\": \"ramp-tokenizer\", \"version\": 1, \"kind\": \"byte-bpe\", \"specialTokens\": [\"<pad>\", \"<unk>\", \"<s>\", \"</s>\"], \"preTokenizer\": \"ramp-pieces-1\", \"merges\": [[100, 260]]}", "Merge 0")]
    [InlineData("{\"format\": \"ramp-tokenizer\", \"version\": 1, \"kind\": \"character\", \"specialTokens\": [\"<pad>\", \"<unk>\", \"<s>\", \"</s>\"], \"byteFallback\": true, \"characters\": [\"ab\"]}", "exactly one Unicode character")]
    public void Invalid_file_is_reported_with_its_path(string content, string problem)
    {
        File.WriteAllText(PathOf("bad.json"), content);
        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(PathOf("bad.json")));
        Assert.StartsWith(PathOf("bad.json") + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
