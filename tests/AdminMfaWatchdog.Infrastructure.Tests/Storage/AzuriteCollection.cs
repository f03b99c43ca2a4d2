namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

/// <summary>xunit starts the emulator once for the tests of the Azurite collection and stops it after them.</summary>
public sealed partial class AzuriteFixture : IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
