// The thin stateful driver over pure schedules: it holds the step, the parameter groups (base rate and
// schedule each) and, through the schedules, their feedback state. Use:
//     var rate = scheduler.Rate(group);   // the rate of the update about to run (step CurrentStep)
//     ...update the parameters...
//     scheduler.Step();                   // that update is done
//     scheduler.Report("loss", loss);     // metrics measured after it; they shape the rates from now on
// SaveState writes everything needed to continue (step, schedule definitions as spec text, base rates,
// feedback states) and Load rebuilds a driver that continues exactly as the saved one would have.
namespace Ramp;

/// <summary>Steps schedules for one or more parameter groups and routes metrics to feedback schedules.</summary>
public sealed partial class Scheduler
{
    private readonly GroupSchedule[] groups;
    private readonly Schedule[] schedules;
    private readonly int[] scheduleOfGroup;

    /// <summary>A driver with one schedule for every group.</summary>
    /// <param name="schedule">The schedule of every group.</param>
    /// <param name="baseRates">The groups' base rates; none means one group with base rate 1 (natural for an absolute schedule).</param>
    public Scheduler(Schedule schedule, params IReadOnlyList<double> baseRates)
        : this(OneSchedule(schedule, baseRates))
    {
    }

    /// <summary>A driver with a schedule per group (groups may share a schedule instance).</summary>
    /// <param name="groups">The groups, in order; at least one.</param>
    public Scheduler(IEnumerable<GroupSchedule> groups)
        : this(groups, 0)
    {
    }

    private Scheduler(IEnumerable<GroupSchedule> groups, long step)
    {
        ArgumentNullException.ThrowIfNull(groups);
        this.groups = [.. groups];
        if (this.groups.Length == 0)
        {
            throw new ArgumentException("a scheduler needs at least one parameter group", nameof(groups));
        }

        var distinct = new List<Schedule>();
        scheduleOfGroup = new int[this.groups.Length];
        for (var g = 0; g < this.groups.Length; g++)
        {
            var group = this.groups[g] ?? throw new ArgumentException($"group {g} is null", nameof(groups));
            ArgumentNullException.ThrowIfNull(group.Schedule);
            if (!double.IsFinite(group.BaseRate) || group.BaseRate < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(groups), group.BaseRate, $"group {g}: base rate {SpecNumber.Format(group.BaseRate)} must be a finite number >= 0");
            }

            var index = distinct.FindIndex(known => ReferenceEquals(known, group.Schedule));
            if (index < 0)
            {
                index = distinct.Count;
                distinct.Add(group.Schedule);
            }

            scheduleOfGroup[g] = index;

            // A schedule with per-group arguments (a min_lr list) fails here, at construction, for a group it has no value for.
            group.Schedule.Rate(0, group.BaseRate, g);
        }

        schedules = [.. distinct];
        CurrentStep = step;
    }

    /// <summary>The step of the next update: 0 before the first, k after k calls to <see cref="Step"/>.</summary>
    public long CurrentStep { get; private set; }

    /// <summary>The parameter groups, in order.</summary>
    public IReadOnlyList<GroupSchedule> Groups => groups;

    /// <summary>The distinct schedules, in order of first use by a group.</summary>
    public IReadOnlyList<Schedule> Schedules => schedules;

    /// <summary>The learning rate of <paramref name="group"/> for the update at <see cref="CurrentStep"/>.</summary>
    /// <param name="group">The group's index.</param>
    public double Rate(int group = 0)
    {
        var entry = groups[group];
        return entry.Schedule.Rate(CurrentStep, entry.BaseRate, group);
    }

    /// <summary>Writes the rate of every group for the update at <see cref="CurrentStep"/> into <paramref name="destination"/>.</summary>
    /// <param name="destination">One element per group.</param>
    public void CopyRates(Span<double> destination)
    {
        if (destination.Length != groups.Length)
        {
            throw new ArgumentException($"destination has {destination.Length} elements; the scheduler has {groups.Length} groups", nameof(destination));
        }

        for (var g = 0; g < groups.Length; g++)
        {
            destination[g] = Rate(g);
        }
    }

    /// <summary>Marks the update at <see cref="CurrentStep"/> as done; call it after each optimizer update.</summary>
    public void Step() => CurrentStep++;

    /// <summary>
    /// Reports a metric measured after the latest update (step <see cref="CurrentStep"/> − 1), e.g. the training
    /// loss, the gradient norm or, after an evaluation, the validation loss. Feedback schedules react from
    /// <see cref="CurrentStep"/> on; call it after <see cref="Step"/>.
    /// </summary>
    /// <param name="metric">The metric's name, e.g. <c>loss</c>, <c>val_loss</c>, <c>grad_norm</c>.</param>
    /// <param name="value">The measured value.</param>
    public void Report(string metric, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(metric);
        if (CurrentStep == 0)
        {
            throw new InvalidOperationException($"Report('{metric}') before the first Step(): a metric belongs to an update that is done; call Step() after each update, then Report");
        }

        foreach (var schedule in schedules)
        {
            schedule.Observe(CurrentStep - 1, metric, value);
        }
    }

    private static IEnumerable<GroupSchedule> OneSchedule(Schedule schedule, IReadOnlyList<double> baseRates)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(baseRates);
        return baseRates.Count == 0 ? [new GroupSchedule(1.0, schedule)] : baseRates.Select(rate => new GroupSchedule(rate, schedule));
    }
}
