using System.Text;
using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Runtime;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Secrets;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Runtime;

/// <summary>The runtime's small parts: retry backoff, rate limit, resets, the partial-state record, dedupe, refusals.</summary>
public sealed class RuntimePartsTests
{
    [Fact]
    public void NoRetryStrategy_IsOneAttempt()
    {
        Assert.Equal(1, RetryBackoff.From(null).Steps);
        Assert.Empty(RetryBackoff.From(null).Waits(new Random(1)));
    }

    [Fact]
    public void RetryStrategy_WithoutSteps_MakesFiveAttempts_WithArgosDefaults()
    {
        var backoff = RetryBackoff.From(new Backoff());
        Assert.Equal(5, backoff.Steps);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Duration);
        Assert.Equal(1.0, backoff.Factor);
        Assert.Equal(1.0, backoff.Jitter);
        Assert.Equal(4, backoff.Waits(new Random(1)).Count());
    }

    [Fact]
    public void RetryWaits_GrowByFactor_AndJitterOnlyStretches()
    {
        var backoff = RetryBackoff.From(new Backoff { Steps = 4, Duration = BackoffDuration.FromNanoseconds(100_000_000), Factor = 2, Jitter = 0.5 });
        var waits = backoff.Waits(new Random(7)).ToList();
        Assert.Equal(3, waits.Count);
        double[] bases = [100, 200, 400];
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i].TotalMilliseconds, bases[i], bases[i] * 1.5);
        }
    }

    [Fact]
    public void RetryWaits_WithoutJitter_AreExact()
    {
        var backoff = RetryBackoff.From(new Backoff { Steps = 3, Duration = BackoffDuration.FromNanoseconds(10_000_000), Factor = 3, Jitter = 0 });
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30)], backoff.Waits(new Random(1)));
    }

    [Fact]
    public async Task RateLimit_SpacesPermitsEvenly_AfterTheSlackIsUsed()
    {
        var limiter = TriggerRateLimiter.From(new RateLimit { Unit = "Second", RequestsPerUnit = 50 }, TimeProvider.System, "rateLimit")!;
        Assert.Equal(TimeSpan.FromMilliseconds(20), limiter.Interval);
        var started = TimeProvider.System.GetTimestamp();
        for (var i = 0; i < 30; i++)
        {
            await limiter.TakeAsync(CancellationToken.None);
        }

        // Up to ten permits of slack at once, then one per 20 ms: 30 permits take at least (30 - 10 - 1) x 20 ms.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(360), $"took {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData("Minute", 60, 1000)]
    [InlineData("Hour", 2, 1_800_000)]
    public void RateLimit_Units(string unit, int requests, double expectedIntervalMs)
    {
        var limiter = TriggerRateLimiter.From(new RateLimit { Unit = unit, RequestsPerUnit = requests }, TimeProvider.System, "rateLimit")!;
        Assert.Equal(expectedIntervalMs, limiter.Interval.TotalMilliseconds, 3);
    }

    [Fact]
    public void RateLimit_UnknownUnit_IsRefusedNamingTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => TriggerRateLimiter.From(new RateLimit { Unit = "Day", RequestsPerUnit = 1 }, TimeProvider.System, "spec.triggers[0].rateLimit"));
        Assert.Contains("spec.triggers[0].rateLimit.unit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionsReset_NextAndLatestTick_InItsTimeZone()
    {
        var schedule = ConditionsResetSchedule.Parse(new ConditionsResetByTime { Cron = "0 9 * * *", Timezone = "America/New_York" }, "byTime");
        var now = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero); // 07:00 in New York
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero), schedule.NextAfter(now).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 14, 0, 0, TimeSpan.Zero), schedule.LatestAtOrBefore(now)!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("61 * * * *", null, "cron")]
    [InlineData("* * * * *", "Mars/Olympus", "timezone")]
    public void ConditionsReset_BadCronOrZone_IsRefusedNamingTheField(string cron, string? zone, string field)
    {
        var e = Assert.Throws<ArgumentException>(() => ConditionsResetSchedule.Parse(new ConditionsResetByTime { Cron = cron, Timezone = zone }, "spec.triggers[0].template.conditionsReset[0].byTime"));
        Assert.Contains($"byTime.{field}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialStateRecord_RoundTripsArgosMsgInfoShape()
    {
        var sensorEvent = new SensorEvent(
            new SensorEventContext("id-1", "es", "1.0", "webhook", "application/json", "one", new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)),
            Encoding.UTF8.GetBytes("""{"body":{"v":1}}"""));
        var record = new PartialStateRecord(42, 7, new DateTimeOffset(2026, 11, 22, 10, 0, 1, 500, TimeSpan.Zero), sensorEvent);
        var json = Encoding.UTF8.GetString(record.ToJson());
        Assert.StartsWith("""{"StreamSeq":42,"ConsumerSeq":7,"Timestamp":"2026-11-22T10:00:01.5Z","Event":{"specversion":"1.0","id":"id-1","source":"es","type":"webhook","subject":"one","datacontenttype":"application/json","time":"2026-11-22T10:00:00Z","data":{"body":{"v":1}}}}""", json, StringComparison.Ordinal);

        var back = PartialStateRecord.Parse(record.ToJson());
        Assert.Equal(42UL, back.StreamSequence);
        Assert.Equal(record.Timestamp, back.Timestamp);
        Assert.Equal("id-1", back.Event.Context.Id);
        Assert.Equal("""{"body":{"v":1}}""", Encoding.UTF8.GetString(back.Event.Data.Span));
    }

    [Fact]
    public void PartialStateRecord_ThatIsNotMsgInfo_IsAFormatError() =>
        Assert.Throws<FormatException>(() => PartialStateRecord.Parse(Encoding.UTF8.GetBytes("""{"StreamSeq":1}""")));

    [Fact]
    public void RecentEventIds_ForgetAfterTheWindow()
    {
        var time = new ManualTime();
        var recent = new RecentEventIds(time, TimeSpan.FromMinutes(1));
        recent.Add("a");
        Assert.True(recent.Contains("a"));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(recent.Contains("a"));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(recent.Contains("a"));
    }

    [Theory]
    [InlineData("awsLambda:\n          functionName: f\n          region: us-east-1\n          payload:\n            - src: {dependencyName: d, dataKey: body}\n              dest: x", "awsLambda")]
    [InlineData("kafka:\n          url: kafka:9092\n          topic: t\n          payload:\n            - src: {dependencyName: d, dataKey: body}\n              dest: x", "kafka")]
    public void TriggerTypesNotRunHere_AreRefusedAtStartByName(string triggerYaml, string key)
    {
        var yaml = $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata:
              name: refused
            spec:
              dependencies:
                - name: d
                  eventSourceName: es
                  eventName: e
              triggers:
                - template:
                    name: t
                    {triggerYaml.Replace("\n", "\n            ", StringComparison.Ordinal)}
            """;
        var sensor = ManifestLoader.LoadString(yaml).OfType<Sensor>().Single();
        var services = new TriggerServices("refused", "default", new SecretResolver("/nonexistent"));
        var e = Assert.Throws<SensorConfigurationException>(() => SensorPlan.Create(sensor, SensorService.DefaultTriggers(), services));
        Assert.Contains($"spec.triggers[0].template.{key}: the {key} trigger is not supported by this build", e.Message, StringComparison.Ordinal);
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
