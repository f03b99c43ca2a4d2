namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>
/// A fact that needs the system Chromium (scripts/install-chromium.sh). xunit 2 has no dynamic skip, so
/// the attribute skips itself, with the reason in the test output, on machines without the browser.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = "Chromium not installed (apt-get install chromium): browser test skipped";
    }
}
