// The contract of a GEMM micro-kernel and its blocking: the driver is generic over it, so each variant's
// loops are compiled with its tile and block sizes as constants.
namespace Ramp.Training.Kernels;

/// <summary>A register-tile kernel on packed panels, with the cache blocking that suits it.</summary>
internal unsafe interface IGemmMicroKernel
{
    /// <summary>MR: rows of the C tile; a packed A panel holds MR floats per step of k.</summary>
    static abstract int Rows { get; }

    /// <summary>NR: columns of the C tile; a packed B panel holds NR floats per step of k.</summary>
    static abstract int Columns { get; }

    /// <summary>MC: rows of A packed at once (a multiple of MR), sized to stay in L2.</summary>
    static abstract int RowBlock { get; }

    /// <summary>KC: depth of one packed block, sized so one B panel stays in L1.</summary>
    static abstract int DepthBlock { get; }

    /// <summary>NC: columns of B packed at once (a multiple of NR), sized for L3.</summary>
    static abstract int ColumnBlock { get; }

    /// <summary>
    /// C (MR, NR) with row stride <paramref name="ldc"/> = packedA (MR-panel, depth) * packedB (NR-panel,
    /// depth) + beta * C; beta 0 overwrites C without reading it.
    /// </summary>
    static abstract void Multiply(int depth, float* packedA, float* packedB, float* c, nint ldc, float beta);
}
