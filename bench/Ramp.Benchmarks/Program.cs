// Runs the BenchmarkDotNet suites; pass --filter to pick (see bench/RESULTS.md for the commands used).
// "gemm-vs-openblas" instead runs Ramp's GEMM and OpenBLAS side by side (Kernels/GemmVersusOpenBlas.cs),
// "gemm-threads" measures where a second GEMM thread pays (Kernels/GemmThreadThreshold.cs),
// "train-step" times training steps of the configurations compared with PyTorch (Training/TrainStepCommand.cs).
using BenchmarkDotNet.Running;
using Ramp.Benchmarks.Kernels;
using Ramp.Benchmarks.Training;

if (args.Length > 0 && args[0] == "gemm-vs-openblas")
{
    return GemmVersusOpenBlas.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "gemm-threads")
{
    return GemmThreadThreshold.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "train-step")
{
    return TrainStepCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
