// Products (ChainedScheduler), scale and clamp, and the rules for mixing relative and absolute schedules.
using Ramp.Tests.Running;

namespace Ramp.Tests.Composition;

public class ProductScaleClampTests
{
    [Fact]
    public void A_product_multiplies_the_factors_at_each_step()
    {
        var product = Schedule.Parse("product(schedules=[warmup(steps=4, mode='overlay'), sequence(schedules=[constant(1), constant(0.1)], boundaries=[2])])");

        Drive.Close([0.25, 0.5, 0.075, 0.1, 0.1], Drive.Rates(product, 5));
    }

    [Fact]
    public void ChainedScheduler_is_the_product_of_its_schedulers()
    {
        var chained = Schedule.Parse("ChainedScheduler(schedulers=[constant(0.5), warmup(steps=2, mode='overlay')])");

        Drive.Close([0.25 * 0.05, 0.5 * 0.05, 0.5 * 0.05], Drive.Rates(chained, 3, baseRate: 0.05));
    }

    [Fact]
    public void A_product_with_one_absolute_schedule_scales_that_rate()
    {
        var product = Schedule.Parse("product(schedules=[constant(0.5), paddle.LinearWarmup(0.8, 2, 0, 0.8)])");

        Assert.Equal(RateScale.Absolute, product.Scale);
        Drive.Close([0, 0.2, 0.4, 0.4], Drive.Rates(product, 4, baseRate: 100));
    }

    [Fact]
    public void The_rate_flows_through_the_factors_in_order_so_a_floor_applies_where_it_stands()
    {
        // torch.ReduceLROnPlateau(min_lr=0.4) floors the rate it receives: after the floor, a factor of 0.5 halves it;
        // before the floor, the floor wins.
        var floorFirst = Schedule.Parse("product(schedules=[torch.ReduceLROnPlateau(patience=0, min_lr=0.4), constant(0.5)])");
        var floorLast = Schedule.Parse("product(schedules=[constant(0.5), torch.ReduceLROnPlateau(patience=0, min_lr=0.4)])");
        foreach (var schedule in new[] { floorFirst, floorLast })
        {
            schedule.Observe(0, "val_loss", 1);
            schedule.Observe(1, "val_loss", 1);
        }

        Assert.Equal(0.2, floorFirst.Rate(2, 1.0));
        Assert.Equal(0.4, floorLast.Rate(2, 1.0));
    }

    [Fact]
    public void Scale_multiplies_every_group_s_rate()
    {
        var scaled = Schedule.Parse("scale(schedule=warmup(steps=2), factor=3)");

        Assert.Equal(0.15, scaled.Rate(0, 0.1), 15);
        Assert.Equal(0.3, scaled.Rate(5, 0.1), 15);
    }

    [Fact]
    public void Clamp_bounds_a_relative_schedule_in_factors_of_each_base_rate()
    {
        var clamped = Schedule.Parse("clamp(schedule=warmup(steps=10, start=0), min=0.2, max=0.5)");

        Drive.Close([0.02, 0.02, 0.03, 0.05, 0.05], [clamped.Rate(0, 0.1), clamped.Rate(1, 0.1), clamped.Rate(3, 0.1), clamped.Rate(6, 0.1), clamped.Rate(20, 0.1)]);
    }

    [Fact]
    public void Clamp_bounds_an_absolute_schedule_in_rates()
    {
        var clamped = Schedule.Parse("clamp(schedule=paddle.LinearWarmup(0.5, 10, 0, 0.5), min=0.1)");

        Drive.Close([0.1, 0.1, 0.15, 0.5], [clamped.Rate(0, 9), clamped.Rate(1, 9), clamped.Rate(3, 9), clamped.Rate(20, 9)]);
    }

    [Theory]
    [InlineData("product(schedules=[paddle.LinearWarmup(0.5, 10, 0, 0.5), paddle.LinearWarmup(0.5, 10, 0, 0.5)])", "product: schedules[0] and schedules[1] are both absolute rates; a product may hold at most one absolute schedule, the others are factors")]
    [InlineData("product(schedules=[])", "product: schedules is empty; a product needs at least one schedule")]
    [InlineData("ChainedScheduler(schedulers=[torch.ReduceLROnPlateau()])", "ChainedScheduler: ChainedScheduler does not take schedulers that react to metrics, like schedulers[0] = torch.ReduceLROnPlateau; Ramp's product(schedules=...) does")]
    [InlineData("scale(schedule=constant(1), factor=-1)", "scale: factor=-1 is not allowed; allowed: a number >= 0")]
    [InlineData("clamp(schedule=constant(1))", "clamp: clamp needs min, max or both")]
    [InlineData("clamp(schedule=constant(1), min=0.5, max=0.2)", "clamp: min=0.5 must be <= max=0.2")]
    public void Rejects_bad_arguments_in_one_line(string spec, string message)
    {
        var error = Assert.Throws<SpecException>(() => Schedule.Parse(spec));

        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("product(schedules=[constant(value=0.5), warmup(schedule=constant(value=1), steps=2, shape='linear', mode='overlay')])")]
    [InlineData("scale(schedule=constant(value=1), factor=2)")]
    [InlineData("clamp(schedule=constant(value=1), max=0.5)")]
    [InlineData("ChainedScheduler(schedulers=[constant(value=0.5), constant(value=0.2)])")]
    public void Prints_its_definition_and_parses_back(string spec)
        => Assert.Equal(spec, Schedule.Parse(Schedule.Parse(spec).ToString()).ToString());
}
