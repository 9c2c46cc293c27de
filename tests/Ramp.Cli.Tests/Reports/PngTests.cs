// The screenshot decoder: each scanline filter undone on a 2x2 image whose filtered bytes were worked out
// by hand from the PNG specification's definitions (section 9.2), RGBA, image data split over IDAT chunks,
// and the checks that refuse what it does not read.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Ramp.Cli.Tests.Reports;

public sealed class PngTests
{
    // The image: (10,20,30) (40,50,60) / (15,25,35) (100,110,120).
    private static readonly byte[][] Rows = [[10, 20, 30, 40, 50, 60], [15, 25, 35, 100, 110, 120]];

    [Theory]
    [InlineData(0, new byte[] { 15, 25, 35, 100, 110, 120 })]
    [InlineData(1, new byte[] { 15, 25, 35, 85, 85, 85 })] // minus the left pixel
    [InlineData(2, new byte[] { 5, 5, 5, 60, 60, 60 })] // minus the pixel above
    [InlineData(3, new byte[] { 10, 15, 20, 73, 73, 73 })] // minus floor((left + above) / 2): 100 - 27
    [InlineData(4, new byte[] { 5, 5, 5, 60, 60, 60 })] // Paeth picks the pixel above in both columns
    public void Each_filter_is_undone(byte filter, byte[] secondRow)
    {
        var file = Encode(2, 2, colorType: 2, [[0, .. Rows[0]], [filter, .. secondRow]]);

        var image = Png.Decode(file);

        Assert.Equal((2, 2), (image.Width, image.Height));
        Assert.Equal(((byte)10, (byte)20, (byte)30), image[0, 0]);
        Assert.Equal(((byte)40, (byte)50, (byte)60), image[1, 0]);
        Assert.Equal(((byte)15, (byte)25, (byte)35), image[0, 1]);
        Assert.Equal(((byte)100, (byte)110, (byte)120), image[1, 1]);
    }

    [Fact]
    public void Sums_wrap_around_at_256()
    {
        // Sub: 250, then 250 + 10 = 260 = 4 (mod 256).
        var image = Png.Decode(Encode(2, 1, colorType: 2, [[1, 250, 250, 250, 10, 10, 10]]));

        Assert.Equal(((byte)4, (byte)4, (byte)4), image[1, 0]);
    }

    [Fact]
    public void Reads_rgba_with_the_image_data_split_over_chunks()
    {
        var image = Png.Decode(Encode(1, 2, colorType: 6, [[0, 1, 2, 3, 255], [2, 1, 1, 1, 0]], splitData: true));

        Assert.Equal(((byte)1, (byte)2, (byte)3), image[0, 0]);
        Assert.Equal(((byte)2, (byte)3, (byte)4), image[0, 1]);
    }

    [Fact]
    public void Refuses_other_kinds_and_damaged_files()
    {
        var palette = Encode(1, 1, colorType: 3, [[0, 0]]);
        var damaged = Encode(1, 1, colorType: 2, [[0, 1, 2, 3]]);
        damaged[^20] ^= 0xFF;

        Assert.StartsWith("PNG bit depth 8, color type 3", Assert.Throws<NotSupportedException>(() => Png.Decode(palette)).Message, StringComparison.Ordinal);
        Assert.Contains("CRC mismatch", Assert.Throws<InvalidDataException>(() => Png.Decode(damaged)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => Png.Decode([1, 2, 3]));
    }

    // A PNG of already filtered scanlines (each starting with its filter byte).
    private static byte[] Encode(int width, int height, byte colorType, byte[][] scanlines, bool splitData = false)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = colorType;
        Chunk(file, "IHDR", header);
        using var data = new MemoryStream();
        using (var deflater = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach (var line in scanlines)
            {
                deflater.Write(line);
            }
        }

        var bytes = data.ToArray();
        var half = splitData ? bytes.Length / 2 : bytes.Length;
        Chunk(file, "IDAT", bytes[..half]);
        if (splitData)
        {
            Chunk(file, "IDAT", bytes[half..]);
        }

        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var buffer = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, buffer.AsSpan(4));
        data.CopyTo(buffer, 8);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8 + data.Length), Png.Crc(buffer.AsSpan(4, 4 + data.Length)));
        file.Write(buffer);
    }
}
