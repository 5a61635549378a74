using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

/// <summary>A per-test deadline that also honours xunit's own cancellation.</summary>
internal static class TestTimeout
{
    public static CancellationTokenSource After(int seconds)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(seconds));
        return source;
    }
}
