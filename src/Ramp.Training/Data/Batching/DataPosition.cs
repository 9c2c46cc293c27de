// Where the data stream stands: the next batch to read is batch BatchIndex of epoch Epoch (both from 0).
// Saved in checkpoints; Batcher.Read(position) continues with exactly the batches an uninterrupted run sees.
using System.Text.Json;

namespace Ramp.Training.Data.Batching;

/// <summary>The position of the next batch: epoch and batch index within the epoch, both counted from 0.</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="BatchIndex">The batch within the epoch's plan, from 0.</param>
public readonly record struct DataPosition(int Epoch, int BatchIndex)
{
    /// <summary>The first batch of the first epoch.</summary>
    public static DataPosition Start => default;

    /// <summary>Writes <c>{"epoch": e, "batchIndex": b}</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("epoch", Epoch);
        writer.WriteNumber("batchIndex", BatchIndex);
        writer.WriteEndObject();
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote.</summary>
    public static DataPosition ReadFrom(JsonElement element)
    {
        var position = new DataPosition(element.GetProperty("epoch").GetInt32(), element.GetProperty("batchIndex").GetInt32());
        if (position.Epoch < 0 || position.BatchIndex < 0)
            throw new ArgumentException($"Data position {position} has a negative field; expected epoch and batchIndex of 0 or more.", nameof(element));
        return position;
    }
}
