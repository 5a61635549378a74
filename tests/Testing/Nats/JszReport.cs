using System.Text.Json;

namespace ArgoEvents.Testing.Nats;

/// <summary>
/// The parts of a /jsz answer (with accounts=true&amp;streams=true) that cluster tests need: who leads the
/// meta group, how many peers it has, and who this server believes leads each stream it hosts.
/// </summary>
public sealed class JszReport
{
    private readonly Dictionary<string, string?> _streamLeaders;

    private JszReport(string? metaLeader, int metaClusterSize, Dictionary<string, string?> streamLeaders)
    {
        MetaLeader = metaLeader;
        MetaClusterSize = metaClusterSize;
        _streamLeaders = streamLeaders;
    }

    /// <summary>server_name of the meta leader; null while none is known (or on a standalone server).</summary>
    public string? MetaLeader { get; }

    /// <summary>meta_cluster.cluster_size; 0 when absent.</summary>
    public int MetaClusterSize { get; }

    /// <summary>Names of the streams this server hosts, over all accounts.</summary>
    public IReadOnlyCollection<string> Streams => _streamLeaders.Keys;

    /// <summary>Parses the JSON body of /jsz; throws <see cref="FormatException"/> quoting the start of a body that is not a /jsz answer.</summary>
    public static JszReport Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? leader = null;
            var size = 0;
            if (root.TryGetProperty("meta_cluster", out var meta))
            {
                leader = NonEmptyString(meta, "leader");
                size = meta.TryGetProperty("cluster_size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
            }

            return new JszReport(leader, size, ReadStreamLeaders(root));
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a /jsz JSON answer: '{Truncate(json)}'.", e);
        }
    }

    /// <summary>
    /// Who this server believes leads <paramref name="streamName"/>: null if it does not host the stream or
    /// knows no leader. A follower can keep naming a dead leader for seconds, so only a server naming
    /// itself is authoritative.
    /// </summary>
    public string? StreamLeader(string streamName) =>
        _streamLeaders.TryGetValue(streamName, out var leader) ? leader : null;

    /// <summary>Whether this server hosts <paramref name="streamName"/>.</summary>
    public bool HostsStream(string streamName) => _streamLeaders.ContainsKey(streamName);

    private static Dictionary<string, string?> ReadStreamLeaders(JsonElement root)
    {
        var leaders = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!root.TryGetProperty("account_details", out var accounts) || accounts.ValueKind != JsonValueKind.Array)
        {
            return leaders;
        }

        foreach (var account in accounts.EnumerateArray())
        {
            if (!account.TryGetProperty("stream_detail", out var streams) || streams.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var stream in streams.EnumerateArray())
            {
                var name = NonEmptyString(stream, "name");
                if (name is null)
                {
                    continue;
                }

                // Even a standalone server fills cluster.leader with its own name; an empty one means an election is on.
                leaders[name] = stream.TryGetProperty("cluster", out var cluster) ? NonEmptyString(cluster, "leader") : null;
            }
        }

        return leaders;
    }

    private static string? NonEmptyString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
