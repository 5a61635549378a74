namespace ArgoEvents.EventBus.JetStream;

/// <summary>Limits a stream purge to part of the stream.</summary>
public sealed record StreamPurgeOptions
{
    /// <summary>Purge only messages on this subject (wildcards allowed).</summary>
    public string? Filter { get; init; }

    /// <summary>Purge messages below this sequence (exclusive); cannot be combined with <see cref="Keep"/>.</summary>
    public ulong Sequence { get; init; }

    /// <summary>Keep this many of the newest messages; cannot be combined with <see cref="Sequence"/>.</summary>
    public ulong Keep { get; init; }
}
