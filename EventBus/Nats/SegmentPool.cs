using System.Buffers;
using System.Collections.Concurrent;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Fixed-size blocks for the writer's pipe, kept for reuse (owner objects included), so a steady stream of
/// publishes allocates nothing once the pipe has grown to its working size. The shared array pool keeps only a
/// few large arrays per core, which a connection buffering megabytes would churn through.
/// </summary>
internal sealed class SegmentPool : MemoryPool<byte>
{
    private readonly ConcurrentStack<Block> _free = new();
    private readonly int _blockSize;
    private readonly int _maxRetained;

    public SegmentPool(int blockSize, int maxRetained)
    {
        _blockSize = blockSize;
        _maxRetained = maxRetained;
    }

    public override int MaxBufferSize => _blockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > _blockSize)
        {
            // An oversized message: serve it once, without keeping it.
            return new Block(null, minBufferSize);
        }

        return _free.TryPop(out var block) ? block.Reuse() : new Block(this, _blockSize);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private void Return(Block block)
    {
        if (_free.Count < _maxRetained)
        {
            _free.Push(block);
        }
    }

    private sealed class Block : IMemoryOwner<byte>
    {
        private readonly SegmentPool? _owner;
        private readonly byte[] _array;
        private int _rented;

        public Block(SegmentPool? owner, int size)
        {
            _owner = owner;
            _array = GC.AllocateUninitializedArray<byte>(size, pinned: owner is not null);
            _rented = 1;
        }

        public Memory<byte> Memory => _array;

        public Block Reuse()
        {
            _rented = 1;
            return this;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _rented, 0) == 1)
            {
                _owner?.Return(this);
            }
        }
    }
}
