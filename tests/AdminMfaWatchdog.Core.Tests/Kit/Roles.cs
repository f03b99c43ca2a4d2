namespace AdminMfaWatchdog.Core.Tests.Kit;

internal static class Roles
{
    public const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    public const string ExchangeAdministrator = "29232cdf-9323-42fd-ade2-1d097af3e4de";
    public const string SecurityAdministrator = "194ae4cb-b126-40b2-bd5b-6091b380977d";
    public const string UserAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    public const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
}
