// TFRecord framing, the container of TensorBoard event files: each record is
// uint64 length (LE) | uint32 masked CRC-32C of those 8 bytes | data | uint32 masked CRC-32C of the data.
using System.Buffers.Binary;
using System.Numerics;

namespace Ramp.Training.Logging;

/// <summary>Reads and writes TFRecord-framed records with their masked CRC-32C checksums.</summary>
public static class TfRecord
{
    /// <summary>CRC-32C (Castagnoli) of <paramref name="data"/>, as TensorFlow computes it before masking.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var value in data)
        {
            crc = BitOperations.Crc32C(crc, value);
        }

        return ~crc;
    }

    /// <summary>TensorFlow's masking of a CRC, which keeps CRCs of data that embeds CRCs well distributed.</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;

    /// <summary>Writes one record holding <paramref name="data"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Mask(Crc32C(header[..8])));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Mask(Crc32C(data)));
        stream.Write(header);
        stream.Write(data);
        stream.Write(footer);
    }

    /// <summary>Reads every record of <paramref name="stream"/>, checking both checksums of each.</summary>
    /// <exception cref="InvalidDataException">A record is truncated or a checksum does not match; the message names the offset.</exception>
    public static IEnumerable<byte[]> ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[12];
        var footer = new byte[4];
        long offset = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                yield break;
            }

            if (read < header.Length)
            {
                throw new InvalidDataException($"truncated record header at offset {offset}");
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)) != Mask(Crc32C(header.AsSpan(0, 8))))
            {
                throw new InvalidDataException($"length checksum mismatch at offset {offset}");
            }

            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (length > int.MaxValue)
            {
                throw new InvalidDataException($"record length {length} at offset {offset} is too large");
            }

            var data = new byte[(int)length];
            if (stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) < data.Length
                || stream.ReadAtLeast(footer, footer.Length, throwOnEndOfStream: false) < footer.Length)
            {
                throw new InvalidDataException($"truncated record at offset {offset}");
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(footer) != Mask(Crc32C(data)))
            {
                throw new InvalidDataException($"data checksum mismatch at offset {offset}");
            }

            offset += header.Length + data.Length + footer.Length;
            yield return data;
        }
    }
}
