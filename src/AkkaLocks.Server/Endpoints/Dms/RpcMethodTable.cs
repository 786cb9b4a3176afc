using System.Collections.Frozen;
using System.Text;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// Methods by wire name, ignoring case (PascalCase on the wire, as DMSContainer's proxies send; older clients
/// vary), each also under its snake_case name (<c>try_acquire_lock</c>), the Python proxies' method names.
/// </summary>
public static class RpcMethodTable
{
    public static FrozenDictionary<string, RpcMethod> Of(params RpcMethod[] methods) =>
        methods
            .SelectMany(m => new[] { (m.Name, m), (SnakeCase(m.Name), m) })
            .DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(p => p.Item1, p => p.m, StringComparer.OrdinalIgnoreCase);

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
