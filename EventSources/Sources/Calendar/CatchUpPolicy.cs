namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// How far back a (re)started calendar source publishes the ticks it missed since the last one it stored. With
/// <c>persistence.catchup.enabled</c> Argo's rule holds: every missed tick, or those within <c>maxDuration</c> when it
/// is set. Without it Argo would skip them all; here the ticks of the last <see cref="HandoverWindow"/> are still
/// published, so a failover or a rolling restart never drops a tick, while a source that was down for long does not
/// flood its sensors.
/// </summary>
public sealed record CatchUpPolicy
{
    /// <summary>How far back a source without catch-up still fills the gap a restart or failover left.</summary>
    public static readonly TimeSpan HandoverWindow = TimeSpan.FromMinutes(1);

    private CatchUpPolicy(TimeSpan? window) => Window = window;

    /// <summary>How far back missed ticks are published; null for no limit.</summary>
    public TimeSpan? Window { get; }

    /// <summary>Every missed tick.</summary>
    public static CatchUpPolicy Unbounded { get; } = new((TimeSpan?)null);

    /// <summary>The missed ticks of the last <paramref name="window"/>.</summary>
    public static CatchUpPolicy Within(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        return new CatchUpPolicy(window);
    }

    /// <summary>The instant after which ticks are due: the last published tick, but no earlier than the window allows.</summary>
    public DateTimeOffset Floor(DateTimeOffset lastTick, DateTimeOffset now)
        => Window is { } window && now - window > lastTick ? now - window : lastTick;
}
