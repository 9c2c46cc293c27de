// Counting boundaries at or below a step in a sorted array, for milestone and piecewise shapes:
// a boundary b takes effect at step b (PyTorch's bisect_right, optax and Paddle's convention).
namespace Ramp;

internal static class SortedSteps
{
    /// <summary>How many of the ascending <paramref name="steps"/> are &lt;= <paramref name="step"/>.</summary>
    public static int CountAtOrBelow(long[] steps, long step)
    {
        var low = 0;
        var high = steps.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (steps[middle] <= step)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
