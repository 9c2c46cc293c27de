// Writes float32 safetensors files, atomically: the header (tensors in the order given, data contiguous in
// that order, "__metadata__" first, padded with spaces to a multiple of 8 bytes as the reference writer
// does) goes to a temporary file, the caller streams each tensor's values in order, and Commit renames the
// finished file into place. Assumes a little-endian host, like the format itself.
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Ramp.Training.Serialization;

/// <summary>A float32 tensor to be written: its name and shape (outermost first; empty for a scalar).</summary>
/// <param name="Name">Tensor name; must be unique and not <c>__metadata__</c>.</param>
/// <param name="Shape">Dimensions, outermost first.</param>
public sealed record SafetensorsEntry(string Name, IReadOnlyList<long> Shape)
{
    /// <summary>Number of elements: the product of the shape.</summary>
    public long ElementCount => Shape.Aggregate(1L, (count, dimension) => checked(count * dimension));
}

/// <summary>Streams float32 tensors into a safetensors file; nothing replaces the target until <see cref="Commit"/>.</summary>
public sealed class SafetensorsWriter : IDisposable
{
    private readonly AtomicFile file;
    private readonly long expectedBytes;
    private long writtenBytes;

    private SafetensorsWriter(AtomicFile file, long expectedBytes)
    {
        this.file = file;
        this.expectedBytes = expectedBytes;
    }

    /// <summary>Starts a file holding <paramref name="tensors"/> (F32) and writes its header.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="tensors">The tensors, in the order their values will be written.</param>
    /// <param name="metadata">Written as <c>__metadata__</c> when given (e.g. <c>format: pt</c> for Hugging Face loaders).</param>
    public static SafetensorsWriter Create(string path, IReadOnlyList<SafetensorsEntry> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var header = BuildHeader(tensors, metadata, out var dataBytes);
        var file = AtomicFile.Create(path);
        try
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            file.Stream.Write(prefix);
            file.Stream.Write(header);
            return new SafetensorsWriter(file, dataBytes);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Appends values: the next tensors' data, in the order declared, in any number of calls.</summary>
    /// <param name="values">Row-major float32 values.</param>
    public void Write(ReadOnlySpan<float> values)
    {
        var bytes = MemoryMarshal.AsBytes(values);
        if (writtenBytes + bytes.Length > expectedBytes)
        {
            throw new InvalidOperationException($"Writing {values.Length} more values would exceed the {expectedBytes / 4} declared by the header.");
        }
        file.Stream.Write(bytes);
        writtenBytes += bytes.Length;
    }

    /// <summary>Checks that every declared value was written, then moves the file into place.</summary>
    public void Commit()
    {
        if (writtenBytes != expectedBytes)
        {
            throw new InvalidOperationException($"The header declares {expectedBytes / 4} values but {writtenBytes / 4} were written.");
        }
        file.Commit();
    }

    /// <summary>Abandons the file unless committed; the target is left as it was.</summary>
    public void Dispose() => file.Dispose();

    private static byte[] BuildHeader(IReadOnlyList<SafetensorsEntry> tensors,
        IReadOnlyDictionary<string, string>? metadata, out long dataBytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is not null)
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var tensor in tensors)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                if (string.IsNullOrEmpty(tensor.Name) || tensor.Name == "__metadata__" || !names.Add(tensor.Name))
                {
                    throw new ArgumentException($"Tensor name '{tensor.Name}' is empty, reserved or repeated; names must be unique and not __metadata__.", nameof(tensors));
                }
                if (tensor.Shape.Any(dimension => dimension < 0))
                {
                    throw new ArgumentException($"Tensor '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}]; dimensions must be >= 0.", nameof(tensors));
                }
                var end = offset + checked(tensor.ElementCount * sizeof(float));
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", SafetensorsDataType.F32.HeaderName());
                json.WriteStartArray("shape");
                foreach (var dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
            dataBytes = offset;
        }
        var padding = (8 - buffer.WrittenCount % 8) % 8;
        var header = new byte[buffer.WrittenCount + padding];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }
}
