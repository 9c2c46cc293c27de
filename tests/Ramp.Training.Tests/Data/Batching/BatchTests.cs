// The layout of one batch: EOS on the source, BOS in and EOS out on the target, PAD and masks after.
using Ramp.Training.Data.Batching;
using Ramp.Training.Data.Corpus;
using Ramp.Training.Data.Tokenizers;

namespace Ramp.Training.Tests.Data.Batching;

public class BatchTests
{
    private const int Pad = SpecialTokens.PadId, Bos = SpecialTokens.BeginId, Eos = SpecialTokens.EndId;

    [Fact]
    public void Rows_follow_the_source_eos_and_target_bos_eos_conventions()
    {
        TokenizedPair[] pairs = [new([5, 6], [7]), new([8], [9, 10, 11])];
        var batch = new Batcher(pairs, new BatchingOptions()).CreateBatch([0, 1]);

        Assert.Equal((2, 3, 4), (batch.Size, batch.SourceLength, batch.TargetLength));
        Assert.Equal([0, 1], batch.PairIndices);
        Assert.Equal([5, 6, Eos, /**/ 8, Eos, Pad], batch.SourceIds);
        Assert.Equal([true, true, true, /**/ true, true, false], batch.SourceMask);
        Assert.Equal([3, 2], batch.SourceLengths);
        Assert.Equal([Bos, 7, Pad, Pad, /**/ Bos, 9, 10, 11], batch.DecoderInputIds);
        Assert.Equal([7, Eos, Pad, Pad, /**/ 9, 10, 11, Eos], batch.DecoderOutputIds);
        Assert.Equal([true, true, false, false, /**/ true, true, true, true], batch.TargetMask);
        Assert.Equal([2, 4], batch.TargetLengths);
        Assert.Equal((5, 6), (batch.SourceTokenCount, batch.TargetTokenCount));
    }

    [Fact]
    public void Bad_pair_indices_are_rejected()
    {
        var batcher = new Batcher([new TokenizedPair([5], [6])], new BatchingOptions());
        Assert.Throws<ArgumentException>(() => batcher.CreateBatch([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.CreateBatch([1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.CreateBatch([-1]));
    }

    [Fact]
    public void Pairs_are_encoded_in_order_with_the_given_tokenizers()
    {
        var source = BytePairTokenizer.Train(["open the file"], 270);
        var target = CharacterTokenizer.Build(["打开文件"]);
        var encoded = TokenizedPair.Encode([new SentencePair("open", "打开", "a"), new SentencePair("the file", "文件", "b")], source, target);
        Assert.Equal(source.Encode("the file"), encoded[1].Source);
        Assert.Equal("文件", target.Decode(encoded[1].Target));
    }
}
