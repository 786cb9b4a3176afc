namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>
/// esoco's Java client throws on any status code outside this set (esoco-sync.md, Transport), so every
/// answer of the API, good or bad, must be one of them.
/// </summary>
internal static class EsocoStatusCodes
{
    public static readonly IReadOnlySet<int> UnderstoodByJavaClient = new HashSet<int> { 200, 208, 400, 401, 404, 405, 406, 409, 411, 423, 500, 501 };

    public static void AssertUnderstood(int status, string method, string path) =>
        Assert.True(UnderstoodByJavaClient.Contains(status), $"{method} {path} answered {status}, which esoco's Java client cannot handle.");
}
