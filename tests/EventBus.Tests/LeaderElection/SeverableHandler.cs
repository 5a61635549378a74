namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// Sends requests over a real socket handler until severed; afterwards every request fails the way an unreachable
/// server's would. It stands for a replica that crashed or was cut off: it stops renewing without releasing.
/// </summary>
internal sealed class SeverableHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile bool _severed;

    public void Sever() => _severed = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _severed
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (severed by the test)"))
            : base.SendAsync(request, cancellationToken);
}
