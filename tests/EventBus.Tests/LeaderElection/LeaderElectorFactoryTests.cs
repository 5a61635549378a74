using ArgoEvents.EventBus.LeaderElection;
using Xunit;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

[Collection(LeaderElectionCollection.Name)]
public sealed class LeaderElectorFactoryTests(ArgoEvents.Testing.Fixtures.NatsServerFixture server)
{
    [Theory]
    [InlineData("k8s", LeaderElectionBackend.Kubernetes)]
    [InlineData(null, LeaderElectionBackend.NatsKeyValue)]
    [InlineData("", LeaderElectionBackend.NatsKeyValue)]
    [InlineData("K8S", LeaderElectionBackend.NatsKeyValue)]
    [InlineData("raft", LeaderElectionBackend.NatsKeyValue)]
    public void Only_the_exact_k8s_annotation_selects_the_Kubernetes_lease(string? value, LeaderElectionBackend expected)
    {
        Assert.Equal(expected, LeaderElectorFactory.SelectBackend(value));
        var annotations = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [LeaderElectorFactory.AnnotationName] = value };
        Assert.Equal(expected, LeaderElectorFactory.SelectBackend(annotations));
    }

    [Fact]
    public async Task Kubernetes_annotation_builds_a_lease_elector_with_Argo_timing_and_env_overrides()
    {
        var env = new Dictionary<string, string> { ["LEADER_ELECTION_LEASE_DURATION"] = "7s" };
        await using var elector = LeaderElectorFactory.Create(new LeaderElectorSetup("sensor-a", "pod-1")
        {
            AnnotationValue = "k8s",
            Kubernetes = new KubernetesLeaseOptions("argo-events", new KubernetesApiOptions(new Uri("https://10.0.0.1:443/"))),
            GetEnvironmentVariable = name => env.GetValueOrDefault(name),
        });

        var kubernetes = Assert.IsType<KubernetesLeaseElector>(elector);
        Assert.Equal(TimeSpan.FromSeconds(7), kubernetes.Options.Timing.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), kubernetes.Options.Timing.RenewDeadline);
        Assert.Equal("argo-events", kubernetes.Namespace);
        Assert.Equal("pod-1", kubernetes.Identity);
    }

    [Fact]
    public async Task No_annotation_builds_a_NATS_elector_on_the_bus_connection()
    {
        await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);
        await using var elector = LeaderElectorFactory.Create(new LeaderElectorSetup("eventsource-a", "pod-1")
        {
            Connection = connection,
            GetEnvironmentVariable = _ => null,
        });

        var nats = Assert.IsType<NatsKeyValueLeaderElector>(elector);
        Assert.Equal(LeaderElectionTiming.NatsKeyValueDefaults, nats.Options.Timing);
        Assert.Equal("argo-events-lease-eventsource-a", nats.Bucket);
    }

    [Fact]
    public void NATS_backend_without_a_connection_is_refused_with_what_is_missing()
    {
        var error = Assert.Throws<ArgumentException>(() => LeaderElectorFactory.Create(new LeaderElectorSetup("eventsource-a", "pod-1") { GetEnvironmentVariable = _ => null }));

        Assert.Contains("LeaderElectorSetup.Connection", error.Message);
        Assert.Contains("eventsource-a", error.Message);
    }

    [Fact]
    public void Kubernetes_backend_outside_a_pod_without_API_settings_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LeaderElectorFactory.Create(new LeaderElectorSetup("sensor-a", "pod-1")
        {
            AnnotationValue = "k8s",
            GetEnvironmentVariable = _ => null,
        }));

        Assert.Contains("KUBERNETES_SERVICE_HOST", error.Message);
    }

    [Fact]
    public void In_cluster_settings_come_from_the_service_environment_and_the_service_account_mount()
    {
        var env = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "fd00::1", ["KUBERNETES_SERVICE_PORT"] = "6443" };

        var api = KubernetesApiOptions.InCluster(name => env.GetValueOrDefault(name));

        Assert.Equal(new Uri("https://[fd00::1]:6443/"), api.Server);
        Assert.Equal("/var/run/secrets/kubernetes.io/serviceaccount/token", api.BearerTokenFile);
        Assert.Equal("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt", api.CertificateAuthorityFile);
    }
}
