using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.Testing.Fixtures;

/// <summary>
/// xunit class fixture: one JetStream nats-server shared by the tests of a class. Derive and override
/// <see cref="CreateOptions"/> for other settings.
/// </summary>
public class NatsServerFixture : IAsyncLifetime
{
    private NatsServerProcess? _server;

    /// <summary>The server; available once xunit initialized the fixture.</summary>
    public NatsServerProcess Server =>
        _server ?? throw new InvalidOperationException($"{GetType().Name} is not initialized yet.");

    /// <summary>"nats://127.0.0.1:port" of the server.</summary>
    public string ClientUrl => Server.ClientUrl;

    /// <summary>Starts the server.</summary>
    public async ValueTask InitializeAsync()
    {
        _server = new NatsServerProcess(CreateOptions());
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Kills the server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Options of the server; JetStream on by default.</summary>
    protected virtual NatsServerOptions CreateOptions() => new() { JetStream = true };
}
