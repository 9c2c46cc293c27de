// Atomic writes leave the old content or the new one, and no temporary files behind; those of killed writes are found and deleted.

namespace Ramp.Training.Tests.Training;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ramp-atomic-").FullName;

    [Fact]
    public void Replaces_content_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(directory, "state.json");
        AtomicFile.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["state.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_content()
    {
        var path = Path.Combine(directory, "weights.bin");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte(9);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public void DeleteLeftovers_removes_the_temporary_files_of_that_file_only()
    {
        var path = Path.Combine(directory, "metrics.jsonl");
        File.WriteAllText(path, "kept");
        string[] others = ["metrics.jsonl", ".metrics.jsonl.notes.tmp", $".config.json.{Guid.NewGuid():N}.tmp", $".metrics.jsonl.{Guid.NewGuid():N}.old"];
        foreach (var other in others[1..])
        {
            File.WriteAllText(Path.Combine(directory, other), "other");
        }

        File.WriteAllText(Path.Combine(directory, $".metrics.jsonl.{Guid.NewGuid():N}.tmp"), "half a");

        AtomicFile.DeleteLeftovers(path);

        Assert.Equal(others.Order(StringComparer.Ordinal), Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
