namespace AkkaLocks.Server.Auth;

/// <summary>The REST surfaces whose need for credentials is configured apart (see <see cref="AuthOptions"/>).</summary>
public enum RestSurface
{
    EsocoSync,
    EsocoAdmin,
}
