// Byte-level BPE: a hand-worked example, the fast trainer against its reference twin, determinism,
// and exact round trips.
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Tests.Data.Tokenizers;

public class BytePairTokenizerTests
{
    private static readonly string[] Corpus =
    [
        "Open the file", "Save the file", "Close the window", "Open a new window", "The file was saved.",
        "打开文件", "保存文件", "关闭窗口", "文件已保存。", "Copy 3 files (%s)", "café au lait 😀", "naïve résumé",
    ];

    private static int Byte(char c) => BytePairTokenizer.FirstByteId + c;

    [Fact]
    public void Hand_worked_example_learns_the_most_frequent_pairs_with_ties_to_the_smaller_ids()
    {
        // "aaabdaaabac": aa occurs 4 times → merge 1 = (a, a) = 260. Then (aa, a) and (a, b) both occur twice;
        // (a, b) has the smaller left id → merge 2 = 261. Then (aa, ab) occurs twice → merge 3 = 262 ("aaab").
        var tokenizer = BytePairTokenizer.Train(["aaabdaaabac"], vocabularySize: 263);
        Assert.Equal([(Byte('a'), Byte('a')), (Byte('a'), Byte('b')), (260, 261)], tokenizer.Merges);
        Assert.Equal([262, Byte('d'), 262, Byte('a'), Byte('c')], tokenizer.Encode("aaabdaaabac"));
        Assert.Equal("aaab", System.Text.Encoding.UTF8.GetString(tokenizer.GetTokenBytes(262)));
    }

    [Theory]
    [InlineData(1, 300, 1)]
    [InlineData(2, 400, 2)]
    [InlineData(3, 1000, 2)]
    [InlineData(4, 600, 3)]
    public void Fast_trainer_learns_the_same_merges_as_the_reference(int seed, int vocabularySize, int minimumPairFrequency)
    {
        var random = new Random(seed);
        // A small alphabet makes many equal counts, so tie-breaking is exercised.
        var texts = Enumerable.Range(0, 300).Select(_ => new string(
            Enumerable.Range(0, random.Next(1, 30)).Select(_ => "aab c"[random.Next(5)]).ToArray())).ToList();
        texts.AddRange(Enumerable.Range(0, 100).Select(_ => RandomText.Next(random, 20)));
        texts.AddRange(Corpus);

        var fast = BytePairTokenizer.Train(texts, vocabularySize, minimumPairFrequency).Merges;
        var reference = BytePairReference.Train(texts, vocabularySize, minimumPairFrequency);
        Assert.Equal(reference, fast);
    }

    [Fact]
    public void Training_depends_on_the_texts_not_their_order()
    {
        var shuffled = Corpus.Reverse().ToArray();
        Assert.Equal(BytePairTokenizer.Train(Corpus, 320).Merges, BytePairTokenizer.Train(shuffled, 320).Merges);
    }

    [Fact]
    public void Vocabulary_reaches_the_requested_size_or_stops_when_no_pair_repeats()
    {
        var random = new Random(2);
        var texts = Enumerable.Range(0, 2000).Select(_ => RandomText.Next(random, 30)).ToList();
        Assert.Equal(400, BytePairTokenizer.Train(texts, 400).VocabularySize);

        var tiny = BytePairTokenizer.Train(["abcd"], 1000);
        Assert.Equal(BytePairTokenizer.FirstMergeId, tiny.VocabularySize);
        // With pairs seen once allowed: (a, b), then (c, d) (smaller left id than ab), then (ab, cd).
        var memorised = BytePairTokenizer.Train(["abcd"], 1000, minimumPairFrequency: 1);
        Assert.Equal([(Byte('a'), Byte('b')), (Byte('c'), Byte('d')), (260, 261)], memorised.Merges);
        Assert.Equal([262], memorised.Encode("abcd"));
    }

    [Fact]
    public void Decode_of_encode_is_exact_for_any_well_formed_text()
    {
        var random = new Random(11);
        var training = Corpus.Concat(Enumerable.Range(0, 200).Select(_ => RandomText.Next(random))).ToList();
        var tokenizer = BytePairTokenizer.Train(training, 700);
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText.Next(random, 80);
            var ids = tokenizer.Encode(text);
            Assert.DoesNotContain(SpecialTokens.UnknownId, ids);
            Assert.Equal(text, tokenizer.Decode(ids));
        }
    }

    [Fact]
    public void Frequent_words_become_single_tokens_and_encoding_is_stable()
    {
        var tokenizer = BytePairTokenizer.Train(Enumerable.Repeat("the file the file the window", 50), 300);
        Assert.Single(tokenizer.Encode(" file"));
        var first = tokenizer.Encode("the file of the window");
        Assert.Equal(first, tokenizer.Encode("the file of the window"));
        Assert.Equal(first, new BytePairTokenizer(tokenizer.Merges).Encode("the file of the window"));
    }

    [Fact]
    public void Decode_skips_padding_and_sequence_marks_and_shows_unknown_as_replacement()
    {
        var tokenizer = BytePairTokenizer.Train(Corpus, 300);
        int[] ids = [SpecialTokens.BeginId, .. tokenizer.Encode("ok"), SpecialTokens.UnknownId, SpecialTokens.EndId, SpecialTokens.PadId];
        Assert.Equal("ok\uFFFD", tokenizer.Decode(ids));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Decode([tokenizer.VocabularySize]));
    }

    [Fact]
    public void Unpaired_surrogates_and_bad_merges_are_rejected()
    {
        var tokenizer = BytePairTokenizer.Train(Corpus, 300);
        Assert.Throws<ArgumentException>(() => tokenizer.Encode("a\uDC00b"));
        Assert.Throws<ArgumentException>(() => BytePairTokenizer.Train(["x\uD800"], 300));
        Assert.Throws<ArgumentOutOfRangeException>(() => BytePairTokenizer.Train(Corpus, 259));
        Assert.Throws<ArgumentException>(() => new BytePairTokenizer([(Byte('a'), BytePairTokenizer.FirstMergeId)]));
        Assert.Throws<ArgumentException>(() => new BytePairTokenizer([(Byte('a'), Byte('b')), (Byte('a'), Byte('b'))]));
        Assert.Throws<ArgumentException>(() => new BytePairTokenizer([(SpecialTokens.PadId, Byte('b'))]));
    }
}
