using ArgoEvents.EventBus.LeaderElection;
using Xunit;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Defaults_keep_the_fencing_rule_and_Argo_s_Kubernetes_numbers()
    {
        LeaderElectionTiming.NatsKeyValueDefaults.Validate();
        LeaderElectionTiming.KubernetesDefaults.Validate();

        var nats = LeaderElectionTiming.NatsKeyValueDefaults;
        Assert.True(nats.LeaseDuration <= TimeSpan.FromSeconds(1.8), "crash failover must fit in 2 s");
        Assert.True(nats.RenewDeadline < nats.LeaseDuration);
        Assert.Equal(
            new LeaderElectionTiming(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            LeaderElectionTiming.KubernetesDefaults);
    }

    [Theory]
    [InlineData(5, 5, 1, 1, "RenewDeadline")]
    [InlineData(5, 2, 2, 1, "RenewInterval")]
    [InlineData(5, 2, 1, 3, "RetryPeriod")]
    [InlineData(0, 2, 1, 1, "LeaseDuration")]
    public void Inconsistent_timing_is_refused_naming_the_setting(int lease, int deadline, int renew, int retry, string named)
    {
        var timing = new LeaderElectionTiming(TimeSpan.FromSeconds(lease), TimeSpan.FromSeconds(deadline), TimeSpan.FromSeconds(renew), TimeSpan.FromSeconds(retry));

        var error = Assert.Throws<ArgumentException>(timing.Validate);

        Assert.Equal(named, error.ParamName);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Argo_environment_overrides_take_Go_durations_and_move_a_tied_renew_interval()
    {
        var env = new Dictionary<string, string>
        {
            ["LEADER_ELECTION_LEASE_DURATION"] = "15s",
            ["LEADER_ELECTION_RENEW_DEADLINE"] = "1m0.5s",
            ["LEADER_ELECTION_RETRY_PERIOD"] = "1500ms",
        };

        var kubernetes = LeaderElectionTiming.KubernetesDefaults.WithEnvironmentOverrides(name => env.GetValueOrDefault(name));
        var nats = LeaderElectionTiming.NatsKeyValueDefaults.WithEnvironmentOverrides(name => env.GetValueOrDefault(name));

        Assert.Equal(TimeSpan.FromSeconds(15), kubernetes.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(60.5), kubernetes.RenewDeadline);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), kubernetes.RetryPeriod);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), kubernetes.RenewInterval);
        Assert.Equal(LeaderElectionTiming.NatsKeyValueDefaults.RenewInterval, nats.RenewInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), nats.RetryPeriod);
    }

    [Fact]
    public void Unset_overrides_leave_the_timing_alone_and_bare_numbers_are_seconds()
    {
        var unchanged = LeaderElectionTiming.KubernetesDefaults.WithEnvironmentOverrides(_ => null);
        var bare = LeaderElectionTiming.KubernetesDefaults.WithEnvironmentOverrides(name => name == "LEADER_ELECTION_LEASE_DURATION" ? "8" : "");

        Assert.Equal(LeaderElectionTiming.KubernetesDefaults, unchanged);
        Assert.Equal(TimeSpan.FromSeconds(8), bare.LeaseDuration);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    [InlineData("0s")]
    [InlineData("5x")]
    public void Bad_override_is_refused_naming_the_variable(string value)
    {
        var error = Assert.Throws<ArgumentException>(
            () => LeaderElectionTiming.KubernetesDefaults.WithEnvironmentOverrides(name => name == "LEADER_ELECTION_RENEW_DEADLINE" ? value : null));

        Assert.Contains("LEADER_ELECTION_RENEW_DEADLINE", error.Message);
        Assert.Contains(value, error.Message);
    }

    [Theory]
    [InlineData("300ms", 300)]
    [InlineData("1h", 3_600_000)]
    [InlineData("2m3s", 123_000)]
    [InlineData("1.5s", 1500)]
    [InlineData("250000us", 250)]
    [InlineData("7", 7000)]
    public void Go_durations_parse_like_time_ParseDuration(string text, int milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Fact]
    public void Options_without_identity_are_refused_naming_the_lease()
    {
        var error = Assert.Throws<ArgumentException>(new LeaderElectionOptions("sensor-a", " ", LeaderElectionTiming.KubernetesDefaults).Validate);

        Assert.Contains("Identity", error.Message);
        Assert.Contains("sensor-a", error.Message);
    }

    [Fact]
    public void Lease_names_follow_Argo()
    {
        Assert.Equal("eventsource-calendar", LeaseNames.ForEventSource("calendar"));
        Assert.Equal("sensor-webhook", LeaseNames.ForSensor("webhook"));
    }
}
