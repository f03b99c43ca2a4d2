using AdminMfaWatchdog.Core.Configuration;

namespace AdminMfaWatchdog.Core.Tests.Kit;

internal static class Configs
{
    public static WatchdogConfig Default => WatchdogConfig.Default;

    public static WatchdogConfig WithServiceAccounts(string exclusionGroupId, string[]? patterns = null, string[]? employeeTypes = null, string[]? ids = null) =>
        Default with
        {
            ServiceAccounts = new ServiceAccountSettings(exclusionGroupId, patterns ?? ["svc-*@*"], employeeTypes ?? ["ServiceAccount"], ids ?? []),
        };
}
