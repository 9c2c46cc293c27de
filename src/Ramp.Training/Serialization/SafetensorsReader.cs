// Reads safetensors files: an 8-byte little-endian header length N, N bytes of UTF-8 JSON (tensor name ->
// {dtype, shape, data_offsets}, plus an optional "__metadata__" string map), then the byte buffer.
// The header is validated as the reference implementation does before any data is read: known dtypes,
// sizes that match shape x dtype, ranges that tile the buffer exactly (no overlap, no hole, no overrun).
// Data is read on demand. Assumes a little-endian host, like the format itself.
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Ramp.Training.Serialization;

/// <summary>An open safetensors file whose header has been validated.</summary>
public sealed class SafetensorsReader : IDisposable
{
    /// <summary>Largest header accepted, as in the reference implementation (100 MB).</summary>
    public const long MaxHeaderLength = 100_000_000;

    private const string MetadataKey = "__metadata__";
    private const int ChunkElements = 1 << 14;

    private readonly SafeFileHandle handle;
    private readonly long dataStart;
    private readonly Dictionary<string, SafetensorsTensorInfo> byName;

    private SafetensorsReader(string path, SafeFileHandle handle, long dataStart,
        IReadOnlyDictionary<string, string> metadata, SafetensorsTensorInfo[] tensors)
    {
        FilePath = path;
        this.handle = handle;
        this.dataStart = dataStart;
        Metadata = metadata;
        Tensors = tensors;
        byName = tensors.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
    }

    /// <summary>The file that was opened.</summary>
    public string FilePath { get; }

    /// <summary>The header's <c>__metadata__</c> map; empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensors, in the order of their data in the file.</summary>
    public IReadOnlyList<SafetensorsTensorInfo> Tensors { get; }

    /// <summary>Opens <paramref name="path"/> and validates its header.</summary>
    /// <param name="path">A safetensors file.</param>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file; the message says why.</exception>
    public static SafetensorsReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var fileLength = RandomAccess.GetLength(handle);
            if (fileLength < 8)
            {
                throw Invalid(path, $"the file is {fileLength} bytes, shorter than the 8-byte header length");
            }
            Span<byte> prefix = stackalloc byte[8];
            ReadExactly(handle, prefix, 0);
            var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (headerLength > MaxHeaderLength)
            {
                throw Invalid(path, $"header length {headerLength} exceeds the {MaxHeaderLength}-byte limit");
            }
            if (8 + (long)headerLength > fileLength)
            {
                throw Invalid(path, $"header length {headerLength} runs past the end of the {fileLength}-byte file");
            }
            var header = new byte[headerLength];
            ReadExactly(handle, header, 8);
            var dataStart = 8 + (long)headerLength;
            var (metadata, tensors) = ParseHeader(path, header, fileLength - dataStart);
            return new SafetensorsReader(path, handle, dataStart, metadata, tensors);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Whether the file holds a tensor named <paramref name="name"/>.</summary>
    /// <param name="name">Tensor name.</param>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The header entry of tensor <paramref name="name"/>.</summary>
    /// <param name="name">Tensor name.</param>
    /// <exception cref="ArgumentException">The file has no such tensor.</exception>
    public SafetensorsTensorInfo GetInfo(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (byName.TryGetValue(name, out var info))
        {
            return info;
        }
        var known = string.Join(", ", Tensors.Take(8).Select(tensor => tensor.Name));
        var more = Tensors.Count > 8 ? ", ..." : "";
        throw new ArgumentException($"{FilePath}: no tensor named '{name}' (it holds {Tensors.Count}: {known}{more}).", nameof(name));
    }

    /// <summary>Reads a floating-point tensor (F32, F16, BF16 or F64) as float32 values.</summary>
    /// <param name="name">Tensor name.</param>
    public float[] ReadSingle(string name)
    {
        var info = GetInfo(name);
        var values = new float[checked((int)info.ElementCount)];
        ReadSingle(name, values);
        return values;
    }

    /// <summary>Reads a floating-point tensor (F32, F16, BF16 or F64) as float32 values into <paramref name="destination"/>.</summary>
    /// <param name="name">Tensor name.</param>
    /// <param name="destination">Receives the values in row-major order; its length must equal the element count.</param>
    public void ReadSingle(string name, Span<float> destination)
    {
        var info = GetInfo(name);
        CheckLength(info, destination.Length);
        var offset = dataStart + info.Begin;
        switch (info.DataType)
        {
            case SafetensorsDataType.F32:
                ReadExactly(handle, MemoryMarshal.AsBytes(destination), offset);
                break;
            case SafetensorsDataType.F16:
                Convert<ushort>(offset, destination, static (source, target) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        target[i] = (float)BitConverter.UInt16BitsToHalf(source[i]);
                    }
                });
                break;
            case SafetensorsDataType.BF16:
                Convert<ushort>(offset, destination, static (source, target) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        target[i] = BitConverter.Int32BitsToSingle(source[i] << 16);
                    }
                });
                break;
            case SafetensorsDataType.F64:
                Convert<double>(offset, destination, static (source, target) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        target[i] = (float)source[i];
                    }
                });
                break;
            default:
                throw new ArgumentException($"{FilePath}: tensor '{name}' is {info.DataType.HeaderName()}; ReadSingle reads F32, F16, BF16 and F64.", nameof(name));
        }
    }

    /// <summary>Reads an integer tensor (I64 or I32) as 64-bit integers.</summary>
    /// <param name="name">Tensor name.</param>
    public long[] ReadInt64(string name)
    {
        var info = GetInfo(name);
        var values = new long[checked((int)info.ElementCount)];
        var offset = dataStart + info.Begin;
        switch (info.DataType)
        {
            case SafetensorsDataType.I64:
                ReadExactly(handle, MemoryMarshal.AsBytes(values.AsSpan()), offset);
                break;
            case SafetensorsDataType.I32:
            {
                var narrow = new int[values.Length];
                ReadExactly(handle, MemoryMarshal.AsBytes(narrow.AsSpan()), offset);
                for (var i = 0; i < narrow.Length; i++)
                {
                    values[i] = narrow[i];
                }
                break;
            }
            default:
                throw new ArgumentException($"{FilePath}: tensor '{name}' is {info.DataType.HeaderName()}; ReadInt64 reads I64 and I32.", nameof(name));
        }
        return values;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => handle.Dispose();

    private delegate void Converter<TSource>(ReadOnlySpan<TSource> source, Span<float> target);

    private void Convert<TSource>(long offset, Span<float> destination, Converter<TSource> convert)
        where TSource : unmanaged
    {
        Span<TSource> chunk = new TSource[Math.Min(ChunkElements, destination.Length)];
        var size = Unsafe.SizeOf<TSource>();
        for (var start = 0; start < destination.Length; start += chunk.Length)
        {
            var count = Math.Min(chunk.Length, destination.Length - start);
            var part = chunk[..count];
            ReadExactly(handle, MemoryMarshal.AsBytes(part), offset + (long)start * size);
            convert(part, destination.Slice(start, count));
        }
    }

    private void CheckLength(SafetensorsTensorInfo info, int length)
    {
        if (length != info.ElementCount)
        {
            throw new ArgumentException($"{FilePath}: tensor '{info.Name}' has {info.ElementCount} elements; the destination holds {length}.", nameof(length));
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                throw new EndOfStreamException($"Unexpected end of file at byte {offset}.");
            }
            buffer = buffer[read..];
            offset += read;
        }
    }

    private static (IReadOnlyDictionary<string, string> Metadata, SafetensorsTensorInfo[] Tensors) ParseHeader(
        string path, byte[] header, long dataLength)
    {
        if (header.Length == 0 || header[0] != (byte)'{')
        {
            throw Invalid(path, "the header does not start with '{'");
        }
        JsonDocument document;
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(header);
            document = JsonDocument.Parse(header);
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException)
        {
            throw Invalid(path, $"the header is not valid UTF-8 JSON ({exception.Message.Split('\n')[0]})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the header is not a JSON object");
            }
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var tensors = new List<SafetensorsTensorInfo>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw Invalid(path, $"the header repeats the key '{property.Name}'");
                }
                if (property.Name == MetadataKey)
                {
                    ParseMetadata(path, property.Value, metadata);
                }
                else
                {
                    tensors.Add(ParseTensor(path, property.Name, property.Value));
                }
            }
            var ordered = tensors.OrderBy(tensor => tensor.Begin).ThenBy(tensor => tensor.End).ToArray();
            CheckTiling(path, ordered, dataLength);
            return (metadata, ordered);
        }
    }

    private static void ParseMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"{MetadataKey} is {value.ValueKind}, not an object of strings");
        }
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(path, $"{MetadataKey} entry '{entry.Name}' is {entry.Value.ValueKind}, not a string");
            }
            if (!metadata.TryAdd(entry.Name, entry.Value.GetString()!))
            {
                throw Invalid(path, $"{MetadataKey} repeats the key '{entry.Name}'");
            }
        }
    }

    private static SafetensorsTensorInfo ParseTensor(string path, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"tensor '{name}' is {value.ValueKind}, not an object with dtype, shape and data_offsets");
        }
        string? dtype = null;
        long[]? shape = null;
        long[]? offsets = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            if (!seen.Add(field.Name))
            {
                throw Invalid(path, $"tensor '{name}' repeats the field '{field.Name}'");
            }
            switch (field.Name)
            {
                case "dtype":
                    dtype = field.Value.ValueKind == JsonValueKind.String
                        ? field.Value.GetString()
                        : throw Invalid(path, $"tensor '{name}' has dtype of kind {field.Value.ValueKind}, not a string");
                    break;
                case "shape":
                    shape = ReadIntegers(path, name, field);
                    break;
                case "data_offsets":
                    offsets = ReadIntegers(path, name, field);
                    break;
                default:
                    // Unknown fields are ignored, as the reference implementation does.
                    break;
            }
        }
        if (dtype is null || shape is null || offsets is null)
        {
            throw Invalid(path, $"tensor '{name}' lacks {(dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets")}");
        }
        if (!SafetensorsDataTypes.TryParse(dtype, out var type))
        {
            throw Invalid(path, $"tensor '{name}' has dtype '{dtype}'; known dtypes are {SafetensorsDataTypes.Known}");
        }
        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw Invalid(path, $"tensor '{name}' has data_offsets [{string.Join(", ", offsets)}]; expected [begin, end] with begin <= end");
        }
        var info = new SafetensorsTensorInfo(name, type, shape, offsets[0], offsets[1]);
        long bytes;
        try
        {
            bytes = checked(info.ElementCount * type.Size());
        }
        catch (OverflowException)
        {
            throw Invalid(path, $"tensor '{name}' has shape [{string.Join(", ", shape)}], whose size overflows");
        }
        if (bytes != info.ByteLength)
        {
            throw Invalid(path, $"tensor '{name}' ({dtype}, shape [{string.Join(", ", shape)}]) needs {bytes} bytes but data_offsets [{offsets[0]}, {offsets[1]}] span {info.ByteLength}");
        }
        return info;
    }

    private static long[] ReadIntegers(string path, string name, JsonProperty field)
    {
        if (field.Value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, $"tensor '{name}' has {field.Name} of kind {field.Value.ValueKind}, not an array of non-negative integers");
        }
        var values = new long[field.Value.GetArrayLength()];
        var i = 0;
        foreach (var item in field.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out values[i]) || values[i] < 0)
            {
                throw Invalid(path, $"tensor '{name}' has {field.Name} entry {item.GetRawText()}; expected a non-negative integer");
            }
            i++;
        }
        return values;
    }

    private static void CheckTiling(string path, SafetensorsTensorInfo[] ordered, long dataLength)
    {
        long expected = 0;
        SafetensorsTensorInfo? previous = null;
        foreach (var tensor in ordered)
        {
            if (tensor.Begin < expected)
            {
                throw Invalid(path, $"tensor '{tensor.Name}' bytes [{tensor.Begin}, {tensor.End}) overlap tensor '{previous!.Name}' [{previous.Begin}, {previous.End})");
            }
            if (tensor.Begin > expected)
            {
                throw Invalid(path, $"tensor '{tensor.Name}' starts at byte {tensor.Begin}, leaving a hole after byte {expected}");
            }
            expected = tensor.End;
            previous = tensor;
        }
        if (expected != dataLength)
        {
            throw Invalid(path, $"the tensors cover {expected} bytes but the data buffer holds {dataLength}");
        }
    }

    private static InvalidDataException Invalid(string path, string problem) =>
        new($"{path}: not a valid safetensors file: {problem}.");
}
