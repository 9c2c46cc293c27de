using Ramp.Training.Layers;
using Ramp.Training.Randomness;

namespace Ramp.Training.Tests.Layers;

public class PositionsTests
{
    [Fact]
    public void Sinusoidal_table_interleaves_sine_and_cosine_as_in_the_paper()
    {
        var table = new float[3 * 4];
        Positions.FillSinusoidal(3, 4, table);

        // Row 0 is sin(0), cos(0), ...; column 0 has frequency 1 and column 2 frequency 10000^(-2/4) = 0.01.
        Assert.Equal([0f, 1f, 0f, 1f], table[..4]);
        Assert.Equal(MathF.Sin(2f), table[8], 6);
        Assert.Equal(MathF.Cos(2f), table[9], 6);
        Assert.Equal(MathF.Sin(0.02f), table[10], 6);
        Assert.Equal(MathF.Cos(0.02f), table[11], 6);
    }

    [Fact]
    public void Sinusoidal_table_matches_the_formula_evaluated_by_PyTorch()
    {
        var fixture = OpsFixture.Load("sinusoidal_positions");
        int positions = fixture.Size("positions"), channels = fixture.Size("channels");
        var table = new float[positions * channels];

        Positions.FillSinusoidal(positions, channels, table);

        OpsFixture.AssertClose("table", fixture.Floats("table"), table, 1e-6, 1e-6);
    }

    [Fact]
    public void Forward_adds_the_row_of_each_position_and_works_in_place()
    {
        float[] values = [1, 1, 1, 1, 2, 2, 2, 2];
        float[] table = [10, 20, 30, 40, 50, 60];

        Positions.Forward(values, table, 2, 2, 2, values);

        Assert.Equal([11f, 21f, 31f, 41f, 12f, 22f, 32f, 42f], values);
    }

    [Fact]
    public void Backward_matches_central_differences_for_input_and_learned_table()
    {
        var generator = new RandomGenerator(12);
        const int Batch = 2, Length = 3, PositionCount = 5, Channels = 4;
        var input = GradientCheck.Uniform(generator, Batch * Length * Channels);
        var table = GradientCheck.Uniform(generator, PositionCount * Channels);
        var weights = GradientCheck.Uniform(generator, input.Length);
        var output = new float[input.Length];
        double Objective()
        {
            Positions.Forward(input, table, Batch, Length, Channels, output);
            return GradientCheck.Objective(output, weights);
        }

        var inputBefore = GradientCheck.Uniform(generator, input.Length);
        var tableBefore = GradientCheck.Uniform(generator, table.Length);
        var inputGradient = (float[])inputBefore.Clone();
        var tableGradient = (float[])tableBefore.Clone();
        Positions.Backward(weights, Batch, Length, Channels, inputGradient, tableGradient);

        GradientCheck.AssertMatches("input", input, inputGradient, inputBefore, Objective);
        GradientCheck.AssertMatches("table", table, tableGradient, tableBefore, Objective);
    }

    [Fact]
    public void Matches_PyTorch_learned_positions()
    {
        var fixture = OpsFixture.Load("learned_positions");
        int batch = fixture.Size("batch"), length = fixture.Size("length"), channels = fixture.Size("channels");
        var output = new float[batch * length * channels];
        var inputGradient = new float[output.Length];
        var tableGradient = new float[fixture.Size("positions") * channels];

        Positions.Forward(fixture.Floats("input"), fixture.Floats("table"), batch, length, channels, output);
        Positions.Backward(fixture.Floats("output_gradient"), batch, length, channels, inputGradient, tableGradient);

        OpsFixture.AssertClose("output", fixture.Floats("output"), output);
        OpsFixture.AssertClose("input gradient", fixture.Floats("input_gradient"), inputGradient);
        OpsFixture.AssertClose("table gradient", fixture.Floats("table_gradient"), tableGradient);
    }

    [Fact]
    public void Table_shorter_than_the_sequence_is_rejected()
        => Assert.Throws<ArgumentException>(() => Positions.Forward(new float[8], new float[2], 2, 2, 2, new float[8]));
}
