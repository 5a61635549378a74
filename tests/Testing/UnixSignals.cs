using System.Runtime.InteropServices;

namespace ArgoEvents.Testing;

/// <summary>
/// Sends POSIX signals to a child process. .NET can only SIGKILL a process; graceful stop (SIGINT)
/// and lame duck mode (SIGUSR2) need libc's kill(2).
/// </summary>
public static class UnixSignals
{
    /// <summary>SIGINT: graceful shutdown.</summary>
    public const int Interrupt = 2;

    /// <summary>SIGKILL: immediate death.</summary>
    public const int Kill = 9;

    /// <summary>SIGUSR2 on Linux (x64 and arm64); nats-server enters lame duck mode on it.</summary>
    public const int User2 = 12;

    /// <summary>SIGTERM: polite termination.</summary>
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; throws when the kernel refuses.</summary>
    public static void Send(int pid, int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException($"Sending signal {signal}: the signal numbers here are Linux's.");
        }

        if (NativeKill(pid, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {errno}.");
        }
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code for this one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
