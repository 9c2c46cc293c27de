// Source-generated JSON metadata for the settings records, so state files need no reflection.
using System.Text.Json.Serialization;

namespace Ramp.Training.Optimizers;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SgdSettings))]
[JsonSerializable(typeof(AdaGradSettings))]
[JsonSerializable(typeof(RmsPropSettings))]
[JsonSerializable(typeof(AdamSettings))]
[JsonSerializable(typeof(RAdamSettings))]
internal sealed partial class OptimizerJsonContext : JsonSerializerContext;
