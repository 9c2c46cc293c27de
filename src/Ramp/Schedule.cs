// The core abstraction: a learning-rate schedule as a function of the step.
// Step origin, for all of Ramp: step 0 gives the rate of the first optimizer update, step k that of the
// (k+1)-th. A schedule that ports a peer with another origin says how it maps onto this one at its top.
using System.Text.Json.Nodes;

namespace Ramp;

/// <summary>
/// A learning-rate schedule. Closed-form schedules are pure functions of the step; feedback-driven ones
/// (reduce on plateau, threshold warmup) also depend on the metrics observed so far, which they keep in a
/// state that <see cref="SaveState"/> and <see cref="LoadState"/> move in and out as JSON.
/// </summary>
public abstract class Schedule
{
    /// <summary>Whether <see cref="Rate(long)"/> is a factor of the base rate or the rate itself.</summary>
    public abstract RateScale Scale { get; }

    /// <summary>The schedules this one is built from, in definition order; empty for a leaf.</summary>
    public virtual IReadOnlyList<Schedule> Children => [];

    /// <summary>Whether this schedule or any schedule inside it reacts to observed metrics.</summary>
    public virtual bool IsFeedback
    {
        get
        {
            foreach (var child in Children)
            {
                if (child.IsFeedback)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The value at <paramref name="step"/> (0 = the first optimizer update): for a relative schedule the
    /// rate of a parameter group whose base rate is 1, for an absolute one the rate itself.
    /// </summary>
    /// <param name="step">The optimizer step, 0 or more.</param>
    public abstract double Rate(long step);

    /// <summary>
    /// The learning rate at <paramref name="step"/> of a parameter group whose base rate is
    /// <paramref name="baseRate"/>. A relative schedule scales the base rate; schedules that mix in absolute
    /// terms (PyTorch's <c>eta_min</c>, timm's <c>lr_min</c>, a plateau's <c>min_lr</c>) override this.
    /// Invariant: <c>Rate(step) == Rate(step, 1)</c>.
    /// </summary>
    /// <param name="step">The optimizer step, 0 or more.</param>
    /// <param name="baseRate">The group's base learning rate.</param>
    public virtual double Rate(long step, double baseRate) => Scale == RateScale.Relative ? baseRate * Rate(step) : Rate(step);

    /// <summary>
    /// The learning rate at <paramref name="step"/> of parameter group <paramref name="group"/> (0-based), whose
    /// base rate is <paramref name="baseRate"/>. Schedules with per-group arguments (PyTorch's list-valued
    /// <c>min_lr</c>) and composites that pass the group on to their children override this; the others ignore
    /// the index. Invariant: <c>Rate(step, baseRate) == Rate(step, baseRate, 0)</c>.
    /// </summary>
    /// <param name="step">The optimizer step, 0 or more.</param>
    /// <param name="baseRate">The group's base learning rate.</param>
    /// <param name="group">The group's index, 0 or more.</param>
    public virtual double Rate(long step, double baseRate, int group) => Rate(step, baseRate);

    /// <summary>The definition of this schedule in the spec language: its catalog name and arguments.</summary>
    public abstract SpecCall ToSpec();

    /// <summary>
    /// Reports a metric measured after the update at <paramref name="step"/>, so that the rate from step
    /// <paramref name="step"/> + 1 on can reflect it. Closed-form schedules ignore it; composites pass it on.
    /// </summary>
    /// <param name="step">The step whose update produced the metric.</param>
    /// <param name="metric">The metric's name, e.g. <c>loss</c>, <c>val_loss</c> or <c>grad_norm</c>.</param>
    /// <param name="value">The measured value.</param>
    public virtual void Observe(long step, string metric, double value)
    {
        foreach (var child in Children)
        {
            child.Observe(step, metric, value);
        }
    }

    /// <summary>The feedback state of this schedule and its children, or null when there is none.</summary>
    public virtual JsonNode? SaveState()
    {
        if (!IsFeedback)
        {
            return null;
        }

        var states = new JsonArray();
        foreach (var child in Children)
        {
            states.Add(child.SaveState());
        }

        return states;
    }

    /// <summary>Restores the feedback state written by <see cref="SaveState"/> on the same definition.</summary>
    /// <param name="state">The saved state.</param>
    public virtual void LoadState(JsonNode? state)
    {
        if (!IsFeedback)
        {
            return;
        }

        if (state is not JsonArray states || states.Count != Children.Count)
        {
            throw new ArgumentException($"state for '{ToSpec().Name}' must be an array of {Children.Count} child states", nameof(state));
        }

        for (var i = 0; i < Children.Count; i++)
        {
            Children[i].LoadState(states[i]);
        }
    }

    /// <summary>Parses <paramref name="spec"/> with the built-in catalog, e.g. <c>Schedule.Parse("StepLR(step_size=30)")</c>.</summary>
    /// <param name="spec">Spec text.</param>
    public static Schedule Parse(string spec) => ScheduleCatalog.Default.Parse(spec);

    /// <summary>The spec text of this schedule.</summary>
    public override string ToString() => ToSpec().ToString();
}
