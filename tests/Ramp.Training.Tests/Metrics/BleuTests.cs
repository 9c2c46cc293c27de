// BLEU against sacreBLEU's own test vectors (mjpost/sacrebleu, test/test_bleu.py @2ae1366), EPSILON 1e-8 as there.
using Ramp.Training.Metrics;

namespace Ramp.Training.Tests.Metrics;

public class BleuTests
{
    private static readonly string[] Hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    private static readonly string[][] References =
    [
        ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
        ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
    ];

    [Theory]
    [InlineData(BleuTokenization.Thirteen, BleuSmoothing.Exponential, 48.530827)] // test_corpus_bleu, default settings
    [InlineData(BleuTokenization.None, BleuSmoothing.Exponential, 49.1919566)]    // tokenize='none'
    [InlineData(BleuTokenization.Thirteen, BleuSmoothing.None, 48.530827)]        // smooth_method='none'
    public void Corpus_bleu_matches_sacrebleu_readme_example(BleuTokenization tokenization, BleuSmoothing smoothing, double expected)
    {
        var score = Bleu.Corpus(Hypotheses, References, new BleuOptions { Tokenization = tokenization, Smoothing = smoothing });

        Assert.Equal(expected, score.Score, 1e-6);
    }

    [Fact]
    public void Empty_hypotheses_score_zero() // test_corpus_bleu: ('', '', '') -> 0.0
        => Assert.Equal(0.0, Bleu.Corpus(["", "", ""], References, new BleuOptions { Tokenization = BleuTokenization.Thirteen }).Score);

    // raw_corpus_bleu(hyps, [refs], 0.01): floor smoothing 0.01, tokenize none, effective order.
    [Theory]
    [InlineData(new[] { "this is a test" }, new[] { "this is a test" }, 1.0)]
    [InlineData(new[] { "this is a fest" }, new[] { "this is a test" }, 0.223606797749979)]
    [InlineData(new[] { "test" }, new[] { "a test" }, 0.3678794411714425)]        // test_effective_order
    [InlineData(new[] { "a test" }, new[] { "a test" }, 1.0)]
    [InlineData(new[] { "a little test" }, new[] { "a test" }, 0.03218297948685433)]
    public void Raw_corpus_bleu_matches_sacrebleu(string[] hypotheses, string[] references, double expected)
    {
        var options = new BleuOptions { Tokenization = BleuTokenization.None, Smoothing = BleuSmoothing.Floor, SmoothingValue = 0.01, EffectiveOrder = true };

        Assert.Equal(expected, Bleu.Corpus(hypotheses, [references], options).Score / 100, 1e-8);
    }

    // test_bleu.py lists 0.003799178428257963 for this case; that figure predates sacreBLEU 2's early stop
    // when nothing matches (sacrebleu#141, metrics/bleu.py), which Ramp follows: the score is 0.
    [Fact]
    public void No_matching_ngram_scores_zero_as_sacrebleu_2()
    {
        var options = new BleuOptions { Tokenization = BleuTokenization.None, Smoothing = BleuSmoothing.Floor, SmoothingValue = 0.01, EffectiveOrder = true };

        Assert.Equal(0.0, Bleu.Corpus(["this is a test", "another test"], [["ref1", "ref2"]], options).Score);
    }

    [Fact]
    public void Statistics_match_sacrebleu_test_statistics()
    {
        var options = new BleuOptions { Tokenization = BleuTokenization.None, Smoothing = BleuSmoothing.Floor, SmoothingValue = 0.01, EffectiveOrder = true };

        var score = Bleu.Corpus(["am I am a character sequence"], [["I am a symbol string sequence a a"]], options);

        Assert.Equal([4.0, 2, 1, 0], score.Correct);
        Assert.Equal([6.0, 5, 4, 3], score.Total);
    }

    [Fact]
    public void Score_from_statistics_matches_sacrebleu_test_scoring()
    {
        var score = Bleu.FromStatistics([9, 7, 5, 3], [10, 8, 6, 4], 11, 11, new BleuOptions { Smoothing = BleuSmoothing.None });

        Assert.Equal(0.8375922397, score.Score / 100, 1e-8);
    }

    [Theory] // test_degenerate_statistics: floor smoothing with offsets, all expected 0
    [InlineData(new double[] { 0, 0, 0, 0 }, new double[] { 4, 4, 2, 1 }, 0, 1, 0.0)]
    [InlineData(new double[] { 0, 0, 0, 0 }, new double[] { 10, 11, 12, 0 }, 14, 10, 0.0)]
    [InlineData(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0, 0 }, 0, 0, 0.0)]
    [InlineData(new double[] { 6, 5, 4, 0 }, new double[] { 6, 5, 4, 3 }, 6, 6, 0.0)]
    [InlineData(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0, 0 }, 0, 0, 0.1)]
    [InlineData(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0, 0 }, 1, 5, 0.01)]
    public void Degenerate_statistics_score_zero(double[] correct, double[] total, long hypothesisLength, long referenceLength, double offset)
    {
        var score = Bleu.FromStatistics(correct, total, hypothesisLength, referenceLength, new BleuOptions { Smoothing = BleuSmoothing.Floor, SmoothingValue = offset });

        Assert.Equal(0.0, score.Score);
    }

    [Fact]
    public void Chinese_tokenization_scores_characters()
    {
        // Reference 打开文件 vs hypothesis 打开文档: 3 of 4 characters, 2 of 3 bigrams, 1 of 2 trigrams, 0 of 1 4-grams
        // (exp smoothing: 100 / (2 * 1)). BLEU = exp(mean(log [75, 66.67, 50, 50])).
        var score = Bleu.Corpus(["打开文档"], [["打开文件"]]);

        Assert.Equal([3.0, 2, 1, 0], score.Correct);
        Assert.Equal(Math.Exp((Math.Log(75) + Math.Log(200.0 / 3) + Math.Log(50) + Math.Log(50)) / 4), score.Score, 1e-10);
    }

    [Fact]
    public void Mismatched_reference_stream_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Bleu.Corpus(["a", "b"], [["a"]]));

        Assert.Contains("1 segments but there are 2 hypotheses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_like_sacrebleu()
        => Assert.StartsWith("BLEU = 48.53 ", Bleu.Corpus(Hypotheses, References, new BleuOptions { Tokenization = BleuTokenization.Thirteen }).ToString(), StringComparison.Ordinal);
}
