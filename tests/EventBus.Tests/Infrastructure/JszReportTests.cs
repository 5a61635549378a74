using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class JszReportTests
{
    [Fact]
    public void Reads_meta_leader_and_stream_leaders_over_all_accounts()
    {
        const string json = """
            {"meta_cluster":{"name":"c1","leader":"n3","cluster_size":3},
             "account_details":[
               {"name":"$G","stream_detail":[{"name":"ORDERS","cluster":{"name":"c1","leader":"n2"}}]},
               {"name":"APP","stream_detail":[{"name":"ELECTING","cluster":{"name":"c1","leader":""}}]}]}
            """;

        var report = JszReport.Parse(json);

        Assert.Equal("n3", report.MetaLeader);
        Assert.Equal(3, report.MetaClusterSize);
        Assert.Equal("n2", report.StreamLeader("ORDERS"));
        Assert.True(report.HostsStream("ELECTING"));
        Assert.Null(report.StreamLeader("ELECTING"));
        Assert.False(report.HostsStream("OTHER"));
    }

    [Fact]
    public void A_body_that_is_not_json_is_refused_with_its_start_quoted()
    {
        var error = Assert.Throws<FormatException>(() => JszReport.Parse("filtered response: not leader"));

        Assert.Contains("filtered response", error.Message, StringComparison.Ordinal);
    }
}
