using System.Globalization;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>The JetStream API answered a request with an error object.</summary>
public sealed class JetStreamApiException : JetStreamException
{
    private const string WrongLastSequencePrefix = "wrong last sequence: ";

    /// <summary>Creates the exception from the server's error and the API subject that produced it.</summary>
    /// <param name="error">The <c>error</c> object of the response.</param>
    /// <param name="subject">The request subject, for the message.</param>
    public JetStreamApiException(ApiError error, string subject)
        : base(FormatMessage(error, subject))
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        Subject = subject;
    }

    /// <summary>The server's error object.</summary>
    public ApiError Error { get; }

    /// <summary>The request subject that failed.</summary>
    public string Subject { get; }

    /// <summary>The HTTP-like status, e.g. 404, 400 or 503.</summary>
    public int Code => Error.Code;

    /// <summary>The JetStream error code; compare with <see cref="JetStreamErrorCode"/>.</summary>
    public int ErrorCode => Error.ErrorCode;

    /// <summary>The server's description.</summary>
    public string Description => Error.Description ?? "";

    /// <summary>
    /// For a <see cref="JetStreamErrorCode.WrongLastSequence"/> error, reads the current sequence the server reported
    /// in its description ("wrong last sequence: N").
    /// </summary>
    /// <param name="currentSequence">The current last (subject) sequence.</param>
    /// <returns>False when this is another error or the text has no number.</returns>
    public bool TryGetCurrentSequence(out ulong currentSequence)
    {
        currentSequence = 0;
        if (ErrorCode != JetStreamErrorCode.WrongLastSequence)
        {
            return false;
        }

        var text = Description.AsSpan();
        var at = text.IndexOf(WrongLastSequencePrefix, StringComparison.Ordinal);
        return at >= 0
            && ulong.TryParse(text[(at + WrongLastSequencePrefix.Length)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out currentSequence);
    }

    private static string FormatMessage(ApiError? error, string? subject) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"JetStream request '{subject}' failed: {error?.Description} (code {error?.Code}, err_code {error?.ErrorCode}).");
}
