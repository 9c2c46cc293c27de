// The work of one GEMM call as a numbered list of items that threads claim in order with one atomic
// counter: for each (NC column block, KC depth slice), first the items that pack op(B) into the shared
// buffer, then the compute items (an MC row block times a range of B panels). Claiming instead of fixed
// shares keeps a call moving when a thread is descheduled on a busy machine: whoever runs takes the next
// item. Completion counters replace barriers: compute on a block waits for its packing; a compute item
// waits for the same item of the previous depth slice (it updates the same region of C, whose first
// slice applies beta); packing into a buffer waits for the compute of the block that used it before.
namespace Ramp.Training.Kernels;

/// <summary>Item counts and claim/completion counters of the current GEMM call.</summary>
internal sealed class GemmSchedule
{
    private int[] _packed = [];
    private int[] _computed = [];
    private int[] _itemDone = [];
    private int _next;

    /// <summary>Column blocks times depth slices.</summary>
    public int Blocks { get; private set; }

    public int DepthBlocks { get; private set; }

    /// <summary>Items per block that pack op(B).</summary>
    public int PackItems { get; private set; }

    public int RowBlocks { get; private set; }

    /// <summary>Ranges of B panels each row block is split into.</summary>
    public int ColumnChunks { get; private set; }

    public int ComputeItems => RowBlocks * ColumnChunks;

    public int ItemsPerBlock => PackItems + ComputeItems;

    /// <summary>Sets the counts and clears the counters for a new call (before any thread starts).</summary>
    public void Prepare(int columnBlocks, int depthBlocks, int packItems, int rowBlocks, int columnChunks)
    {
        Blocks = columnBlocks * depthBlocks;
        DepthBlocks = depthBlocks;
        PackItems = packItems;
        RowBlocks = rowBlocks;
        ColumnChunks = columnChunks;
        if (_packed.Length < Blocks)
        {
            _packed = new int[Blocks];
            _computed = new int[Blocks];
        }

        if (_itemDone.Length < Blocks * ComputeItems)
        {
            _itemDone = new int[Blocks * ComputeItems];
        }

        Array.Clear(_packed, 0, Blocks);
        Array.Clear(_computed, 0, Blocks);
        Array.Clear(_itemDone, 0, Blocks * ComputeItems);
        _next = 0;
    }

    /// <summary>The next unclaimed item, or -1 when all are claimed.</summary>
    public int Claim()
    {
        var item = Interlocked.Increment(ref _next) - 1;
        return item < Blocks * ItemsPerBlock ? item : -1;
    }

    public void PackDone(int block) => Interlocked.Increment(ref _packed[block]);

    public void ComputeDone(int block, int unit)
    {
        Volatile.Write(ref _itemDone[(block * ComputeItems) + unit], 1);
        Interlocked.Increment(ref _computed[block]);
    }

    public void WaitPacked(int block) => WaitFor(ref _packed[block], PackItems);

    public void WaitComputed(int block) => WaitFor(ref _computed[block], ComputeItems);

    public void WaitComputed(int block, int unit) => WaitFor(ref _itemDone[(block * ComputeItems) + unit], 1);

    /// <summary>Waits until every compute item has finished (blocks before the last two are implied).</summary>
    public void WaitAll()
    {
        WaitComputed(Blocks - 1);
        if (Blocks > 1)
        {
            WaitComputed(Blocks - 2);
        }
    }

    private static void WaitFor(ref int counter, int target)
    {
        var spinner = default(SpinWait);
        while (Volatile.Read(ref counter) < target)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
