// The live progress line of a training run on a terminal's stderr: rewritten in place (carriage return), at most
// a few times a second, and cleared before other output so that printed lines are never mixed with it.
using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Training;

namespace Ramp.Cli.Training;

/// <summary>Draws <see cref="TrainingProgress"/> on one terminal line.</summary>
internal sealed class ProgressLine(TextWriter error, bool enabled)
{
    private readonly Stopwatch throttle = Stopwatch.StartNew();
    private int shown;

    public void Show(TrainingProgress progress)
    {
        if (!enabled || (throttle.ElapsedMilliseconds < 200 && progress.Step < progress.TotalSteps))
        {
            return;
        }

        throttle.Restart();
        var eta = double.IsFinite(progress.SecondsLeft) ? TimeSpan.FromSeconds(Math.Round(progress.SecondsLeft)).ToString(progress.SecondsLeft >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "?";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"step {progress.Step}/{progress.TotalSteps}  epoch {progress.Epoch}  lr {progress.LearningRate:0.###e+0}  loss {progress.Loss:F3}  {progress.TokensPerSecond:N0} tok/s  ETA {eta}");
        error.Write("\r" + text.PadRight(shown));
        error.Flush();
        shown = text.Length;
    }

    public void Clear()
    {
        if (enabled && shown > 0)
        {
            error.Write("\r" + new string(' ', shown) + "\r");
            shown = 0;
        }
    }
}
