// The blocked GEMM loops around a micro-kernel (the Goto/BLIS scheme): for each NC-wide block of columns
// and each KC-deep slice of k, op(B) is packed into a shared buffer (two buffers alternate, so packing the
// next slice can overlap compute on this one), then each MC-row block of op(A) is packed into a thread's
// own buffer and swept against the B panels. The work is cut into items (see GemmSchedule) that the
// team's threads claim; compute items own disjoint regions of C, so no two threads write one element.
// The first k slice applies beta, later slices add.
using System.Runtime.CompilerServices;

namespace Ramp.Training.Kernels;

/// <summary>Blocked, packed, optionally multi-threaded GEMM over micro-kernel <typeparamref name="TKernel"/>.</summary>
internal static unsafe class GemmDriver<TKernel>
    where TKernel : struct, IGemmMicroKernel
{
    /// <summary>Compute items per thread to aim for, so that claiming evens out uneven progress.</summary>
    private const int ItemsPerThread = 4;

    /// <summary>Runs the problem (with m, n, k &gt; 0) on up to <paramref name="threads"/> threads of the team.</summary>
    public static void Run(GemmTeam team, in GemmProblem problem, int threads)
    {
        var depthBlock = Math.Min(TKernel.DepthBlock, problem.K);
        var rowBlock = Math.Min(TKernel.RowBlock, RoundUp(problem.M, TKernel.Rows));
        var columnBlock = Math.Min(TKernel.ColumnBlock, RoundUp(problem.N, TKernel.Columns));
        team.Workspace.Reserve(
            threads, rowBlock * depthBlock, columnBlock * depthBlock, TKernel.Rows * TKernel.Columns);
        team.Problem = problem;
        var rowBlocks = CeilDiv(problem.M, TKernel.RowBlock);
        var panels = CeilDiv(columnBlock, TKernel.Columns);
        team.Schedule.Prepare(
            CeilDiv(problem.N, TKernel.ColumnBlock),
            CeilDiv(problem.K, TKernel.DepthBlock),
            packItems: Math.Min(panels, 2 * threads - 1),
            rowBlocks,
            columnChunks: ColumnChunks(rowBlocks, panels, threads));
        team.Run(&Execute, threads);
    }

    /// <summary>
    /// Ranges of B panels to cut each row block into: one when there are enough row blocks to go round,
    /// more when C has few rows (each extra chunk repacks its row block of A, so no more than needed).
    /// </summary>
    internal static int ColumnChunks(int rowBlocks, int panels, int threads) =>
        threads == 1 ? 1 : Math.Clamp(CeilDiv(ItemsPerThread * threads, rowBlocks), 1, panels);

    private static void Execute(GemmTeam team, int thread)
    {
        ref readonly var problem = ref team.Problem;
        var schedule = team.Schedule;
        var workspace = team.Workspace;
        var packedA = workspace.PackedA(thread);
        var tile = workspace.Tile(thread);
        var packedAFor = -1;
        for (var item = schedule.Claim(); item >= 0; item = schedule.Claim())
        {
            var block = item / schedule.ItemsPerBlock;
            var index = item % schedule.ItemsPerBlock;
            var column0 = block / schedule.DepthBlocks * TKernel.ColumnBlock;
            var depth0 = block % schedule.DepthBlocks * TKernel.DepthBlock;
            var columns = Math.Min(TKernel.ColumnBlock, problem.N - column0);
            var depth = Math.Min(TKernel.DepthBlock, problem.K - depth0);
            var panels = CeilDiv(columns, TKernel.Columns);
            var packedB = workspace.PackedB(block & 1);
            if (index < schedule.PackItems)
            {
                if (block >= 2)
                {
                    schedule.WaitComputed(block - 2);
                }

                var first = panels * index / schedule.PackItems * TKernel.Columns;
                var end = Math.Min(columns, panels * (index + 1) / schedule.PackItems * TKernel.Columns);
                if (first < end)
                {
                    GemmPacking.PackB(
                        problem, depth0, depth, column0 + first, end - first, TKernel.Columns, packedB + (first * depth));
                }

                schedule.PackDone(block);
                continue;
            }

            schedule.WaitPacked(block);
            var unit = index - schedule.PackItems;
            if (depth0 > 0)
            {
                schedule.WaitComputed(block - 1, unit);
            }

            var rowBlockIndex = unit / schedule.ColumnChunks;
            var chunk = unit % schedule.ColumnChunks;
            var panelStart = panels * chunk / schedule.ColumnChunks;
            var panelEnd = panels * (chunk + 1) / schedule.ColumnChunks;
            if (panelStart < panelEnd)
            {
                var row0 = rowBlockIndex * TKernel.RowBlock;
                var rows = Math.Min(TKernel.RowBlock, problem.M - row0);
                var key = (block * schedule.RowBlocks) + rowBlockIndex;
                if (key != packedAFor)
                {
                    GemmPacking.PackA(problem, row0, rows, depth0, depth, TKernel.Rows, packedA);
                    packedAFor = key;
                }

                var beta = depth0 == 0 ? problem.Beta : 1f;
                Compute(problem, packedA, packedB, tile, row0, rows, column0, columns, depth, panelStart, panelEnd, beta);
            }

            schedule.ComputeDone(block, unit);
        }

        if (thread == 0)
        {
            schedule.WaitAll();
        }
    }

    /// <summary>C[row0.., column0..] over B panels [panelStart, panelEnd) of one packed block pair.</summary>
    private static void Compute(
        in GemmProblem problem, float* packedA, float* packedB, float* tile, int row0, int rows,
        int column0, int columns, int depth, int panelStart, int panelEnd, float beta)
    {
        for (var panel = panelStart; panel < panelEnd; panel++)
        {
            var firstColumn = panel * TKernel.Columns;
            var tileColumns = Math.Min(TKernel.Columns, columns - firstColumn);
            var panelB = packedB + (firstColumn * depth);
            var c = problem.C + (row0 * problem.Ldc) + column0 + firstColumn;
            for (var i = 0; i < rows; i += TKernel.Rows)
            {
                var panelA = packedA + (i * depth);
                var tileRows = Math.Min(TKernel.Rows, rows - i);
                if (tileRows == TKernel.Rows && tileColumns == TKernel.Columns)
                {
                    TKernel.Multiply(depth, panelA, panelB, c + (i * problem.Ldc), problem.Ldc, beta);
                }
                else
                {
                    TKernel.Multiply(depth, panelA, panelB, tile, TKernel.Columns, 0f);
                    MergeEdge(tile, c + (i * problem.Ldc), problem.Ldc, tileRows, tileColumns, beta);
                }
            }
        }
    }

    /// <summary>Adds the valid part of a full tile computed aside into C: C = tile + beta * C.</summary>
    private static void MergeEdge(float* tile, float* c, nint ldc, int rows, int columns, float beta)
    {
        for (var i = 0; i < rows; i++)
        {
            var source = tile + (i * TKernel.Columns);
            var target = c + (i * ldc);
            for (var j = 0; j < columns; j++)
            {
                target[j] = beta == 0f ? source[j] : source[j] + (beta * target[j]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RoundUp(int value, int multiple) => CeilDiv(value, multiple) * multiple;
}
