using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArgoEvents.EventBus.LeaderElection;
using Xunit;
using static ArgoEvents.EventBus.Tests.LeaderElection.ElectionScenarios;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

[Collection(LeaderElectionCollection.Name)]
public sealed partial class KubernetesLeaseElectorTests
{
    [Fact]
    public async Task Exactly_one_of_three_electors_leads_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        await ExactlyOneOfThreeLeadsAsync(backend);
    }

    [Fact]
    public async Task Leader_that_stops_reaching_the_API_is_replaced_within_2s_after_fencing_itself_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        await CrashedLeaderIsReplacedWithinTwoSecondsAsync(backend);
    }

    [Fact]
    public async Task Graceful_resign_hands_over_in_under_half_a_second_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        await GracefulResignHandsOverInUnderHalfASecondAsync(backend);
    }

    [Fact]
    public async Task Someone_else_writing_the_lease_ends_the_term_at_the_next_renewal_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        await ForeignWriteEndsTheTermAtOnceAsync(backend);
    }

    [Fact]
    public async Task Leader_fences_itself_within_the_renew_deadline_when_the_API_hangs_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        await LeaderThatCannotRenewFencesWithinTheRenewDeadlineAsync(backend);
    }

    [Fact]
    public async Task Never_two_leaders_at_once_across_resigns_and_crashes_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        await NeverTwoLeadersAcrossHandoversAsync(backend);
    }

    [Fact]
    public async Task Elector_creates_renews_with_resourceVersion_and_releases_as_the_Lease_API_documents_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        var candidates = await StartAsync(backend, new WorkOverlapMonitor(), "pod-a");
        var leader = await WaitForSingleLeaderAsync(candidates, TimeSpan.FromSeconds(15));
        await EventuallyAsync(() => backend.Server.Requests.Count(r => r.Method == "PUT") >= 3, "three renewals");
        var held = backend.Server.GetLease(KubernetesElectionBackend.Namespace, backend.LeaseName)!;
        await leader.Elector.ResignAsync();
        var released = backend.Server.GetLease(KubernetesElectionBackend.Namespace, backend.LeaseName)!;
        await DisposeAllAsync(candidates);

        var requests = backend.Server.Requests;
        const string collection = $"/apis/coordination.k8s.io/v1/namespaces/{KubernetesElectionBackend.Namespace}/leases";
        Assert.Equal(("GET", $"{collection}/{backend.LeaseName}"), (requests[0].Method, requests[0].Path));
        Assert.Equal(("POST", collection), (requests[1].Method, requests[1].Path));
        Assert.All(requests, r => Assert.Equal($"Bearer {KubernetesElectionBackend.Token}", r.Authorization));

        var created = JsonNode.Parse(requests[1].Body)!;
        Assert.Equal("coordination.k8s.io/v1", created["apiVersion"]!.GetValue<string>());
        Assert.Equal("Lease", created["kind"]!.GetValue<string>());
        Assert.Equal(backend.LeaseName, created["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("pod-a", created["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(1, created["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal(0, created["spec"]!["leaseTransitions"]!.GetValue<int>());
        Assert.Matches(MicroTime(), created["spec"]!["acquireTime"]!.GetValue<string>());
        Assert.Matches(MicroTime(), created["spec"]!["renewTime"]!.GetValue<string>());

        // Renewals are PUTs naming the version they build on; the server would have answered a stale one with 409.
        var renewals = requests.Where(r => r.Method == "PUT").ToList();
        Assert.All(renewals, r => Assert.False(string.IsNullOrEmpty(JsonNode.Parse(r.Body)!["metadata"]!["resourceVersion"]?.GetValue<string>())));
        Assert.Equal("pod-a", held["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(leader.Gains.Single().FencingToken, (ulong)held["spec"]!["leaseTransitions"]!.GetValue<int>());

        // Release: no holder and a one-second duration, so the next candidate takes it at its next poll.
        Assert.Equal("", released["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(1, released["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal(LeadershipLossReason.Resigned, leader.Losses.Single().Reason);
    }

    [Fact]
    public async Task Renewals_keep_the_fields_the_elector_does_not_own_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        backend.Server.Seed(KubernetesElectionBackend.Namespace, backend.LeaseName, new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject
            {
                ["name"] = backend.LeaseName,
                ["namespace"] = KubernetesElectionBackend.Namespace,
                ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "argo-events" },
            },
            ["spec"] = new JsonObject { ["holderIdentity"] = "", ["leaseDurationSeconds"] = 1, ["leaseTransitions"] = 4 },
        });
        var candidates = await StartAsync(backend, new WorkOverlapMonitor(), "pod-a");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, TimeSpan.FromSeconds(15));
            await EventuallyAsync(() => backend.Server.Requests.Count(r => r.Method == "PUT") >= 3, "a claim and two renewals");
            var lease = backend.Server.GetLease(KubernetesElectionBackend.Namespace, backend.LeaseName)!;

            Assert.Equal("argo-events", lease["metadata"]!["labels"]!["app.kubernetes.io/part-of"]!.GetValue<string>());
            Assert.Equal("pod-a", lease["spec"]!["holderIdentity"]!.GetValue<string>());
            Assert.Equal(5, lease["spec"]!["leaseTransitions"]!.GetValue<int>());
            Assert.Equal(5UL, leader.Elector.State.FencingToken);
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    [Fact]
    public async Task Rotated_token_file_is_read_again_and_the_leader_keeps_its_lease_against_in_test_lease_api_server()
    {
        await using var backend = KubernetesElectionBackend.Start();
        var tokenFile = Path.Combine(Path.GetTempPath(), $"le-token-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(tokenFile, "first-token\n");
        backend.Server.RequiredToken = "first-token";
        using var handler = new SeverableHandler();
        var elector = backend.CreateElector("pod-a", handler, adjust: api => api with
        {
            BearerToken = null,
            BearerTokenFile = tokenFile,
            BearerTokenRefreshInterval = TimeSpan.FromMinutes(10),
        });
        var candidate = new Candidate("pod-a", elector, new WorkOverlapMonitor(), () => ValueTask.CompletedTask, () => ValueTask.CompletedTask);
        candidate.Start();
        try
        {
            await WaitForSingleLeaderAsync([candidate], TimeSpan.FromSeconds(15));

            // The kubelet rotates the projected token; the server accepts only the new one from now on. The refusal
            // (401) makes the elector read the file again long before its refresh interval.
            await File.WriteAllTextAsync(tokenFile, "second-token\n");
            backend.Server.RequiredToken = "second-token";
            await Task.Delay(backend.Timing.LeaseDuration * 2);

            Assert.True(candidate.Elector.IsLeader);
            Assert.Empty(candidate.Losses);
            Assert.Contains(backend.Server.Requests, r => r.Authorization == "Bearer second-token");
        }
        finally
        {
            await candidate.DisposeAsync();
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public void Lease_duration_that_is_not_whole_seconds_is_refused()
    {
        var timing = new LeaderElectionTiming(TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100));

        var error = Assert.Throws<ArgumentException>(() => new KubernetesLeaseElector(
            new LeaderElectionOptions("sensor-a", "pod", timing),
            new KubernetesLeaseOptions("argo-events", new KubernetesApiOptions(new Uri("http://127.0.0.1:1/")))));

        Assert.Contains("whole seconds", error.Message);
    }

    [Fact]
    public void Lease_name_and_namespace_must_be_Kubernetes_names()
    {
        var api = new KubernetesApiOptions(new Uri("http://127.0.0.1:1/"));
        var timing = LeaderElectionTiming.KubernetesDefaults;

        var badName = Assert.Throws<ArgumentException>(() => new KubernetesLeaseElector(new LeaderElectionOptions("Sensor_A", "pod", timing), new KubernetesLeaseOptions("argo-events", api)));
        var badNamespace = Assert.Throws<ArgumentException>(() => new KubernetesLeaseElector(new LeaderElectionOptions("sensor-a", "pod", timing), new KubernetesLeaseOptions("Argo Events", api)));

        Assert.Contains("'Sensor_A'", badName.Message);
        Assert.Contains("'Argo Events'", badNamespace.Message);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")]
    private static partial Regex MicroTime();
}
