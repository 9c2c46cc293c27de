// Runs the BenchmarkDotNet suites; pass --filter to pick (see bench/RESULTS.md for the commands used).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
