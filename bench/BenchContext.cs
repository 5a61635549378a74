namespace ArgoEvents.Bench;

/// <summary>Settings shared by every suite; <see cref="Quick"/> shrinks message counts for a smoke run.</summary>
public sealed record BenchContext(bool Quick)
{
    public int Scale(int count) => Quick ? Math.Max(1, count / 20) : count;

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
