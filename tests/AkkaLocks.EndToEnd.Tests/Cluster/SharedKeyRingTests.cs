using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.EndToEnd.Tests.Postgres;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>With the PostgreSQL journal, the Data Protection key ring lives in that database: every node reads the same keys.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedKeyRingTests(PostgresServer postgres)
{
    private static readonly Dictionary<string, string> Users = new()
    {
        ["AkkaLocks__Users__alice__Password"] = "alice-password",
        ["AkkaLocks__Users__alice__Roles__0"] = "lock",
    };

    [PostgresFact]
    public async Task Token_from_login_on_one_node_is_accepted_by_another()
    {
        await using var cluster = await ServerCluster.StartAsync(2, await postgres.CreateDatabaseAsync(), Users);
        await cluster.WaitForMembersUpAsync(2);

        var login = await CallAsync(cluster.Nodes[0], "Login", "alice", "alice-password");
        var token = login.GetProperty("result").GetProperty("token").GetString()!;
        var acquired = await CallAsync(cluster.Nodes[1], "TryAcquireLock", token, "keyring", 30);

        Assert.False(acquired.TryGetProperty("error", out var error), $"node 1 refused node 0's token: {error}");
        Assert.NotEqual("error", acquired.GetProperty("result").GetString());
    }

    private static async Task<JsonElement> CallAsync(ServerProcess node, string method, params object[] parameters)
    {
        using var response = await node.Http.PostAsJsonAsync("/synchutilsrpc", new { jsonrpc = "2.0", method, @params = parameters, id = 1 });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
