// TensorBoard event files: CRC-32C and its mask as TensorFlow defines them, records that read back, and
// byte-exact protobuf encoding of a scalar event.
using System.Text;
using Ramp.Training.Logging;

namespace Ramp.Training.Tests.Logging;

public sealed class TensorBoardTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ramp-tb-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("123456789", 0xE3069283u)] // the CRC-32C check value (RFC 3720, appendix B.4)
    [InlineData("a", 0xC1D04330u)]
    public void Crc32c_matches_the_castagnoli_check_values(string text, uint expected)
        => Assert.Equal(expected, TfRecord.Crc32C(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Mask_rotates_and_adds_tensorflow_constant()
        => Assert.Equal(((0xE3069283u >> 15) | (0xE3069283u << 17)) + 0xA282EAD8u, TfRecord.Mask(0xE3069283u));

    [Fact]
    public void Scalar_event_encodes_the_protobuf_fields_exactly()
    {
        var bytes = EventProtocol.Scalar("lr", 3, 0.5f, 1.0);

        // wall_time (field 1, fixed64) 1.0; step (field 2, varint) 3; summary (field 5) { value (1) { tag (1) "lr", simple_value (2) 0.5f } }
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x10, 0x03, 0x2A, 0x0B, 0x0A, 0x09, 0x0A, 0x02, (byte)'l', (byte)'r', 0x15, 0, 0, 0, 0x3F];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Session_start_is_encoded_as_a_session_log_with_status_start()
    {
        var bytes = EventProtocol.SessionStart(9, 1.0);

        // wall_time (field 1, fixed64) 1.0; step (field 2, varint) 9; session_log (field 7) { status (1) START = 1 }
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x10, 0x09, 0x3A, 0x02, 0x08, 0x01];
        Assert.Equal(expected, bytes);
        Assert.Equal(9, EventProtocol.ReadSessionStart(bytes));
        Assert.Null(EventProtocol.ReadSessionStart(EventProtocol.Scalar("lr", 9, 1f, 1.0)));
        Assert.Empty(EventProtocol.ReadScalars(bytes));
    }

    [Fact]
    public void A_resumed_session_replaces_the_steps_an_interrupted_one_logged_after_its_checkpoint()
    {
        using (var interrupted = new TensorBoardWriter(directory, sessionStartStep: 1))
        {
            for (var step = 1; step <= 5; step++)
            {
                interrupted.AddScalar("train/loss", step, step);
            }
        }

        Thread.Sleep(5);
        using (var resumed = new TensorBoardWriter(directory, sessionStartStep: 4))
        {
            for (var step = 4; step <= 6; step++)
            {
                resumed.AddScalar("train/loss", 10 * step, step);
            }
        }

        var scalars = TensorBoardWriter.ReadRun(directory);

        Assert.Equal([1L, 2, 3, 4, 5, 6], scalars.Select(s => s.Step));
        Assert.Equal([1f, 2, 3, 40, 50, 60], scalars.Select(s => s.Value));
    }

    [Fact]
    public void Written_scalars_read_back_in_order()
    {
        string path;
        using (var writer = new TensorBoardWriter(directory))
        {
            writer.AddScalar("train/loss", 2.5, 10);
            writer.AddScalar("train/lr", 1e-3, 10);
            writer.AddScalar("train/loss", 2.25, 1_000_000_000_000);
            path = writer.FilePath;
        }

        var scalars = TensorBoardWriter.ReadScalars(path);

        Assert.Equal(["train/loss", "train/lr", "train/loss"], scalars.Select(s => s.Tag));
        Assert.Equal([10L, 10, 1_000_000_000_000], scalars.Select(s => s.Step));
        Assert.Equal([2.5f, 1e-3f, 2.25f], scalars.Select(s => s.Value));
        Assert.Contains("events.out.tfevents.", Path.GetFileName(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupted_record_is_reported_with_its_offset()
    {
        string path;
        using (var writer = new TensorBoardWriter(directory))
        {
            writer.AddScalar("x", 1, 1);
            path = writer.FilePath;
        }

        var bytes = File.ReadAllBytes(path);
        bytes[^6] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => TensorBoardWriter.ReadScalars(path));
        Assert.Contains("data checksum mismatch at offset", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
