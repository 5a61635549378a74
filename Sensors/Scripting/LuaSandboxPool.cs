using System.Collections.Concurrent;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// Sandboxes for one script, so that several triggers can run it at once: each run takes an idle sandbox (or compiles a
/// new one), and gives it back afterwards. At most <see cref="MaxIdle"/> idle sandboxes are kept; one that went over a
/// limit is closed instead of reused.
/// </summary>
internal sealed class LuaSandboxPool : IDisposable
{
    private readonly string _script;
    private readonly LuaScriptLimits _limits;
    private readonly ConcurrentBag<LuaSandbox> _idle = [];
    private volatile bool _disposed;

    /// <summary>Compiles <paramref name="script"/> once to check it, keeping that sandbox as the first idle one.</summary>
    /// <exception cref="LuaScriptException">The script has a syntax error.</exception>
    public LuaSandboxPool(string script, LuaScriptLimits limits)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(limits);
        _script = script;
        _limits = limits;
        _idle.Add(LuaSandbox.Create(script, limits));
    }

    /// <summary>Idle sandboxes kept for reuse: one per processor.</summary>
    public static int MaxIdle { get; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Runs the script in a sandbox of its own; see <see cref="LuaSandbox.Run{T}"/>.</summary>
    public T Run<T>(ReadOnlySpan<byte> json, Func<KeraLua.Lua, int, T> readResult)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var sandbox = _idle.TryTake(out var idle) ? idle : LuaSandbox.Create(_script, _limits);
        try
        {
            return sandbox.Run(json, readResult);
        }
        finally
        {
            if (_disposed || !sandbox.Reusable || _idle.Count >= MaxIdle)
            {
                sandbox.Dispose();
            }
            else
            {
                _idle.Add(sandbox);
                if (_disposed)
                {
                    DisposeIdle();
                }
            }
        }
    }

    /// <summary>Closes the idle sandboxes; ones in use are closed when their run ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var sandbox))
        {
            sandbox.Dispose();
        }
    }
}
