namespace ArgoEvents.Sensors.Triggers.Email;

/// <summary>One SMTP reply: its three-digit code and the text of its lines.</summary>
/// <param name="Code">The reply code, e.g. 250.</param>
/// <param name="Lines">The text after the code on each line of a (possibly multi-line) reply.</param>
internal sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>Whether the code is 2xx.</summary>
    public bool IsPositive => Code is >= 200 and < 300;

    /// <summary>The reply as the server wrote it, lines joined with " / ".</summary>
    public override string ToString() => $"{Code} {string.Join(" / ", Lines)}";
}
