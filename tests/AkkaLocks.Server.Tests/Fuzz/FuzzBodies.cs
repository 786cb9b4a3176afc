using System.Text.Json;
using CsCheck;

namespace AkkaLocks.Server.Tests.Fuzz;

/// <summary>
/// Generators of request bodies a careless or hostile client might send: fields of every JSON type, identifiers
/// with forbidden or overlong content, extreme numbers, truncated and garbage JSON, Unicode tricks.
/// </summary>
internal static class FuzzBodies
{
    public static readonly Gen<string> Identifier = Gen.OneOf(
        Gen.Const("T1"), Gen.Const(""), Gen.Const(" "), Gen.Const("a/b"), Gen.Const("ü"), Gen.Const("a\u0000b"),
        Gen.Const("\u202Eevil"), Gen.Const(new string('x', 257)), Gen.Const("ok.name:1-2_3"),
        Gen.String[Gen.Char[(char)0, (char)0x2FFF], 0, 40]);

    private static readonly Gen<string> Value = Gen.OneOf(
        Identifier.Select(s => JsonSerializer.Serialize(s)),
        Gen.Long.Select(l => l.ToString()), Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R") : "1e999"),
        Gen.Const("1e308"), Gen.Const("-1"), Gen.Const("0"), Gen.Const("null"), Gen.Const("true"), Gen.Const("false"),
        Gen.Const("[]"), Gen.Const("{}"), Gen.Const("""{"a":[1,2,{"b":null}]}"""), Gen.Const("\"" + new string('d', 70_000) + "\""));

    /// <summary>
    /// An object that is usually almost valid, so the deep branches are reached: each of <paramref name="fields"/> is
    /// present four times in five, half the time as an identifier-like string, otherwise as any value; sometimes
    /// with extra or repeated members, sometimes wrapped in an array or cut short.
    /// </summary>
    public static Gen<string> Objects(params string[] fields) =>
        Gen.Select(Gen.Int[0, 4].Array[fields.Length], Gen.Bool.Array[fields.Length], Identifier.Array[fields.Length],
            Value.Array[fields.Length + 2], Gen.Int[0, 9], Gen.Int[0, 1000],
            (present, asIdentifier, identifiers, values, shape, cut) =>
            {
                var members = fields
                    .Select((field, i) => present[i] == 0 ? null
                        : $"{JsonSerializer.Serialize(field)}:{(asIdentifier[i] ? JsonSerializer.Serialize(identifiers[i]) : values[i])}")
                    .Where(m => m is not null)
                    .Concat(shape == 2 ? [$"\"extra\":{values[^1]}", $"{JsonSerializer.Serialize(fields[0])}:{values[^2]}"] : []);
                var json = "{" + string.Join(",", members) + "}";
                return shape switch
                {
                    0 => json[..Math.Min(json.Length, cut % (json.Length + 1))],   // truncated
                    1 => "[" + json + "]",
                    _ => json,
                };
            });

    /// <summary>Bodies that are not JSON objects at all.</summary>
    public static readonly Gen<string> Garbage = Gen.OneOf(
        Gen.String[0, 200], Gen.Const(""), Gen.Const("null"), Gen.Const("\"text\""), Gen.Const("{"), Gen.Const("{\"client\":"),
        Gen.Const("\uFEFF{}"), Gen.Const("client=A&context=c&target=T"));
}
