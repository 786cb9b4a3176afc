namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// A JSON-RPC error answer, thrown from anywhere inside a call and written as its <c>error</c> object.
/// The code is repeated in the message: DMSContainer's Python client reads only the message, and re-logs in
/// when it contains "-32004".
/// </summary>
public sealed class JsonRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;

    public static JsonRpcException InvalidParams(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}

/// <summary>JSON-RPC 2.0's reserved codes and the application codes of this surface (-32099..-32000).</summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>The engine did not answer in time; nothing is known to have changed.</summary>
    public const int Unavailable = -32000;

    /// <summary>Login refused: unknown user or wrong password.</summary>
    public const int InvalidCredentials = -32001;

    /// <summary>Login refused: too many failed logins in a row.</summary>
    public const int LockedOut = -32002;

    /// <summary>The token's user lacks the role this method needs.</summary>
    public const int Forbidden = -32003;

    /// <summary>Missing, forged or expired token (DMSContainer's code; clients log in again).</summary>
    public const int InvalidToken = -32004;

    /// <summary>A limit of this server refused the call (e.g. locks per owner); nothing changed.</summary>
    public const int LimitReached = -32005;
}
