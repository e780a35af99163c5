namespace Identity.EmbeddedStorage.Migrations;

/// <summary>
/// One step of a database's schema: <see cref="Sql"/> turns a database at version
/// <c><see cref="Version"/> - 1</c> into one at <see cref="Version"/>. It runs once per database file.
/// </summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);
