// One entry of a safetensors header: name, element type, shape (row-major, outermost first) and the
// byte range of its data, relative to the start of the byte buffer that follows the header.
namespace Ramp.Training.Serialization;

/// <summary>A tensor described by a safetensors header.</summary>
/// <param name="Name">The tensor's name, e.g. <c>encoder.layers.0.self_attn.in_proj_weight</c>.</param>
/// <param name="DataType">The element type.</param>
/// <param name="Shape">Dimensions, outermost first; empty for a scalar.</param>
/// <param name="Begin">First byte of the data, relative to the byte buffer.</param>
/// <param name="End">One past the last byte of the data, relative to the byte buffer.</param>
public sealed record SafetensorsTensorInfo(string Name, SafetensorsDataType DataType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>Number of elements: the product of the shape (1 for a scalar); throws <see cref="OverflowException"/> past 2^63.</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dimension in Shape)
            {
                count = checked(count * dimension);
            }
            return count;
        }
    }

    /// <summary>Size of the data in bytes.</summary>
    public long ByteLength => End - Begin;
}
