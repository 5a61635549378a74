using ArgoEvents.Testing;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class LogRingTests
{
    [Fact]
    public void Keeps_only_the_newest_lines_in_order()
    {
        var ring = new LogRing(3);

        foreach (var line in new[] { "a", "b", "c", "d", "e" })
        {
            ring.Add(line);
        }

        Assert.Equal(["c", "d", "e"], ring.Snapshot());
        Assert.Equal($"    d{Environment.NewLine}    e", ring.Tail(2));
    }

    [Fact]
    public void Zero_capacity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogRing(0));
    }
}
