// The three parts of a corpus, and the deterministic rule that puts a source text into one of them.
// Rule: u = (first 8 bytes of SHA-256 of the source's UTF-8, read big-endian) / 2^64, in [0, 1);
// u < valid → Valid, u < valid + test → Test, otherwise Train. The same source text therefore always
// lands in the same part, on any machine and in any run (reproducible in Python with hashlib), and
// growing the test fraction leaves the validation set unchanged.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ramp.Training.Data.Corpus;

/// <summary>A part of a parallel corpus.</summary>
public enum CorpusSplit
{
    /// <summary>Training data.</summary>
    Train,

    /// <summary>Validation data, for the loss curve and early decisions during training.</summary>
    Valid,

    /// <summary>Held-out test data, for the final evaluation.</summary>
    Test,
}

/// <summary>Assigns a source text to a split by a stable hash of its text.</summary>
public static class CorpusSplitter
{
    /// <summary>The position of <paramref name="source"/> in [0, 1): its SHA-256 prefix divided by 2^64.</summary>
    public static double HashFraction(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(source.Length);
        var buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(source, buffer);
        SHA256.HashData(buffer[..length], digest);
        return (BinaryPrimitives.ReadUInt64BigEndian(digest) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The split of <paramref name="source"/> for the given validation and test fractions.</summary>
    public static CorpusSplit Assign(string source, double validFraction, double testFraction)
    {
        var u = HashFraction(source);
        return u < validFraction ? CorpusSplit.Valid : u < validFraction + testFraction ? CorpusSplit.Test : CorpusSplit.Train;
    }
}
