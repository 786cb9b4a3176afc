using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// The Data Protection key ring in the cluster's PostgreSQL database, so every node protects and reads tokens
/// with the same keys: a token from Login on one node is accepted by all. The table is created when missing.
/// Keys are stored as Data Protection writes them (unencrypted XML, like the file system repository):
/// whoever can read this table can forge tokens, so grant it to the service's database user only.
/// </summary>
internal sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
{
    public const string Table = "akkalocks_data_protection_keys";

    private volatile bool _tableReady;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand($"SELECT xml FROM {Table} ORDER BY friendly_name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    /// <summary>
    /// Friendly names are unique per element (<c>key-&lt;guid&gt;</c>); elements are never changed once written,
    /// so a second write of the same name (a retry) is ignored rather than replacing the first.
    /// </summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            $"INSERT INTO {Table} (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        if (!_tableReady) CreateTable(connection);
        return connection;
    }

    /// <summary>
    /// Nodes starting together may both create the table; PostgreSQL's IF NOT EXISTS is not safe against a concurrent
    /// CREATE (it can fail on the catalog's unique index), and the loser finds the table there, which is all it needs.
    /// </summary>
    private void CreateTable(NpgsqlConnection connection)
    {
        try
        {
            using var command = new NpgsqlCommand(
                $"CREATE TABLE IF NOT EXISTS {Table} (friendly_name text PRIMARY KEY, xml text NOT NULL)", connection);
            command.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // created by another node just now
        }
        _tableReady = true;
    }
}
