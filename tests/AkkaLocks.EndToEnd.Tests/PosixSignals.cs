using System.Runtime.InteropServices;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>
/// SIGSTOP and SIGCONT, which .NET's Process has no API for: a stopped process keeps its sockets open but answers
/// nothing, like a node frozen by a long GC pause, swapping or a stalled VM.
/// </summary>
internal static class PosixSignals
{
    // Linux numbers (x86-64 and arm64 alike); the end-to-end tests run the server on Linux.
    private const int SigStop = 19;
    private const int SigCont = 18;

    public static void Stop(int processId) => Send(processId, SigStop);

    public static void Continue(int processId) => Send(processId, SigCont);

    private static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
