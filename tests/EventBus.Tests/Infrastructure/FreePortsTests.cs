using System.Net;
using System.Net.Sockets;
using ArgoEvents.Testing;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class FreePortsTests
{
    [Fact]
    public void Ports_are_never_handed_out_twice_and_can_be_bound()
    {
        var ports = FreePorts.Next(200);

        Assert.Equal(ports.Length, ports.Distinct().Count());
        foreach (var port in ports.Take(20))
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
    }

    [Fact]
    public void Concurrent_callers_get_distinct_ports()
    {
        var ports = new System.Collections.Concurrent.ConcurrentBag<int>();

        Parallel.For(0, 100, _ => ports.Add(FreePorts.Next()));

        Assert.Equal(100, ports.Distinct().Count());
    }
}
