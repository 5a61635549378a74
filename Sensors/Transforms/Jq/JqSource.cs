namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Turns offsets in a program into "line L, column C" for parse errors.</summary>
internal static class JqSource
{
    public static JqException Error(string text, int position, string message)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new JqException($"jq: {message} at line {line}, column {column}");
    }
}
