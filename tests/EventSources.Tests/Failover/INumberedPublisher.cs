namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>An upstream application that sends numbered messages (body <c>{"n": i}</c>) to a broker.</summary>
public interface INumberedPublisher : IAsyncDisposable
{
    /// <summary>Sends the messages numbered <paramref name="numbers"/>, all at once where the protocol allows, and returns once the broker has taken every one.</summary>
    Task PublishAsync(IReadOnlyList<int> numbers, CancellationToken cancellationToken);
}
