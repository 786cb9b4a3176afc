using System.Text.Json.Nodes;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>One entry of a JSON-RPC method table: the parameter names in wire order, how many are required, and the handler.</summary>
public sealed record RpcMethod(string Name, string[] Parameters, Func<RpcCall, Task<JsonNode?>> Handle)
{
    public int Required { get; init; } = Parameters.Length;
}

/// <summary>What a handler gets: the bound parameters and the HTTP request they came in.</summary>
public sealed record RpcCall(JsonRpcParams Params, HttpContext Http)
{
    public CancellationToken Aborted => Http.RequestAborted;

    public T Service<T>() where T : notnull => Http.RequestServices.GetRequiredService<T>();
}
