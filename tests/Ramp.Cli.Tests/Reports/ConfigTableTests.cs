// Configs side by side: dotted paths in config.json order, values as people write them, a row per field
// that any run has, and "differs" only where the runs' values are not all the same.
using Ramp.Cli.Reports;
using Ramp.Training.Training;

namespace Ramp.Cli.Tests.Reports;

public sealed class ConfigTableTests
{
    [Fact]
    public void Flattens_to_dotted_paths_in_config_order_with_values_as_written()
    {
        var fields = ConfigTable.Flatten(new TrainingConfig());

        Assert.Equal("data.corpus", fields.Keys.First());
        Assert.Equal("evaluation.max_output_length", fields.Keys.Last());
        Assert.Equal("256", fields["model.d_model"]);
        Assert.Equal("true", fields["model.tied_embeddings"]);
        Assert.Equal("[0.9, 0.98]", fields["optimizer.betas"]);
        Assert.Equal("1e-9", fields["optimizer.eps"]);
        Assert.Equal("{}", fields["group_schedules"]);
        Assert.Equal(string.Empty, fields["data.corpus"]);
    }

    [Fact]
    public void Same_configs_have_no_differing_row()
    {
        var rows = ConfigTable.Build([new TrainingConfig(), new TrainingConfig()]);

        Assert.DoesNotContain(rows, row => row.Differs);
        Assert.Contains(rows, row => row.Path == "group_schedules" && row.Values.SequenceEqual(["{}", "{}"]));
    }

    [Fact]
    public void A_field_only_a_later_run_has_sits_after_its_predecessor_and_differs()
    {
        var plain = new TrainingConfig();
        var grouped = new TrainingConfig { GroupSchedules = new Dictionary<string, string> { ["decay"] = "constant(1)", ["no_decay"] = "constant(0.5)" } };

        var rows = ConfigTable.Build([plain, grouped]);

        var paths = rows.Select(row => row.Path).ToList();
        Assert.Equal(["schedule", "group_schedules.decay", "group_schedules.no_decay", "training.steps"], paths.Skip(paths.IndexOf("schedule")).Take(4));
        var decay = rows.Single(row => row.Path == "group_schedules.decay");
        Assert.Equal([null, "constant(1)"], decay.Values);
        Assert.True(decay.Differs);
        Assert.Equal(2, rows.Count(row => row.Differs));
    }
}
