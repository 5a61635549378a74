using System.Collections.Concurrent;

namespace ArgoEvents.Testing;

/// <summary>
/// Last line of defence against orphaned servers: whatever is registered here is disposed when the
/// host process exits, even if a test forgot to dispose it or the run was cancelled.
/// </summary>
public static class ProcessExitCleanup
{
    private static readonly ConcurrentDictionary<IDisposable, byte> Pending = new();

    static ProcessExitCleanup()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAll();
    }

    /// <summary>Disposes <paramref name="resource"/> at process exit unless it is unregistered first.</summary>
    public static void Register(IDisposable resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Pending.TryAdd(resource, 0);
    }

    /// <summary>Forgets a resource that was disposed normally.</summary>
    public static void Unregister(IDisposable resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Pending.TryRemove(resource, out _);
    }

    private static void DisposeAll()
    {
        foreach (var resource in Pending.Keys)
        {
            try
            {
                resource.Dispose();
            }
#pragma warning disable CA1031 // The host is exiting: one failing cleanup must not stop the others.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
