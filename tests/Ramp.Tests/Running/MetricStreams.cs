// Seeded synthetic training metrics for feedback tests: a loss that falls with noise and occasional spikes,
// a validation loss that improves then stalls, and a gradient norm with occasional spikes.
namespace Ramp.Tests.Running;

internal static class MetricStreams
{
    public static readonly string[] Names = ["loss", "val_loss", "grad_norm"];

    /// <summary>[step][metric] values for <see cref="Names"/>.</summary>
    public static double[][] Generate(int steps, int seed)
    {
        var random = new Random(seed);
        var stream = new double[steps][];
        for (var step = 0; step < steps; step++)
        {
            var spike = random.NextDouble() < 0.06 ? 4.0 : 1.0;
            var loss = ((3.2 * Math.Exp(-step / 15.0)) + 0.5 + (0.1 * random.NextDouble())) * spike;
            var validation = Math.Max(1.0, 3.0 - (0.1 * step)) + (0.05 * random.NextDouble());
            var gradient = (1.0 + (0.2 * random.NextDouble())) * (random.NextDouble() < 0.05 ? 6.0 : 1.0);
            stream[step] = [loss, validation, gradient];
        }

        return stream;
    }

    /// <summary>Reports the metrics of the update just done (call after Step).</summary>
    public static void Report(Scheduler scheduler, double[] metrics)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            scheduler.Report(Names[i], metrics[i]);
        }
    }
}
