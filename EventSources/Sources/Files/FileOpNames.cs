using System.Text;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// The text form of operations, as fsnotify's <c>Op.String()</c> writes it and Argo compares <c>eventType</c> with:
/// names joined by '|' in the order CREATE, REMOVE, WRITE, RENAME, CHMOD.
/// </summary>
public static class FileOpNames
{
    /// <summary>The values <c>eventType</c> can usefully take: each single operation.</summary>
    public static IReadOnlyList<string> Single { get; } = ["CREATE", "WRITE", "REMOVE", "RENAME", "CHMOD"];

    /// <summary>The text of <paramref name="op"/>; <c>[no events]</c> for none, as fsnotify writes it.</summary>
    public static string Format(FileOp op)
    {
        var text = new StringBuilder();
        Append(text, op, FileOp.Create, "CREATE");
        Append(text, op, FileOp.Remove, "REMOVE");
        Append(text, op, FileOp.Write, "WRITE");
        Append(text, op, FileOp.Rename, "RENAME");
        Append(text, op, FileOp.Chmod, "CHMOD");
        return text.Length == 0 ? "[no events]" : text.ToString();
    }

    /// <summary>The bits a text names, unknown names counting for nothing (Argo's <c>fsevent.NewOp</c>).</summary>
    public static FileOp Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var op = FileOp.None;
        foreach (var name in text.Split('|'))
        {
            op |= name switch
            {
                "CREATE" => FileOp.Create,
                "REMOVE" => FileOp.Remove,
                "WRITE" => FileOp.Write,
                "RENAME" => FileOp.Rename,
                "CHMOD" => FileOp.Chmod,
                _ => FileOp.None,
            };
        }

        return op;
    }

    private static void Append(StringBuilder text, FileOp op, FileOp flag, string name)
    {
        if ((op & flag) == flag)
        {
            text.Append(text.Length == 0 ? string.Empty : "|").Append(name);
        }
    }
}
