using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// What policy conditions point at: named locations (a few trusted offices and VPN egresses, many
/// countries), applications (first-party and the tenant's own service principals), authentication
/// strengths, device filters and administrative units.
/// </summary>
internal sealed record Catalog(
    IReadOnlyList<NamedLocation> NamedLocations,
    IReadOnlyList<ServicePrincipal> ServicePrincipals,
    IReadOnlyList<string> ApplicationIds,
    IReadOnlyList<AuthenticationStrengthPolicy> CustomStrengths,
    IReadOnlyList<string> DeviceFilterRules,
    IReadOnlyList<string> AdministrativeUnitScopes)
{
    public const string AzureManagementAppId = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
    public const string MultifactorStrengthId = "00000000-0000-0000-0000-000000000002";
    public const string PhishingResistantStrengthId = "00000000-0000-0000-0000-000000000004";

    public static IReadOnlyList<string> MultifactorCombinations { get; } =
        ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush", "password,microsoftAuthenticatorPush", "password,sms"];

    public static IReadOnlyList<string> PhishingResistantCombinations { get; } = ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"];

    private const int ServicePrincipalCount = 150;
    private const int AdministrativeUnitCount = 12;

    private static readonly string[] FirstPartyAppIds =
    [
        "00000002-0000-0ff1-ce00-000000000000", // Office 365 Exchange Online
        "00000003-0000-0ff1-ce00-000000000000", // Office 365 SharePoint Online
        "00000003-0000-0000-c000-000000000000", // Microsoft Graph
        "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", // Microsoft Teams Services
        AzureManagementAppId,                   // Windows Azure Service Management API
        "0000000a-0000-0000-c000-000000000000", // Microsoft Intune
    ];

    private static readonly string[] Offices = ["Seattle HQ", "London", "Munich", "Singapore", "Sao Paulo", "Toronto", "Sydney", "Tokyo"];

    private static readonly string[] Countries =
    [
        "Argentina", "Brazil", "Canada", "Chile", "China", "Colombia", "Egypt", "France", "Germany", "Ghana", "India",
        "Indonesia", "Ireland", "Israel", "Italy", "Japan", "Kenya", "Mexico", "Morocco", "Netherlands", "Nigeria", "Norway",
        "Pakistan", "Peru", "Philippines", "Poland", "Portugal", "Romania", "Russia", "Saudi Arabia", "South Africa",
        "South Korea", "Spain", "Sweden", "Switzerland", "Thailand", "Turkey", "Ukraine", "United Arab Emirates", "Vietnam",
    ];

    public static Catalog Build(TenantSize size, SeededRandom random)
    {
        var trustedCount = Math.Max(2, size.NamedLocations / 5);
        var locations = new List<NamedLocation>(size.NamedLocations);
        for (var n = 0; n < size.NamedLocations; n++)
        {
            var untrusted = n - trustedCount;
            var name = untrusted < 0
                ? (n % 2 == 0 ? $"Office {Offices[n / 2 % Offices.Length]}" : $"VPN egress {n / 2 + 1}")
                : untrusted < Countries.Length ? $"Country {Countries[untrusted]}" : $"Country group {untrusted}";
            locations.Add(new NamedLocation(random.NewId(), name, IsTrusted: untrusted < 0));
        }

        var servicePrincipals = Enumerable.Range(1, ServicePrincipalCount)
            .Select(n => new ServicePrincipal(random.NewId(), $"Contoso App {n:D3}", random.NewId()))
            .ToArray();

        AuthenticationStrengthPolicy[] strengths =
        [
            new(random.NewId(), "Contoso MFA without SMS", ["mfa"],
                ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush", "password,microsoftAuthenticatorPush", "password,softwareOath"]),
            new(random.NewId(), "Contoso passwordless", ["mfa"], ["windowsHelloForBusiness", "fido2", "deviceBasedPush"]),
            // A strength that looks like a control but lets a password alone through.
            new(random.NewId(), "Contoso legacy sign-in", ["none"], ["password", "password,sms", "temporaryAccessPassOneTime"]),
        ];

        string[] deviceFilters =
        [
            "device.trustType -eq \"ServerAD\"",
            "device.extensionAttribute1 -eq \"SAW\"",
            "device.model -startsWith \"Surface\"",
            "device.operatingSystem -eq \"Windows\" -and device.trustType -eq \"AzureAD\"",
            "device.displayName -contains \"KIOSK\"",
            "device.isCompliant -eq True",
        ];

        var scopes = Enumerable.Range(0, AdministrativeUnitCount).Select(_ => $"/administrativeUnits/{random.NewId()}").ToArray();
        var applicationIds = FirstPartyAppIds.Concat(servicePrincipals.Take(30).Select(sp => sp.AppId!)).ToArray();
        return new Catalog(locations, servicePrincipals, applicationIds, strengths, deviceFilters, scopes);
    }

    public IEnumerable<NamedLocation> Trusted => NamedLocations.Where(l => l.IsTrusted);
    public IEnumerable<NamedLocation> Untrusted => NamedLocations.Where(l => !l.IsTrusted);
}
