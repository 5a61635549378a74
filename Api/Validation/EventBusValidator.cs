using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's EventBus rules: Kubernetes names; exactly one of nats, jetstream, kafka and jetstreamExotic; nats with
/// native or exotic (exotic with url and clusterID); jetstream with a version and 1 or at least 3 replicas; kafka and
/// jetstreamExotic with a url; and stream settings JetStream accepts.
/// </summary>
internal static class EventBusValidator
{
    public static IReadOnlyList<ManifestError> Validate(EventBus eventBus)
    {
        ArgumentNullException.ThrowIfNull(eventBus);
        var errors = new List<ManifestError>();
        var root = new ValidationScope(eventBus.Source, errors, FieldPath.Root);
        ObjectMetaRules.Check(eventBus.Metadata, root.Field("metadata"));

        var spec = eventBus.Spec;
        var scope = root.Field("spec");
        var kinds = new[] { ("nats", spec.Nats is not null), ("jetstream", spec.JetStream is not null), ("kafka", spec.Kafka is not null), ("jetstreamExotic", spec.JetStreamExotic is not null) }
            .Where(kind => kind.Item2)
            .Select(kind => kind.Item1)
            .ToList();
        if (kinds.Count != 1)
        {
            scope.Fail(kinds.Count == 0
                ? "needs one of nats, jetstream, kafka or jetstreamExotic"
                : $"must have exactly one of nats, jetstream, kafka or jetstreamExotic, got {string.Join(" and ", kinds)}");
        }

        CheckNats(spec.Nats, scope.Field("nats"));
        CheckJetStream(spec.JetStream, scope.Field("jetstream"));
        if (spec.Kafka is not null)
        {
            scope.Field("kafka").Require("url", spec.Kafka.Url);
        }

        if (spec.JetStreamExotic is not null)
        {
            var exotic = scope.Field("jetstreamExotic");
            exotic.Require("url", spec.JetStreamExotic.Url);
            CheckStreamConfig(spec.JetStreamExotic.StreamConfig, exotic.Field("streamConfig"));
        }

        return errors;
    }

    private static void CheckNats(NatsBus? nats, ValidationScope scope)
    {
        if (nats is null)
        {
            return;
        }

        if ((nats.Native is null) == (nats.Exotic is null))
        {
            scope.Fail(nats.Native is null ? "needs native or exotic" : "must not have both native and exotic");
        }

        if (nats.Exotic is not null)
        {
            var exotic = scope.Field("exotic");
            exotic.Require("clusterID", nats.Exotic.ClusterId);
            exotic.Require("url", nats.Exotic.Url);
        }
    }

    private static void CheckJetStream(JetStreamBus? jetStream, ValidationScope scope)
    {
        if (jetStream is null)
        {
            return;
        }

        scope.Require("version", jetStream.Version);
        if (jetStream.Replicas is { } replicas && (replicas == 2 || replicas < 1))
        {
            // Two servers cannot keep a quorum when one of them fails.
            scope.Fail("replicas", $"must be 1 or at least 3, got {replicas}");
        }

        CheckStreamConfig(jetStream.StreamConfig, scope.Field("streamConfig"));
    }

    private static void CheckStreamConfig(JetStreamStreamConfig? config, ValidationScope scope)
    {
        if (config is null)
        {
            return;
        }

        if (config.Retention is { } retention && !Enum.IsDefined(retention))
        {
            scope.Fail($"sets retention to {(int)retention}; use 0 (limits), 1 (interest) or 2 (work queue)");
        }

        if (config.Discard is { } discard && !Enum.IsDefined(discard))
        {
            scope.Fail($"sets discard to {(int)discard}; use 0 (old) or 1 (new)");
        }

        if (config.Replicas is < 1 or > 5)
        {
            scope.Fail($"sets replicas to {config.Replicas}; JetStream keeps 1 to 5 copies of a stream");
        }

        if (config.MaxMsgs is < -1)
        {
            scope.Fail($"sets maxMsgs to {config.MaxMsgs}; use a count, or -1 for no limit");
        }

        if (config.MaxBytes is < -1)
        {
            scope.Fail($"sets maxBytes to {config.MaxBytes}; use a size in bytes, or -1 for no limit");
        }
    }
}
