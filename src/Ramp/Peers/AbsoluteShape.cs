// A peer schedule whose value is a learning rate (Keras, optax, Paddle) computed from one of Ramp's relative
// shapes: rate(step) = initial × shape(step). It reports the peer's own definition, so specs round-trip.
namespace Ramp;

internal sealed class AbsoluteShape : Schedule
{
    private readonly Schedule[] children;

    /// <param name="definition">The peer's call, as the catalog printed it.</param>
    /// <param name="initial">The rate that multiplies the shape (1 when the shape holds the rates itself).</param>
    /// <param name="shape">A relative shape.</param>
    public AbsoluteShape(SpecCall definition, double initial, Schedule shape)
    {
        Definition = definition;
        Initial = initial;
        Shape = shape;
        children = [shape];
    }

    public SpecCall Definition { get; }

    public double Initial { get; }

    public Schedule Shape { get; }

    public override RateScale Scale => RateScale.Absolute;

    public override IReadOnlyList<Schedule> Children => children;

    public override double Rate(long step) => Initial * Shape.Rate(step);

    public override SpecCall ToSpec() => Definition;
}
