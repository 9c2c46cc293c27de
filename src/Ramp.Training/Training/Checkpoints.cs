// The checkpoints of a run directory. A checkpoint is a folder:
//   weights.safetensors    the parameters (TransformerModel.SaveWeights: PyTorch names, F32)
//   optimizer.json         optimizer scalars; optimizer.safetensors its moment buffers
//   scheduler.json         the Ramp Scheduler's state (step, schedule spec text, feedback state)
//   trainer.json           TrainerState (step, data position, dropout generator, best validation loss...)
// It is written into a hidden temporary folder beside its final place and renamed into place when complete, so a
// process killed mid-write leaves the earlier checkpoints intact and a folder named step-NNNNNNNN is always whole.
// checkpoints/step-NNNNNNNN (the last training.keep_checkpoints of them) and checkpoints/best (lowest validation loss).
// What a kill can leave, and how it is read: a hidden .NAME.<guid>.tmp folder (ignored, deleted by Prune and
// Recover); a checkpoint being replaced that was moved aside to .NAME.<guid>.old before its successor was renamed in
// (read in its place by BestOrLatest, moved back by Recover); a folder whose deletion was cut short (trainer.json
// goes first, so it is never taken for a checkpoint; Prune and Recover delete it).
using System.Globalization;
using System.Text.Json;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Training;

/// <summary>Saves, finds, loads and prunes checkpoints.</summary>
public static class Checkpoints
{
    /// <summary>The weights file of a checkpoint.</summary>
    public const string WeightsFile = "weights.safetensors";

    /// <summary>The name of the best checkpoint's folder.</summary>
    public const string BestName = "best";

    private const string StepPrefix = "step-";
    private const string TrainerFile = "trainer.json";
    private const string SchedulerFile = "scheduler.json";
    private const string OptimizerStateFile = "optimizer.json";
    private const string OptimizerBuffersFile = "optimizer.safetensors";

    /// <summary>Writes a complete checkpoint to <paramref name="path"/> atomically (replacing one that is there).</summary>
    public static void Save(string path, TransformerModel model, Optimizer optimizer, Scheduler scheduler, TrainerState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(state);
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        model.SaveWeights(Path.Combine(temporary, WeightsFile));
        optimizer.SaveState(Path.Combine(temporary, OptimizerStateFile), Path.Combine(temporary, OptimizerBuffersFile));
        AtomicFile.WriteAllText(Path.Combine(temporary, SchedulerFile), scheduler.SaveStateText());
        AtomicFile.WriteAllText(Path.Combine(temporary, TrainerFile), JsonSerializer.Serialize(state, StateOptions));
        if (Directory.Exists(full))
        {
            // Move the old one aside first: until the new one is in place, the old one still exists under some name.
            var old = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old");
            Directory.Move(full, old);
            Directory.Move(temporary, full);
            Delete(old);
        }
        else
        {
            Directory.Move(temporary, full);
        }
    }

    /// <summary>The folder of the checkpoint taken after <paramref name="step"/> updates.</summary>
    public static string StepPath(RunDirectory run, long step)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Path.Combine(run.CheckpointsPath, StepPrefix + step.ToString("D8", CultureInfo.InvariantCulture));
    }

    /// <summary>The best checkpoint's folder.</summary>
    public static string BestPath(RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Path.Combine(run.CheckpointsPath, BestName);
    }

    /// <summary>The complete step checkpoints of a run, oldest first.</summary>
    public static IReadOnlyList<string> List(RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Directory.Exists(run.CheckpointsPath))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(run.CheckpointsPath, StepPrefix + "*")
            .Where(path => long.TryParse(Path.GetFileName(path)[StepPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && File.Exists(Path.Combine(path, TrainerFile)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The latest complete step checkpoint, or null when there is none.</summary>
    public static string? Latest(RunDirectory run)
    {
        var all = List(run);
        return all.Count == 0 ? null : all[^1];
    }

    /// <summary>
    /// The best checkpoint if the run has one (also when a killed replacement left it moved aside), else the latest,
    /// else null.
    /// </summary>
    public static string? BestOrLatest(RunDirectory run)
    {
        var best = BestPath(run);
        return File.Exists(Path.Combine(best, TrainerFile)) ? best : MovedAside(best) ?? Latest(run);
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> step checkpoints, and leftovers of interrupted writes.</summary>
    public static void Prune(RunDirectory run, int keep)
    {
        var all = List(run);
        foreach (var path in all.Take(Math.Max(0, all.Count - keep)))
        {
            Delete(path);
        }

        DeleteLeftovers(run);
    }

    /// <summary>
    /// Repairs what a process killed while writing checkpoints leaves: a checkpoint that was moved aside to be
    /// replaced, and whose successor never arrived, is moved back; unfinished and half-deleted folders are deleted.
    /// </summary>
    /// <remarks>For the one process that writes the run (a resumed trainer), never while another may be writing it.</remarks>
    public static void Recover(RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Directory.Exists(run.CheckpointsPath))
        {
            return;
        }

        foreach (var old in Directory.GetDirectories(run.CheckpointsPath, ".*.old"))
        {
            var original = Path.Combine(run.CheckpointsPath, OriginalName(old));
            if (!Directory.Exists(original) && File.Exists(Path.Combine(old, TrainerFile)))
            {
                Directory.Move(old, original);
            }
        }

        DeleteLeftovers(run);
    }

    /// <summary>Reads a checkpoint's trainer state.</summary>
    /// <exception cref="InvalidDataException">trainer.json is missing or malformed.</exception>
    public static TrainerState ReadState(string path)
    {
        var file = Path.Combine(path, TrainerFile);
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(file), StateOptions)
                ?? throw new InvalidDataException($"{file}: empty trainer state");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{file}: not a trainer state: {error.Message.Split('\n')[0]}", error);
        }
    }

    /// <summary>Restores weights, optimizer and trainer state from a checkpoint; returns the scheduler and the state.</summary>
    public static (Scheduler Scheduler, TrainerState State) Load(string path, TransformerModel model, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var state = ReadState(path);
        model.LoadWeights(Path.Combine(path, WeightsFile));
        optimizer.LoadState(Path.Combine(path, OptimizerStateFile), Path.Combine(path, OptimizerBuffersFile));
        var scheduler = Scheduler.Load(File.ReadAllText(Path.Combine(path, SchedulerFile)));
        return (scheduler, state);
    }

    // trainer.json first: a deletion cut short leaves a folder that is no longer a complete checkpoint anywhere.
    private static void Delete(string path)
    {
        File.Delete(Path.Combine(path, TrainerFile));
        Directory.Delete(path, recursive: true);
    }

    // A complete checkpoint that Save moved aside from path to replace it, when path itself is missing.
    private static string? MovedAside(string path)
    {
        var parent = Path.GetDirectoryName(path)!;
        return Directory.Exists(path) || !Directory.Exists(parent)
            ? null
            : Directory.GetDirectories(parent, $".{Path.GetFileName(path)}.*.old")
                .Where(old => OriginalName(old) == Path.GetFileName(path) && File.Exists(Path.Combine(old, TrainerFile)))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
    }

    // ".NAME.<32 hex digits>.old" -> "NAME" (see Save); anything else -> "" (never a checkpoint's name).
    private static string OriginalName(string old)
    {
        var name = Path.GetFileName(old);
        const int Suffix = 1 + 32 + 4;
        return name.Length > 1 + Suffix && name[0] == '.' && name.EndsWith(".old", StringComparison.Ordinal)
            && Guid.TryParseExact(name.AsSpan(name.Length - Suffix + 1, 32), "N", out _)
            ? name[1..^Suffix]
            : string.Empty;
    }

    // Hidden folders (unfinished writes, replaced checkpoints) and step folders without trainer.json (cut-short deletions).
    private static void DeleteLeftovers(RunDirectory run)
    {
        foreach (var folder in Directory.GetDirectories(run.CheckpointsPath))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || (name.StartsWith(StepPrefix, StringComparison.Ordinal) && !File.Exists(Path.Combine(folder, TrainerFile))))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static readonly JsonSerializerOptions StateOptions = new(ConfigLoader.JsonOptions)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };
}
