// The element types of the safetensors format, spelled in headers as "F32", "BF16", "I64"...
// Every type here can be validated (its size is known); SafetensorsReader converts the float and integer
// types it is asked for and refuses the rest by name.
namespace Ramp.Training.Serialization;

/// <summary>Element type of a tensor in a safetensors file.</summary>
public enum SafetensorsDataType
{
    /// <summary>Boolean, one byte.</summary>
    Bool,
    /// <summary>Unsigned 8-bit integer.</summary>
    U8,
    /// <summary>Signed 8-bit integer.</summary>
    I8,
    /// <summary>Unsigned 16-bit integer.</summary>
    U16,
    /// <summary>Signed 16-bit integer.</summary>
    I16,
    /// <summary>IEEE 754 half precision.</summary>
    F16,
    /// <summary>bfloat16: the upper half of a float32.</summary>
    BF16,
    /// <summary>Unsigned 32-bit integer.</summary>
    U32,
    /// <summary>Signed 32-bit integer.</summary>
    I32,
    /// <summary>IEEE 754 single precision.</summary>
    F32,
    /// <summary>Unsigned 64-bit integer.</summary>
    U64,
    /// <summary>Signed 64-bit integer.</summary>
    I64,
    /// <summary>IEEE 754 double precision.</summary>
    F64,
}

/// <summary>Header names and element sizes of <see cref="SafetensorsDataType"/>.</summary>
public static class SafetensorsDataTypes
{
    private static readonly string[] Names =
        ["BOOL", "U8", "I8", "U16", "I16", "F16", "BF16", "U32", "I32", "F32", "U64", "I64", "F64"];

    private static readonly int[] Sizes = [1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 8, 8, 8];

    /// <summary>The spelling used in a safetensors header, e.g. <c>"F32"</c>.</summary>
    /// <param name="type">The element type.</param>
    public static string HeaderName(this SafetensorsDataType type) => Names[(int)type];

    /// <summary>Bytes per element.</summary>
    /// <param name="type">The element type.</param>
    public static int Size(this SafetensorsDataType type) => Sizes[(int)type];

    /// <summary>Parses a header spelling; returns false for a name this reader does not know.</summary>
    /// <param name="name">The dtype string from a header.</param>
    /// <param name="type">The element type when known.</param>
    public static bool TryParse(string name, out SafetensorsDataType type)
    {
        var index = Array.IndexOf(Names, name);
        type = index >= 0 ? (SafetensorsDataType)index : default;
        return index >= 0;
    }

    /// <summary>The header names this reader knows, comma-separated, for error messages.</summary>
    public static string Known => string.Join(", ", Names);
}
