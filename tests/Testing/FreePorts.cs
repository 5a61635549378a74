using System.Net;
using System.Net.Sockets;

namespace ArgoEvents.Testing;

/// <summary>
/// Hands out loopback TCP ports that were free when asked for. The kernel picks them (bind to port 0);
/// every port handed out is remembered so that two servers of one test process never get the same one,
/// even after the first has released it for a restart.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    /// <summary>Returns a loopback port nobody listened on a moment ago and this process never handed out.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            // The kernel may offer a port again once it is released; a few hundred tries is far more than needed.
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = BindAndRelease();
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("FreePorts: the kernel kept offering loopback ports this process already handed out.");
    }

    /// <summary>Returns <paramref name="count"/> distinct free ports.</summary>
    public static int[] Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var ports = new int[count];
        for (var i = 0; i < count; i++)
        {
            ports[i] = Next();
        }

        return ports;
    }

    private static int BindAndRelease()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
