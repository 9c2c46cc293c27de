// The blocked GEMM loops around a micro-kernel (the Goto/BLIS scheme): for each NC-wide block of columns
// and each KC-deep slice of k, the team packs op(B) together (each thread a share of its panels), meets
// at a barrier, then each thread packs its own MC-row blocks of op(A) and sweeps them against the shared
// B panels. Threads split the rows of C (and, when C has few rows, also its columns) into disjoint
// regions, so they never write the same element. The first k slice applies beta, later slices add.
using System.Runtime.CompilerServices;

namespace Ramp.Training.Kernels;

/// <summary>Blocked, packed, optionally multi-threaded GEMM over micro-kernel <typeparamref name="TKernel"/>.</summary>
internal static unsafe class GemmDriver<TKernel>
    where TKernel : struct, IGemmMicroKernel
{
    /// <summary>Runs the problem (with m, n, k &gt; 0) on <paramref name="threads"/> threads of the team.</summary>
    public static void Run(GemmTeam team, in GemmProblem problem, int threads)
    {
        var depthBlock = Math.Min(TKernel.DepthBlock, problem.K);
        var rowBlock = Math.Min(TKernel.RowBlock, RoundUp(problem.M, TKernel.Rows));
        var columnBlock = Math.Min(TKernel.ColumnBlock, RoundUp(problem.N, TKernel.Columns));
        team.Workspace.Reserve(
            threads, rowBlock * depthBlock, columnBlock * depthBlock, TKernel.Rows * TKernel.Columns);
        team.Problem = problem;
        team.RowGroups = ChooseRowGroups(problem.M, problem.N, threads);
        team.Run(&Execute, threads);
    }

    /// <summary>
    /// Splits the threads into row groups times column groups, minimizing the work of the busiest thread:
    /// its micro-tiles plus the packing of its rows of A, which every column group repeats (packing an
    /// A panel costs about half a micro-tile).
    /// </summary>
    internal static int ChooseRowGroups(int m, int n, int threads)
    {
        var rowPanels = CeilDiv(m, TKernel.Rows);
        var columnPanels = CeilDiv(Math.Min(n, TKernel.ColumnBlock), TKernel.Columns);
        var best = 1;
        var bestCost = long.MaxValue;
        for (var rowGroups = threads; rowGroups >= 1; rowGroups--)
        {
            if (threads % rowGroups != 0)
            {
                continue;
            }

            var cost = (long)CeilDiv(rowPanels, rowGroups) * ((2 * CeilDiv(columnPanels, threads / rowGroups)) + 1);
            if (cost < bestCost)
            {
                best = rowGroups;
                bestCost = cost;
            }
        }

        return best;
    }

    private static void Execute(GemmTeam team, int thread)
    {
        ref readonly var problem = ref team.Problem;
        var threads = team.Participants;
        var rowGroups = team.RowGroups;
        var columnGroups = threads / rowGroups;
        var columnGroup = thread % columnGroups;

        var rowPanels = CeilDiv(problem.M, TKernel.Rows);
        var rowGroup = thread / columnGroups;
        var rowStart = Math.Min(problem.M, rowPanels * rowGroup / rowGroups * TKernel.Rows);
        var rowEnd = Math.Min(problem.M, rowPanels * (rowGroup + 1) / rowGroups * TKernel.Rows);

        var workspace = team.Workspace;
        var packedA = workspace.PackedA(thread);
        var tile = workspace.Tile(thread);
        var block = 0;
        for (var column0 = 0; column0 < problem.N; column0 += TKernel.ColumnBlock)
        {
            var columns = Math.Min(TKernel.ColumnBlock, problem.N - column0);
            var columnPanels = CeilDiv(columns, TKernel.Columns);
            var panelStart = columnPanels * columnGroup / columnGroups;
            var panelEnd = columnPanels * (columnGroup + 1) / columnGroups;
            for (var depth0 = 0; depth0 < problem.K; depth0 += TKernel.DepthBlock)
            {
                var depth = Math.Min(TKernel.DepthBlock, problem.K - depth0);
                var beta = depth0 == 0 ? problem.Beta : 1f;
                var packedB = workspace.PackedB(block & 1);
                block++;

                var packStart = columnPanels * thread / threads;
                var packEnd = columnPanels * (thread + 1) / threads;
                if (packStart < packEnd)
                {
                    var first = packStart * TKernel.Columns;
                    GemmPacking.PackB(
                        problem, depth0, depth, column0 + first,
                        Math.Min(columns, packEnd * TKernel.Columns) - first, TKernel.Columns,
                        packedB + (first * depth));
                }

                team.Barrier();
                for (var row0 = rowStart; row0 < rowEnd; row0 += TKernel.RowBlock)
                {
                    var rows = Math.Min(TKernel.RowBlock, rowEnd - row0);
                    GemmPacking.PackA(problem, row0, rows, depth0, depth, TKernel.Rows, packedA);
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
