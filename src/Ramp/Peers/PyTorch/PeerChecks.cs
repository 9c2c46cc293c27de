// Checks that PyTorch's composite schedulers make and Ramp's own combinators do not.
namespace Ramp;

internal static class PeerChecks
{
    /// <summary>PyTorch's SequentialLR and ChainedScheduler reject ReduceLROnPlateau, which needs a metric to step.</summary>
    public static void NoFeedback(IReadOnlyList<Schedule> schedulers, string peer, string alternative)
    {
        for (var i = 0; i < schedulers.Count; i++)
        {
            if (schedulers[i].IsFeedback)
            {
                throw new ArgumentException(
                    $"{peer} does not take schedulers that react to metrics, like schedulers[{i}] = {schedulers[i].ToSpec().Name}; Ramp's {alternative} does",
                    nameof(schedulers));
            }
        }
    }
}
