using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Files;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("argo-file-src-").FullName;
    private BusProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(nats.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Argos_example_manifest_runs_with_its_directory_moved_and_a_created_file_becomes_argos_event()
    {
        var manifest = ArgoCorpus.Read("event-sources/file.yaml").Replace("/test-data/", _directory + "/", StringComparison.Ordinal);
        await using var host = await StartAsync(manifest);
        var file = Path.Combine(_directory, "x.txt");

        // The source starts once this replica leads: create the file until its creation is seen.
        var events = await RepeatUntilPublishedAsync("default.file.example", () =>
        {
            File.WriteAllText(file, "x");
            File.Delete(file);
        });

        var (_, cloudEvent, _) = events[0];
        Assert.Equal(("file", "file", "example"), (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject));
        Assert.Equal($"{{\"name\":\"{file}\",\"op\":1,\"metadata\":null}}", Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task With_inotify_each_operation_fires_only_its_own_event()
    {
        await using var host = await StartAsync(Manifest("ops", polling: false));
        await WaitUntilWatchingAsync("ops");
        var a = Path.Combine(_directory, "a.txt");
        var b = Path.Combine(_directory, "b.txt");

        File.WriteAllText(a, "content");
        File.SetUnixFileMode(a, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(a, b);
        File.Delete(b);
        File.WriteAllText(Path.Combine(_directory, "log-7.txt"), "l");
        File.WriteAllText(Path.Combine(_directory, "other.txt"), "o");
        // Each event has its own watcher and publishes on its own; wait for every one before reading them.
        foreach (var subject in new[] { "created", "written", "chmodded", "renamed", "removed" })
        {
            await _probe.WaitForAsync(1, $"default.ops.{subject}");
        }

        Assert.Equal([(a, 1)], await PayloadsAsync("default.ops.created"));
        Assert.Contains((a, 2), await PayloadsAsync("default.ops.written"));
        Assert.Contains((a, 16), await PayloadsAsync("default.ops.chmodded"));
        Assert.Equal([(a, 8)], await PayloadsAsync("default.ops.renamed"));
        Assert.Equal([(b, 4)], await PayloadsAsync("default.ops.removed"));
        var logs = await _probe.WaitForAsync(1, "default.ops.logs");
        Assert.Equal([(Path.Combine(_directory, "log-7.txt"), 1)], await PayloadsAsync("default.ops.logs"));
        Assert.Equal("team-a", Data(logs[0].Event.Data).GetProperty("metadata").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task With_polling_each_operation_fires_its_event_under_the_base_name_as_argos_poller_reports_it()
    {
        await using var host = await StartAsync(Manifest("polled", polling: true));
        await WaitUntilWatchingAsync("polled");
        var a = Path.Combine(_directory, "a.txt");
        var b = Path.Combine(_directory, "b.txt");

        await StepAsync(() => File.WriteAllText(a, "content"), "default.polled.created");
        await StepAsync(() => File.AppendAllText(a, "more"), "default.polled.written");
        await StepAsync(() => File.SetUnixFileMode(a, UnixFileMode.UserRead | UnixFileMode.UserWrite), "default.polled.chmodded");
        await StepAsync(() => File.Move(a, b), "default.polled.renamed");
        await StepAsync(() => File.Delete(b), "default.polled.removed");
        await StepAsync(() => File.WriteAllText(Path.Combine(_directory, "log-7.txt"), "l"), "default.polled.logs");

        Assert.Equal([("a.txt", 1)], await PayloadsAsync("default.polled.created"));
        Assert.Contains(("a.txt", 2), await PayloadsAsync("default.polled.written"));
        Assert.Equal([("a.txt", 16)], await PayloadsAsync("default.polled.chmodded"));
        Assert.Equal([("a.txt", 8)], await PayloadsAsync("default.polled.renamed"));
        Assert.Equal([("b.txt", 4)], await PayloadsAsync("default.polled.removed"));
        Assert.Equal([("log-7.txt", 1)], await PayloadsAsync("default.polled.logs"));
    }

    [Fact]
    public async Task A_missing_directory_is_retried_until_it_appears()
    {
        var late = Path.Combine(_directory, "late");
        await using var host = await StartAsync($"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: late
            spec:
              file:
                appears:
                  eventType: CREATE
                  watchPathConfig:
                    directory: {late}
                    path: y.txt
            """);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Directory.CreateDirectory(late);
        var events = await RepeatUntilPublishedAsync("default.late.appears", () =>
        {
            File.WriteAllText(Path.Combine(late, "y.txt"), "y");
            File.Delete(Path.Combine(late, "y.txt"));
        }, TimeSpan.FromSeconds(20));

        Assert.NotEmpty(events);
    }

    [Theory]
    [InlineData("create", "eventType")]
    [InlineData("CREATE|WRITE", "eventType")]
    public async Task Event_types_that_never_match_are_refused_naming_the_field(string eventType, string field)
    {
        await using var context = await TestSourceContext.StartAsync("bad", nats.ClientUrl, ArgoEvents.Api.V1Alpha1.EventSourceTypes.File, ["x"]);
        var spec = new ArgoEvents.Api.V1Alpha1.FileEventSource
        {
            EventType = eventType,
            WatchPathConfig = new ArgoEvents.Api.V1Alpha1.WatchPathConfig { Directory = _directory, Path = "x" },
        };

        var error = Assert.Throws<InvalidOperationException>(() => new FileSourceFactory().Create(new("x", spec), context.Context));

        Assert.Contains($"spec.file.x.{field}", error.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE, WRITE, REMOVE, RENAME, CHMOD", error.Message, StringComparison.Ordinal);
    }

    private string Manifest(string name, bool polling)
    {
        var yaml = new StringBuilder($"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: {name}
            spec:
              file:

            """);
        void Add(string eventName, string eventType, string pathKey, string pathValue, string metadata = "")
        {
            yaml.Append("    ").Append(eventName).Append(":\n")
                .Append("      eventType: ").Append(eventType).Append('\n')
                .Append("      polling: ").Append(polling ? "true" : "false").Append('\n')
                .Append(metadata)
                .Append("      watchPathConfig:\n")
                .Append("        directory: ").Append(_directory).Append("/\n")
                .Append("        ").Append(pathKey).Append(": '").Append(pathValue).Append("'\n");
        }

        Add("sentinel", "CREATE", "path", "sentinel");
        Add("created", "CREATE", "path", "a.txt");
        Add("written", "WRITE", "path", "a.txt");
        Add("chmodded", "CHMOD", "path", "a.txt");
        Add("renamed", "RENAME", "path", "a.txt");
        Add("removed", "REMOVE", "path", "b.txt");
        Add("logs", "CREATE", "pathRegexp", "^log-[0-9]+\\.txt$", "      metadata:\n        owner: team-a\n");
        return yaml.ToString();
    }

    /// <summary>The service's registry with this type in it, whether or not the build already registers it.</summary>
    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(ArgoEvents.Api.V1Alpha1.EventSourceTypes.File) ? registry : registry.Add(new FileSourceFactory());
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(manifest, nats.ClientUrl, sources: Sources());

    private async Task WaitUntilWatchingAsync(string eventSource)
    {
        await WaitForSentinelAsync(eventSource);

        // The sentinel proves its own watcher runs; the other events' watchers start at the same moment but, on a
        // loaded machine, may add their inotify watch a little later.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private Task WaitForSentinelAsync(string eventSource)
    {
        var sentinel = Path.Combine(_directory, "sentinel");
        // Toggling (rather than creating and deleting at once) leaves each creation visible to a 100 ms poller.
        return RepeatUntilPublishedAsync($"default.{eventSource}.sentinel", () =>
        {
            if (File.Exists(sentinel))
            {
                File.Delete(sentinel);
            }
            else
            {
                File.WriteAllText(sentinel, "s");
            }
        });
    }

    private async Task StepAsync(Action change, string subject)
    {
        var before = (await _probe.ReadAllAsync(subject)).Count;
        change();
        var events = await _probe.WaitForAsync(before + 1, subject);
        Assert.True(events.Count > before, $"nothing reached {subject}");
    }

    private async Task<List<(string Subject, ArgoEvents.EventBus.CloudEvents.CloudEvent Event, string? MsgId)>> RepeatUntilPublishedAsync(string subject, Action change, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            change();
            var events = await _probe.WaitForAsync(1, subject, TimeSpan.FromMilliseconds(300));
            if (events.Count > 0)
            {
                return events;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing reached {subject}");
        }
    }

    private async Task<List<(string Name, int Op)>> PayloadsAsync(string subject)
        => [.. (await _probe.ReadAllAsync(subject)).Select(e => Data(e.Event.Data)).Select(d => (d.GetProperty("name").GetString()!, d.GetProperty("op").GetInt32()))];

    private static JsonElement Data(ReadOnlyMemory<byte> data) => JsonDocument.Parse(data).RootElement.Clone();
}
