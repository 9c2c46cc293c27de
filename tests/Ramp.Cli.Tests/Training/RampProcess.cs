// `ramp` as a child process: the built Ramp.Cli.dll (copied next to the test assembly, which references the CLI
// project) run by the dotnet host that runs the tests, its output collected so that a full pipe never blocks it.
// For tests that kill the process; Process.Kill sends SIGKILL on Linux.
using System.Diagnostics;
using System.Text;

namespace Ramp.Cli.Tests.Training;

internal sealed class RampProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RampProcess(Process process)
    {
        this.process = process;
    }

    public bool HasExited => process.HasExited;

    public static RampProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ramp.Cli.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var started = new RampProcess(process);
        process.OutputDataReceived += (_, line) => started.Collect(line.Data);
        process.ErrorDataReceived += (_, line) => started.Collect(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    // Polls until the condition holds; fails (after killing the process) when the process ends first or time runs out.
    public void WaitUntil(Func<bool> condition, string what, TimeSpan timeout, TimeSpan poll)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited)
            {
                Assert.Fail($"ramp exited with code {process.ExitCode} before {what}; its output:\n{Output}");
            }

            if (clock.Elapsed > timeout)
            {
                Kill();
                Assert.Fail($"no {what} after {timeout.TotalSeconds} s; ramp's output:\n{Output}");
            }

            if (poll > TimeSpan.Zero)
            {
                Thread.Sleep(poll);
            }
        }
    }

    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    // The host running the tests (dotnet test sets DOTNET_HOST_PATH), else the dotnet on PATH.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}
