// The few protobuf messages of TensorBoard's event format that scalar logging needs, encoded by hand:
// Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; SessionLog session_log = 7; }
// Summary { repeated Value value = 1; }  Value { string tag = 1; float simple_value = 2; }
// SessionLog { SessionStatus status = 1; }  with START = 1: TensorBoard, reading a START event at step s, drops the
// scalars of steps >= s that it read before (a resumed run's orphaned steps).
using System.Buffers.Binary;
using System.Text;

namespace Ramp.Training.Logging;

/// <summary>One scalar read back from an event file.</summary>
/// <param name="Tag">The series name, e.g. <c>train/loss</c>.</param>
/// <param name="Step">The training step.</param>
/// <param name="Value">The value.</param>
/// <param name="WallTime">Seconds since the Unix epoch when it was logged.</param>
public readonly record struct ScalarEvent(string Tag, long Step, float Value, double WallTime);

/// <summary>Encodes and decodes TensorBoard <c>Event</c> messages with scalar summaries.</summary>
public static class EventProtocol
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;
    private const ulong SessionStartStatus = 1;

    /// <summary>The first event of every file: its format version.</summary>
    public static byte[] FileVersion(double wallTime)
    {
        using var buffer = new MemoryStream();
        WriteKey(buffer, 1, WireFixed64);
        WriteDouble(buffer, wallTime);
        WriteKey(buffer, 3, WireLengthDelimited);
        WriteBytes(buffer, Encoding.UTF8.GetBytes("brain.Event:2"));
        return buffer.ToArray();
    }

    /// <summary>A session-start event: the steps from <paramref name="step"/> on that earlier sessions logged are orphaned.</summary>
    public static byte[] SessionStart(long step, double wallTime)
    {
        using var sessionLog = new MemoryStream();
        WriteKey(sessionLog, 1, WireVarint);
        WriteVarint(sessionLog, SessionStartStatus);

        return StepEvent(wallTime, step, 7, sessionLog.ToArray());
    }

    /// <summary>The step of a session-start event, or null for any other event.</summary>
    public static long? ReadSessionStart(byte[] eventBytes)
    {
        long step = 0;
        var start = false;
        foreach (var (field, wire, payload, number) in Fields(eventBytes))
        {
            if (field == 2 && wire == WireVarint)
            {
                step = (long)number;
            }
            else if (field == 7 && wire == WireLengthDelimited)
            {
                start = Fields(payload).Any(status => status.Field == 1 && status.Wire == WireVarint && status.Number == SessionStartStatus);
            }
        }

        return start ? step : null;
    }

    /// <summary>An event holding one scalar summary value.</summary>
    public static byte[] Scalar(string tag, long step, float value, double wallTime)
    {
        ArgumentNullException.ThrowIfNull(tag);
        using var summaryValue = new MemoryStream();
        WriteKey(summaryValue, 1, WireLengthDelimited);
        WriteBytes(summaryValue, Encoding.UTF8.GetBytes(tag));
        WriteKey(summaryValue, 2, WireFixed32);
        Span<byte> single = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(single, value);
        summaryValue.Write(single);

        using var summary = new MemoryStream();
        WriteKey(summary, 1, WireLengthDelimited);
        WriteBytes(summary, summaryValue.ToArray());

        return StepEvent(wallTime, step, 5, summary.ToArray());
    }

    // An Event with wall_time, step and one message-valued field (summary = 5, session_log = 7).
    private static byte[] StepEvent(double wallTime, long step, int field, byte[] payload)
    {
        using var message = new MemoryStream();
        WriteKey(message, 1, WireFixed64);
        WriteDouble(message, wallTime);
        WriteKey(message, 2, WireVarint);
        WriteVarint(message, (ulong)step);
        WriteKey(message, field, WireLengthDelimited);
        WriteBytes(message, payload);
        return message.ToArray();
    }

    /// <summary>The scalars in one encoded event (none for a file-version event).</summary>
    public static IEnumerable<ScalarEvent> ReadScalars(byte[] eventBytes)
    {
        double wallTime = 0;
        long step = 0;
        var values = new List<(string Tag, float Value)>();
        foreach (var (field, wire, payload, number) in Fields(eventBytes))
        {
            switch (field)
            {
                case 1 when wire == WireFixed64:
                    wallTime = BitConverter.Int64BitsToDouble((long)number);
                    break;
                case 2 when wire == WireVarint:
                    step = (long)number;
                    break;
                case 5 when wire == WireLengthDelimited:
                    foreach (var (summaryField, summaryWire, value, _) in Fields(payload))
                    {
                        if (summaryField == 1 && summaryWire == WireLengthDelimited)
                        {
                            values.Add(ReadValue(value));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return values.Select(value => new ScalarEvent(value.Tag, step, value.Value, wallTime));
    }

    private static (string Tag, float Value) ReadValue(byte[] bytes)
    {
        var tag = string.Empty;
        var value = float.NaN;
        foreach (var (field, wire, payload, number) in Fields(bytes))
        {
            if (field == 1 && wire == WireLengthDelimited)
            {
                tag = Encoding.UTF8.GetString(payload);
            }
            else if (field == 2 && wire == WireFixed32)
            {
                value = BitConverter.Int32BitsToSingle((int)number);
            }
        }

        return (tag, value);
    }

    // Walks the fields of a message: (field number, wire type, payload for length-delimited, number otherwise).
    private static IEnumerable<(int Field, int Wire, byte[] Payload, ulong Number)> Fields(byte[] bytes)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            var key = ReadVarint(bytes, ref position);
            var field = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case WireVarint:
                    yield return (field, wire, [], ReadVarint(bytes, ref position));
                    break;
                case WireFixed64:
                    Require(bytes, position, 8);
                    yield return (field, wire, [], BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(position)));
                    position += 8;
                    break;
                case WireFixed32:
                    Require(bytes, position, 4);
                    yield return (field, wire, [], BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position)));
                    position += 4;
                    break;
                case WireLengthDelimited:
                    var length = (int)ReadVarint(bytes, ref position);
                    Require(bytes, position, length);
                    yield return (field, wire, bytes[position..(position + length)], 0);
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {wire} at byte {position}");
            }
        }
    }

    private static void Require(byte[] bytes, int position, int length)
    {
        if (length < 0 || position + length > bytes.Length)
        {
            throw new InvalidDataException($"protobuf field overruns the message at byte {position}");
        }
    }

    private static void WriteKey(Stream stream, int field, int wire) => WriteVarint(stream, (ulong)((field << 3) | wire));

    private static void WriteDouble(Stream stream, double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteBytes(Stream stream, byte[] bytes)
    {
        WriteVarint(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new InvalidDataException($"truncated varint at byte {position}");
            }

            var current = bytes[position++];
            value |= (ulong)(current & 0x7F) << shift;
            if (current < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException($"varint longer than 10 bytes at byte {position}");
    }
}
