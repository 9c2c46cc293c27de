// Packing copies a block of op(A) or op(B) into the panel layout the micro-kernels stream through:
// A as panels of MR rows, each panel (depth, MR) so that one step of k reads MR consecutive floats;
// B as panels of NR columns, each panel (depth, NR). Transposes are absorbed here, alpha is folded into A,
// and the last panel is padded with zeros so that the micro-kernel always runs on full tiles.
using System.Runtime.CompilerServices;

namespace Ramp.Training.Kernels;

/// <summary>Packs blocks of op(A) and op(B) into micro-kernel panels.</summary>
internal static unsafe class GemmPacking
{
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
            if (problem.TransposeA)
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
        for (var panel = 0; panel < columnCount; panel += panelColumns)
        {
            var columns = Math.Min(panelColumns, columnCount - panel);
            var firstColumn = column0 + panel;
            if (problem.TransposeB)
            {
                // B is stored (n, k): each column of op(B) is a contiguous run in k.
                for (var j = 0; j < columns; j++)
                {
                    var source = problem.B + ((firstColumn + j) * problem.Ldb) + depth0;
                    var target = destination + j;
                    for (var q = 0; q < depth; q++)
                    {
                        target[q * panelColumns] = source[q];
                    }
                }
            }
            else
            {
                var bytes = (uint)(columns * sizeof(float));
                for (var q = 0; q < depth; q++)
                {
                    var source = problem.B + ((depth0 + q) * problem.Ldb) + firstColumn;
                    Unsafe.CopyBlockUnaligned(destination + (q * panelColumns), source, bytes);
                }
            }

            if (columns < panelColumns)
            {
                ZeroPadding(destination, depth, panelColumns, columns);
            }

            destination += panelColumns * depth;
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
