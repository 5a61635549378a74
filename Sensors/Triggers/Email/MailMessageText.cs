using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace ArgoEvents.Sensors.Triggers.Email;

/// <summary>
/// Writes a plain-text email (RFC 5322 with MIME): From, To, Subject (an RFC 2047 encoded-word when it is not ASCII),
/// Date, Message-ID, MIME-Version and a UTF-8 text/plain body, sent as 7bit when it is short-lined ASCII and as base64
/// otherwise. Lines end in CRLF; dot-stuffing is the SMTP session's job.
/// </summary>
internal static class MailMessageText
{
    private const int MaxLineLength = 998;
    private const int Base64LineLength = 76;

    // An encoded word is at most 75 characters; "=?UTF-8?B?" and "?=" leave 63, i.e. 45 bytes of base64 input.
    private const int EncodedWordBytes = 45;

    /// <summary>The message text, UTF-8 encoded.</summary>
    public static byte[] Build(string from, string to, string subject, string body, DateTimeOffset date, string messageIdDomain)
    {
        var text = new StringBuilder(256 + body.Length);
        AppendHeader(text, "From", AddressHeaderValue(from));
        AppendHeader(text, "To", AddressHeaderValue(to));
        AppendHeader(text, "Subject", HeaderValue(subject));
        AppendHeader(text, "Date", date.ToString("ddd, dd MMM yyyy HH':'mm':'ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal));
        AppendHeader(text, "Message-ID", $"<{Guid.NewGuid():N}@{messageIdDomain}>");
        AppendHeader(text, "MIME-Version", "1.0");
        AppendHeader(text, "Content-Type", "text/plain; charset=UTF-8");

        var lines = body.ReplaceLineEndings("\r\n");
        if (Ascii.IsValid(lines) && lines.Split("\r\n").All(line => line.Length <= MaxLineLength))
        {
            AppendHeader(text, "Content-Transfer-Encoding", "7bit");
            text.Append("\r\n").Append(lines);
        }
        else
        {
            AppendHeader(text, "Content-Transfer-Encoding", "base64");
            text.Append("\r\n");
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(lines));
            for (var i = 0; i < encoded.Length; i += Base64LineLength)
            {
                text.Append(encoded, i, Math.Min(Base64LineLength, encoded.Length - i)).Append("\r\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// A header value: line breaks become spaces (so a value cannot add headers), and text that is not ASCII becomes
    /// a run of RFC 2047 encoded words, folded one per line.
    /// </summary>
    public static string HeaderValue(string value)
    {
        var flat = value.ReplaceLineEndings(" ");
        if (Ascii.IsValid(flat))
        {
            return flat;
        }

        var words = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(flat);
        var start = 0;
        while (start < bytes.Length)
        {
            // Cut only before a UTF-8 lead byte so that no character is split between two encoded words.
            var end = Math.Min(start + EncodedWordBytes, bytes.Length);
            while (end < bytes.Length && end > start + 1 && (bytes[end] & 0xC0) == 0x80)
            {
                end--;
            }

            words.Add("=?UTF-8?B?" + Convert.ToBase64String(bytes, start, end - start) + "?=");
            start = end;
        }

        return string.Join("\r\n ", words);
    }

    /// <summary>An address header value: a display name that is not ASCII is encoded, the address itself kept.</summary>
    public static string AddressHeaderValue(string value)
    {
        var flat = value.ReplaceLineEndings(" ");
        if (Ascii.IsValid(flat) || !MailAddress.TryCreate(flat, out var address) || string.IsNullOrEmpty(address.DisplayName))
        {
            return flat;
        }

        return HeaderValue(address.DisplayName) + " <" + address.Address + ">";
    }

    private static void AppendHeader(StringBuilder text, string name, string value) =>
        text.Append(name).Append(": ").Append(value).Append("\r\n");
}
