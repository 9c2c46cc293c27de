// The data-order generator must be SplitMix64 exactly, or orders would differ from the documented ones.
using Ramp.Training.Data.Batching;

namespace Ramp.Training.Tests.Data.Batching;

public class SplitMix64Tests
{
    [Fact]
    public void Output_matches_the_published_reference_for_seed_1234567()
    {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": the first five outputs for seed 1234567.
        var random = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        foreach (var value in expected)
            Assert.Equal(value, random.Next());
    }

    [Fact]
    public void Bounded_draws_stay_in_range_and_shuffle_permutes()
    {
        var random = new SplitMix64(9);
        var seen = new int[7];
        for (var i = 0; i < 7000; i++)
            seen[random.NextBelow(7)]++;
        Assert.All(seen, count => Assert.InRange(count, 800, 1200));

        var items = Enumerable.Range(0, 100).ToArray();
        random.Shuffle(items.AsSpan());
        Assert.Equal(Enumerable.Range(0, 100), items.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), items);
    }
}
