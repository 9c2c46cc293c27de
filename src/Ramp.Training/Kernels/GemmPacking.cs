// Packing copies a block of op(A) or op(B) into the panel layout the micro-kernels stream through:
// A as panels of MR rows, each panel (depth, MR) so that one step of k reads MR consecutive floats;
// B as panels of NR columns, each panel (depth, NR). Transposes are absorbed here, alpha is folded into A,
// and the last panel is padded with zeros so that the micro-kernel always runs on full tiles.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ramp.Training.Kernels;

/// <summary>Packs blocks of op(A) and op(B) into micro-kernel panels.</summary>
internal static unsafe class GemmPacking
{
    private const int SixRows = 6;

    /// <summary>
    /// Packs alpha * op(A)[row0 .. row0+rowCount, depth0 .. depth0+depth] into panels of
    /// <paramref name="panelRows"/> rows at <paramref name="destination"/> (ceil(rowCount / MR) * MR * depth floats).
    /// </summary>
    public static void PackA(
        in GemmProblem problem, int row0, int rowCount, int depth0, int depth, int panelRows, float* destination)
    {
        var alpha = problem.Alpha;
        for (var panel = 0; panel < rowCount; panel += panelRows)
        {
            var rows = Math.Min(panelRows, rowCount - panel);
            var firstRow = row0 + panel;
            if (rows == SixRows && panelRows == SixRows)
            {
                PackSixRows(problem, firstRow, depth0, depth, destination);
            }
            else if (problem.TransposeA)
            {
                // A is stored (k, m): one step of k is a contiguous run of rows.
                for (var q = 0; q < depth; q++)
                {
                    var source = problem.A + ((depth0 + q) * problem.Lda) + firstRow;
                    var target = destination + (q * panelRows);
                    for (var i = 0; i < rows; i++)
                    {
                        target[i] = alpha * source[i];
                    }
                }
            }
            else
            {
                for (var i = 0; i < rows; i++)
                {
                    var source = problem.A + ((firstRow + i) * problem.Lda) + depth0;
                    var target = destination + i;
                    for (var q = 0; q < depth; q++)
                    {
                        target[q * panelRows] = alpha * source[q];
                    }
                }
            }

            if (rows < panelRows)
            {
                ZeroPadding(destination, depth, panelRows, rows);
            }

            destination += panelRows * depth;
        }
    }

    /// <summary>
    /// Packs op(B)[depth0 .. depth0+depth, column0 .. column0+columnCount] into panels of
    /// <paramref name="panelColumns"/> columns at <paramref name="destination"/> (ceil(columnCount / NR) * NR * depth floats).
    /// </summary>
    public static void PackB(
        in GemmProblem problem, int depth0, int depth, int column0, int columnCount, int panelColumns, float* destination)
    {
        if (!problem.TransposeB)
        {
            PackRowsOfB(problem, depth0, depth, column0, columnCount, panelColumns, destination);
            return;
        }

        for (var panel = 0; panel < columnCount; panel += panelColumns)
        {
            // B is stored (n, k): each column of op(B) is a contiguous run in k.
            var columns = Math.Min(panelColumns, columnCount - panel);
            for (var j = 0; j < columns; j++)
            {
                var source = problem.B + ((column0 + panel + j) * problem.Ldb) + depth0;
                var target = destination + j;
                for (var q = 0; q < depth; q++)
                {
                    target[q * panelColumns] = source[q];
                }
            }

            if (columns < panelColumns)
            {
                ZeroPadding(destination, depth, panelColumns, columns);
            }

            destination += panelColumns * depth;
        }
    }

    /// <summary>
    /// Packs B stored (k, n) row by row: each row of the block is read once, front to back, and dealt out
    /// to the panels. When m is small each packed element feeds few multiply-adds, so this copy must run
    /// at memory speed rather than hop between rows a stride apart.
    /// </summary>
    private static void PackRowsOfB(
        in GemmProblem problem, int depth0, int depth, int column0, int columnCount, int panelColumns, float* destination)
    {
        var fullPanels = columnCount / panelColumns;
        var rest = columnCount - (fullPanels * panelColumns);
        var panelSize = panelColumns * depth;
        for (var q = 0; q < depth; q++)
        {
            var source = problem.B + ((depth0 + q) * problem.Ldb) + column0;
            var target = destination + (q * panelColumns);
            for (var panel = 0; panel < fullPanels; panel++)
            {
                Copy(source, target, panelColumns);
                source += panelColumns;
                target += panelSize;
            }

            if (rest > 0)
            {
                Copy(source, target, rest);
                new Span<float>(target + rest, panelColumns - rest).Clear();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(float* source, float* target, int count)
    {
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + Vector256<float>.Count <= count; j += Vector256<float>.Count)
            {
                Vector256.Store(Vector256.Load(source + j), target + j);
            }
        }

        for (; j < count; j++)
        {
            target[j] = source[j];
        }
    }

    /// <summary>Packs one full panel of six rows (the vector kernels' MR), unrolled: packing A is on the
    /// critical path when n is small, since each packed element then feeds only n multiply-adds.</summary>
    private static void PackSixRows(in GemmProblem problem, int firstRow, int depth0, int depth, float* target)
    {
        var alpha = problem.Alpha;
        if (problem.TransposeA)
        {
            var source = problem.A + (depth0 * problem.Lda) + firstRow;
            var q = 0;
            if (Vector256.IsHardwareAccelerated && firstRow + Vector256<float>.Count <= problem.M)
            {
                // Eight floats in, eight out: the two extra land where the next step's six go, and the
                // last step's two spill into the panel's slack (see GemmWorkspace); all reads stay in the row.
                var scale = Vector256.Create(alpha);
                for (; q < depth; q++)
                {
                    Vector256.Store(scale * Vector256.Load(source), target);
                    source += problem.Lda;
                    target += SixRows;
                }
            }

            for (; q < depth; q++)
            {
                target[0] = alpha * source[0];
                target[1] = alpha * source[1];
                target[2] = alpha * source[2];
                target[3] = alpha * source[3];
                target[4] = alpha * source[4];
                target[5] = alpha * source[5];
                source += problem.Lda;
                target += SixRows;
            }
        }
        else
        {
            var row0 = problem.A + (firstRow * problem.Lda) + depth0;
            var row1 = row0 + problem.Lda;
            var row2 = row1 + problem.Lda;
            var row3 = row2 + problem.Lda;
            var row4 = row3 + problem.Lda;
            var row5 = row4 + problem.Lda;
            for (var q = 0; q < depth; q++)
            {
                target[0] = alpha * row0[q];
                target[1] = alpha * row1[q];
                target[2] = alpha * row2[q];
                target[3] = alpha * row3[q];
                target[4] = alpha * row4[q];
                target[5] = alpha * row5[q];
                target += SixRows;
            }
        }
    }

    private static void ZeroPadding(float* panel, int depth, int width, int used)
    {
        for (var q = 0; q < depth; q++)
        {
            new Span<float>(panel + (q * width) + used, width - used).Clear();
        }
    }
}
