using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// The typed reading of a JetStream EventBus's <c>streamConfig</c>, which Argo writes as YAML inside a string and
/// merges over its controller defaults (<c>maxMsgs: 50000, maxAge: 168h, maxBytes: -1, replicas: 3,
/// duplicates: 300s, retention: 0, discard: 0</c>). A null setting means "use the default". Keys are matched
/// without regard to case, as Argo's viper-based reader does; durations may be Go duration text or a bare number
/// of nanoseconds. The original text is kept in <see cref="Text"/> and written back unchanged.
/// </summary>
public sealed record JetStreamStreamConfig
{
    private static readonly string[] KnownKeys = ["maxMsgs", "maxAge", "maxBytes", "replicas", "duplicates", "retention", "discard"];

    /// <summary>The YAML text as written.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary><c>maxMsgs</c>: most messages kept; -1 for no limit.</summary>
    public long? MaxMsgs { get; init; }

    /// <summary><c>maxAge</c>: oldest message kept; zero for no limit.</summary>
    public GoDuration? MaxAge { get; init; }

    /// <summary><c>maxBytes</c>: most bytes kept; -1 for no limit.</summary>
    public long? MaxBytes { get; init; }

    /// <summary><c>replicas</c>: copies of each message in the cluster.</summary>
    public int? Replicas { get; init; }

    /// <summary><c>duplicates</c>: window in which a repeated message id is dropped.</summary>
    public GoDuration? Duplicates { get; init; }

    /// <summary><c>retention</c>: 0 limits, 1 interest, 2 work queue (other numbers fail validation).</summary>
    public StreamRetentionPolicy? Retention { get; init; }

    /// <summary><c>discard</c>: 0 old, 1 new (other numbers fail validation).</summary>
    public StreamDiscardPolicy? Discard { get; init; }

    /// <summary>Parses <c>streamConfig</c> YAML; throws <see cref="FormatException"/> naming the bad key or value.</summary>
    public static JetStreamStreamConfig Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return TryParse(yaml, out var config, out var problem) ? config : throw new FormatException(problem);
    }

    /// <summary>Parses <c>streamConfig</c> YAML; on failure <paramref name="problem"/> names the bad key or value.</summary>
    public static bool TryParse(string yaml, [NotNullWhen(true)] out JetStreamStreamConfig? config, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        config = null;
        var errors = new List<ManifestError>();
        var documents = YamlDocumentReader.Read(new StringReader(yaml), "streamConfig", errors);
        if (errors.Count > 0)
        {
            problem = $"is not valid YAML ({errors[0]})";
            return false;
        }

        if (documents.Count > 1)
        {
            problem = "holds more than one YAML document";
            return false;
        }

        var root = documents.Count == 0 ? null : documents[0].Root;
        var result = new JetStreamStreamConfig { Text = yaml };
        if (root is null)
        {
            config = result;
            problem = null;
            return true;
        }

        if (root is not ManifestMapping mapping)
        {
            problem = "must hold a YAML mapping of stream settings";
            return false;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!TryApply(result, entry, out result, out problem))
            {
                return false;
            }
        }

        config = result;
        problem = null;
        return true;
    }

    private static bool TryApply(JetStreamStreamConfig current, ManifestMappingEntry entry, out JetStreamStreamConfig updated, [NotNullWhen(false)] out string? problem)
    {
        updated = current;
        var key = entry.Key.Value;
        var known = KnownKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            problem = $"has the unknown key '{key}' (line {entry.Key.Line} of the embedded YAML); known keys: {string.Join(", ", KnownKeys)}";
            return false;
        }

        if (entry.Value is not ManifestScalar scalar)
        {
            problem = $"key '{known}' must be a single value, not {entry.Value.Describe()}";
            return false;
        }

        if (scalar.IsNull)
        {
            problem = null;
            return true;
        }

        problem = null;
        switch (known)
        {
            case "maxMsgs" when scalar.TryGetInt64(out var maxMsgs):
                updated = current with { MaxMsgs = maxMsgs };
                return true;
            case "maxBytes" when scalar.TryGetInt64(out var maxBytes):
                updated = current with { MaxBytes = maxBytes };
                return true;
            case "replicas" when scalar.TryGetInt64(out var replicas) && replicas is >= int.MinValue and <= int.MaxValue:
                updated = current with { Replicas = (int)replicas };
                return true;
            case "retention" when scalar.TryGetInt64(out var retention) && retention is >= int.MinValue and <= int.MaxValue:
                updated = current with { Retention = (StreamRetentionPolicy)(int)retention };
                return true;
            case "discard" when scalar.TryGetInt64(out var discard) && discard is >= int.MinValue and <= int.MaxValue:
                updated = current with { Discard = (StreamDiscardPolicy)(int)discard };
                return true;
            case "maxAge" or "duplicates":
                if (!TryReadDuration(scalar, out var duration, out var durationProblem))
                {
                    problem = $"key '{known}' {durationProblem}";
                    return false;
                }

                updated = known == "maxAge" ? current with { MaxAge = duration } : current with { Duplicates = duration };
                return true;
            default:
                problem = $"key '{known}' must be an integer, got '{scalar.Value}'";
                return false;
        }
    }

    private static bool TryReadDuration(ManifestScalar scalar, out GoDuration duration, [NotNullWhen(false)] out string? problem)
    {
        var text = scalar.Value.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanoseconds))
        {
            duration = GoDuration.FromNanosecondsText(nanoseconds, text);
            problem = null;
            return true;
        }

        if (GoDuration.TryParse(text, out duration, out var parseProblem))
        {
            problem = null;
            return true;
        }

        problem = $"is not a valid duration: {parseProblem}";
        return false;
    }
}
