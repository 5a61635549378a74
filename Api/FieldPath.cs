namespace ArgoEvents.Api;

/// <summary>
/// Builds and splits field paths such as <c>spec.webhook.example.port</c> and <c>spec.service.ports[0]</c>.
/// Map keys that are not plain words (annotation keys, dotted event names) are written as <c>['key']</c>
/// so that a path stays unambiguous.
/// </summary>
internal static class FieldPath
{
    public const string Root = "";

    public static string Child(string parent, string name)
    {
        if (!IsPlainWord(name))
        {
            return parent + "['" + name + "']";
        }

        return parent.Length == 0 ? name : parent + "." + name;
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The path one level up, or null for the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (path.EndsWith("']", StringComparison.Ordinal))
        {
            var open = path.LastIndexOf("['", path.Length - 2, StringComparison.Ordinal);
            return open < 0 ? Root : path[..open];
        }

        if (path.EndsWith(']'))
        {
            var open = path.LastIndexOf('[');
            return open < 0 ? Root : path[..open];
        }

        var dot = path.LastIndexOf('.');
        return dot < 0 ? Root : path[..dot];
    }

    private static bool IsPlainWord(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
