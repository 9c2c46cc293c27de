// Batch plans: every pair once per epoch, token budget kept, deterministic per (seed, epoch), length-sorted
// within pools, and resumable from a saved DataPosition.
using System.Text;
using System.Text.Json;
using Ramp.Training.Data.Batching;

namespace Ramp.Training.Tests.Data.Batching;

public class BatcherTests
{
    private static List<TokenizedPair> Pairs(int count, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new TokenizedPair(
            Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(4, 500)).ToArray(),
            Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(4, 500)).ToArray())).ToList();
    }

    private static readonly BatchingOptions Budget = new() { TokensPerBatch = 200, Seed = 42 };

    [Theory]
    [InlineData(0, true)]
    [InlineData(50, true)]
    [InlineData(0, false)]
    public void Every_pair_is_read_exactly_once_per_epoch(int poolSize, bool shuffle)
    {
        var batcher = new Batcher(Pairs(500), Budget with { SortPoolSize = poolSize, Shuffle = shuffle });
        for (var epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, 500), batcher.PlanEpoch(epoch).SelectMany(b => b).Order());
    }

    [Fact]
    public void Batches_keep_the_token_budget_and_pair_limit_on_both_sides_padding_included()
    {
        var pairs = Pairs(500);
        var batcher = new Batcher(pairs, Budget with { MaximumPairsPerBatch = 6 });
        foreach (var plan in batcher.PlanEpoch(0))
        {
            var batch = batcher.CreateBatch(plan);
            Assert.InRange(batch.Size, 1, 6);
            Assert.True(batch.Size * batch.SourceLength <= 200);
            Assert.True(batch.Size * batch.TargetLength <= 200);
        }
    }

    [Fact]
    public void Plan_is_a_function_of_seed_and_epoch()
    {
        var pairs = Pairs(300);
        var first = new Batcher(pairs, Budget);
        var second = new Batcher(pairs.ToList(), Budget);
        Assert.Equal(first.PlanEpoch(3), second.PlanEpoch(3));
        Assert.NotEqual(first.PlanEpoch(0), first.PlanEpoch(1));
        Assert.NotEqual(first.PlanEpoch(0), new Batcher(pairs, Budget with { Seed = 43 }).PlanEpoch(0));
    }

    [Fact]
    public void Without_shuffling_the_plan_is_length_sorted_and_the_same_every_epoch()
    {
        var pairs = Pairs(300);
        var batcher = new Batcher(pairs, Budget with { Shuffle = false });
        var plan = batcher.PlanEpoch(0);
        Assert.Equal(plan, batcher.PlanEpoch(5));
        var lengths = plan.SelectMany(b => b).Select(i => pairs[i].Target.Length).ToList();
        Assert.Equal(lengths.Order(), lengths);
    }

    [Fact]
    public void Sorting_a_whole_epoch_gives_batches_with_non_overlapping_target_lengths()
    {
        var pairs = Pairs(400);
        var ranges = new Batcher(pairs, Budget).PlanEpoch(2)
            .Select(b => (Low: b.Min(i => pairs[i].Target.Length), High: b.Max(i => pairs[i].Target.Length)))
            .OrderBy(r => r.Low).ThenBy(r => r.High).ToList();
        for (var k = 1; k < ranges.Count; k++)
            Assert.True(ranges[k - 1].High <= ranges[k].Low, $"batches {ranges[k - 1]} and {ranges[k]} overlap");
    }

    [Fact]
    public void Reading_from_a_saved_position_continues_with_the_same_batches()
    {
        var pairs = Pairs(120);
        var options = Budget with { SortPoolSize = 40 };
        var uninterrupted = new Batcher(pairs, options).Read(DataPosition.Start).Take(60).ToList();
        Assert.True(uninterrupted[^1].Position.Epoch >= 2, "the test must cross epoch boundaries");
        for (var i = 0; i + 1 < uninterrupted.Count; i++)
            Assert.Equal(uninterrupted[i].Next, uninterrupted[i + 1].Position);

        foreach (var stop in new[] { 1, 7, 23, 41 })
        {
            var saved = Save(uninterrupted[stop - 1].Next);
            var resumed = new Batcher(pairs, options).Read(Load(saved)).Take(uninterrupted.Count - stop).ToList();
            for (var k = 0; k < resumed.Count; k++)
            {
                Assert.Equal(uninterrupted[stop + k].Position, resumed[k].Position);
                Assert.Equal(uninterrupted[stop + k].Batch.SourceIds, resumed[k].Batch.SourceIds);
                Assert.Equal(uninterrupted[stop + k].Batch.DecoderOutputIds, resumed[k].Batch.DecoderOutputIds);
            }
        }
    }

    private static string Save(DataPosition position)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            position.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static DataPosition Load(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DataPosition.ReadFrom(document.RootElement);
    }

    [Fact]
    public void Pairs_longer_than_the_limits_are_left_out_and_counted()
    {
        TokenizedPair[] pairs = [new([5, 6, 7], [8]), new([5], [6, 7, 8, 9, 10]), new([5], [6])];
        var batcher = new Batcher(pairs, new BatchingOptions { MaximumSequenceLength = 4 });
        Assert.Equal((2, 1), (batcher.EligiblePairCount, batcher.SkippedPairCount));
        Assert.Equal([0, 2], batcher.PlanEpoch(0).SelectMany(b => b).Order());
        Assert.Throws<ArgumentException>(() => new Batcher(pairs[..2], new BatchingOptions { MaximumSequenceLength = 3 }));
    }

    [Fact]
    public void Fingerprint_changes_with_the_data_or_the_options()
    {
        var pairs = Pairs(50);
        var fingerprint = new Batcher(pairs, Budget).Fingerprint;
        Assert.Equal(fingerprint, new Batcher(Pairs(50), Budget).Fingerprint);
        Assert.NotEqual(fingerprint, new Batcher(pairs, Budget with { Seed = 1 }).Fingerprint);
        var changed = pairs.ToList();
        changed[10] = new TokenizedPair([.. changed[10].Source.Select(id => id + 1)], changed[10].Target);
        Assert.NotEqual(fingerprint, new Batcher(changed, Budget).Fingerprint);
    }

    [Fact]
    public void Bad_options_and_positions_are_rejected()
    {
        var pairs = Pairs(20);
        Assert.Equal("TokensPerBatch", Assert.Throws<ArgumentException>(() => new Batcher(pairs, new BatchingOptions { TokensPerBatch = 1 })).ParamName);
        Assert.Throws<ArgumentException>(() => new Batcher(pairs, new BatchingOptions { MaximumPairsPerBatch = 0 }));
        Assert.Throws<ArgumentException>(() => new Batcher(pairs, new BatchingOptions { SortPoolSize = -1 }));
        var batcher = new Batcher(pairs, Budget);
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.Read(new DataPosition(0, 10_000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.Read(new DataPosition(-1, 0)));
    }
}
