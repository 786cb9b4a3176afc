using System.Net;
using System.Net.Http.Json;
using AkkaLocks.Contracts;
using static AkkaLocks.Server.Tests.NativeV1.V1Http;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary><c>GET /v1/cluster</c> on a single node: the node is its own cluster, Up, reachable and leader.</summary>
[Collection(NativeV1Collection.Name)]
public sealed class NativeV1ClusterTests(AkkaLocksKestrelServer server)
{
    private readonly V1Http _v1 = For(server);

    [Fact]
    public async Task Single_node_reports_itself_as_the_only_member_up_reachable_and_leader()
    {
        using var response = await _v1.Http.GetAsync("/v1/cluster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<ClusterStatus>(Json))!;
        Assert.StartsWith("akka.tcp://akkalocks@127.0.0.1:", status.Self);
        Assert.Equal("up", status.SelfStatus);
        Assert.Equal(status.Self, status.Leader);
        var member = Assert.Single(status.Members);
        Assert.Equal((status.Self, "up", true), (member.Address, member.Status, member.Reachable));
    }

    [Fact]
    public async Task Single_node_hosts_every_shard_and_the_lock_it_just_granted()
    {
        await _v1.GrantAsync(NewContext(), "hosted", new { owner = "alice" });

        var status = (await _v1.Http.GetFromJsonAsync<ClusterStatus>("/v1/cluster", Json))!;

        Assert.Equal(100, status.HostedShards);   // the recovery gate starts every shard
        Assert.True(status.HostedLocks >= 1, "a held lock's actor runs");   // other tests' free locks come and go
    }
}
