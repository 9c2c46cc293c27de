// Per-group terms reach each group's column: ReduceLROnPlateau's min_lr list gives every group its own floor.
namespace Ramp.Cli.Tests;

public class PerGroupFloorTests
{
    [Fact]
    public void Eval_gives_each_group_its_own_min_lr()
    {
        // patience 0: every metric that does not improve reduces; floors 0.04 and 0.3 stop the two groups apart.
        var result = Cli.Run(ScheduleCatalog.Default, false, "schedule", "eval", "torch.ReduceLROnPlateau(patience=0, min_lr=[0.04, 0.3])", "--steps", "5", "--lr", "0.5,0.5", "--metrics", "1,1,1,1,1", "--metric", "val_loss");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["step,lr0,lr1", "0,0.5,0.5", "1,0.5,0.5", "2,0.05,0.3", "3,0.04,0.3", "4,0.04,0.3"], result.OutputLines);
    }
}
