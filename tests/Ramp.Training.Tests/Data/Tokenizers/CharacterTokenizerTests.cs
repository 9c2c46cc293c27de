// Character tokenizer: frequency-ordered vocabulary, unknown and byte-fallback policies, exact round trips.
using System.Text;
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Tests.Data.Tokenizers;

public class CharacterTokenizerTests
{
    private static readonly string[] Targets = ["打开文件", "保存文件", "文件已保存。", "关闭 😀"];

    [Fact]
    public void Characters_are_ordered_by_frequency_then_code_point()
    {
        var tokenizer = CharacterTokenizer.Build(Targets);
        var characters = tokenizer.Characters.Select(c => new Rune(c).ToString()).ToList();
        // 文 and 件 occur 3 times, 保 and 存 twice; the rest once, in code point order.
        Assert.Equal(["件", "文", "保", "存"], characters.Take(4));
        Assert.Equal(4 + 256 + characters.Count, tokenizer.VocabularySize);
        Assert.Equal(tokenizer.FirstCharacterId + 1, tokenizer.Encode("文")[0]);
        Assert.Single(tokenizer.Encode("😀"));
    }

    [Fact]
    public void Without_fallback_unknown_characters_become_the_unknown_token()
    {
        var tokenizer = CharacterTokenizer.Build(Targets, new CharacterTokenizerOptions { ByteFallback = false });
        Assert.Equal(SpecialTokens.Count, tokenizer.FirstCharacterId);
        var ids = tokenizer.Encode("打开新文件");
        Assert.Equal(SpecialTokens.UnknownId, ids[2]);
        Assert.Equal("打开\uFFFD文件", tokenizer.Decode(ids));
        Assert.Equal("保存文件。", tokenizer.Decode(tokenizer.Encode("保存文件。")));
    }

    [Fact]
    public void With_byte_fallback_every_text_round_trips()
    {
        var tokenizer = CharacterTokenizer.Build(Targets);
        Assert.Equal(3, tokenizer.Encode("新").Length);
        var random = new Random(5);
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText.Next(random, 60);
            var ids = tokenizer.Encode(text);
            Assert.DoesNotContain(SpecialTokens.UnknownId, ids);
            Assert.Equal(text, tokenizer.Decode(ids));
        }
    }

    [Fact]
    public void Minimum_count_and_maximum_size_leave_out_the_rarest_characters()
    {
        Assert.Equal(4, CharacterTokenizer.Build(Targets, new CharacterTokenizerOptions { MinimumCount = 2 }).Characters.Count);
        var capped = CharacterTokenizer.Build(Targets, new CharacterTokenizerOptions { MaximumVocabularySize = 4 + 256 + 2 });
        Assert.Equal(["件", "文"], capped.Characters.Select(c => new Rune(c).ToString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => CharacterTokenizer.Build(Targets, new CharacterTokenizerOptions { MaximumVocabularySize = 100 }));
    }

    [Fact]
    public void Invalid_bytes_from_a_model_decode_to_replacement_characters()
    {
        var tokenizer = CharacterTokenizer.Build(Targets);
        int[] ids = [SpecialTokens.Count + 0xE6, tokenizer.Encode("文")[0], SpecialTokens.Count + 0x41];
        Assert.Equal("\uFFFD文A", tokenizer.Decode(ids));
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => CharacterTokenizer.Build(["ok\uD800"]));
        Assert.Throws<ArgumentException>(() => CharacterTokenizer.Build(Targets).Encode("\uDFFF"));
        Assert.Throws<ArgumentException>(() => new CharacterTokenizer([0xD800], byteFallback: true));
    }
}
