// A scratch directory per test class, deleted afterwards, with a helper that writes raw safetensors bytes
// (8-byte little-endian header length, header text, data) for files the writer would never produce.
using System.Buffers.Binary;
using System.Text;

namespace Ramp.Training.Tests.Serialization;

public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ramp-serialization-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string WriteRaw(string name, string header, byte[]? data = null, ulong? declaredHeaderLength = null)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + (data?.Length ?? 0)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredHeaderLength ?? (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        data?.CopyTo(bytes, 8 + headerBytes.Length);
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
