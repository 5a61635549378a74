using System.Net;
using System.Net.Sockets;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Readiness_turns_false_at_once_while_tracked_in_flight_work_still_completes()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var service = await TestService.StartAsync(map: app => app.MapGet("/work", async (IShutdownSignal shutdown) =>
        {
            using var work = shutdown.TryBeginWork();
            if (work is null)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            entered.TrySetResult();
            await release.Task;
            return Results.Text("done");
        }));
        var signal = service.App.Services.GetRequiredService<IShutdownSignal>();

        var inFlight = service.Client.GetAsync("/work");
        await entered.Task.WaitAsync(Deadline);
        Assert.Equal(1, signal.InFlightCount);

        var stopping = service.App.StopAsync();
        var notReady = await WaitUntilNotReadyAsync(service.Client);
        Assert.Contains("\"shutdown\"", notReady, StringComparison.Ordinal);
        Assert.True(signal.IsStopping);
        Assert.True(signal.Stopping.IsCancellationRequested);

        using (var liveness = await service.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
        }

        using (var refused = await service.Client.GetAsync("/work"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        Assert.False(inFlight.IsCompleted);
        Assert.False(stopping.IsCompleted);

        release.SetResult();
        using var completed = await inFlight.WaitAsync(Deadline);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("done", await completed.Content.ReadAsStringAsync());
        await stopping.WaitAsync(Deadline);
        Assert.Equal(0, signal.InFlightCount);
    }

    [Fact]
    public async Task An_in_flight_request_finishes_after_the_server_stopped_accepting_connections()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var service = await TestService.StartAsync(map: app => app.MapGet("/slow", async () =>
        {
            entered.TrySetResult();
            await release.Task;
            return Results.Text("finished");
        }));

        var inFlight = service.Client.GetAsync("/slow");
        await entered.Task.WaitAsync(Deadline);
        var stopping = service.App.StopAsync();

        await WaitUntilConnectionsAreRefusedAsync(service.BaseAddress);
        Assert.False(inFlight.IsCompleted);

        release.SetResult();
        using var response = await inFlight.WaitAsync(Deadline);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finished", await response.Content.ReadAsStringAsync());
        await stopping.WaitAsync(Deadline);
    }

    [Fact]
    public async Task The_drain_delay_keeps_serving_with_readiness_false()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [SettingNames.ShutdownGracePeriod] = "60s",
            [SettingNames.ShutdownDrainDelay] = "60s",
        });

        // Cancelling the stop ends the drain early, so the test need not sit out the delay.
        using var giveUp = new CancellationTokenSource();
        var stopping = service.App.StopAsync(giveUp.Token);
        await WaitUntilNotReadyAsync(service.Client);
        using (var metrics = await service.Client.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }

        Assert.False(stopping.IsCompleted);
        await giveUp.CancelAsync();
        await stopping.WaitAsync(Deadline);
    }

    [Fact]
    public async Task Shutdown_gives_up_on_work_that_outlives_the_grace_period()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { [SettingNames.ShutdownGracePeriod] = "1s" });
        var signal = service.App.Services.GetRequiredService<IShutdownSignal>();
        var work = signal.TryBeginWork();
        Assert.NotNull(work);

        try
        {
            await service.App.StopAsync().WaitAsync(Deadline);
            Assert.Equal(1, signal.InFlightCount);
        }
        finally
        {
            work.Dispose();
        }

        Assert.Equal(0, signal.InFlightCount);
    }

    [Fact]
    public async Task Work_is_refused_once_shutdown_begins_and_draining_waits_for_the_last_item()
    {
        using var signal = new ShutdownSignal(TimeSpan.FromSeconds(5));
        var first = signal.TryBeginWork();
        var second = signal.TryBeginWork();
        Assert.NotNull(first);
        Assert.NotNull(second);

        signal.BeginShutdown();
        Assert.Null(signal.TryBeginWork());
        var drained = signal.WaitForInFlightWorkAsync(CancellationToken.None);

        first.Dispose();
        first.Dispose();
        Assert.False(drained.IsCompleted);
        Assert.Equal(1, signal.InFlightCount);

        second.Dispose();
        await drained.WaitAsync(Deadline);
        Assert.Equal(0, signal.InFlightCount);
    }

    private static async Task<string> WaitUntilNotReadyAsync(HttpClient client)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            using var response = await client.GetAsync("/readyz", deadline.Token);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return await response.Content.ReadAsStringAsync(deadline.Token);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(10, deadline.Token);
        }
    }

    private static async Task WaitUntilConnectionsAreRefusedAsync(Uri address)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, address.Port, deadline.Token);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
