using Microsoft.Playwright;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>
/// A local HTML file opened in the system Chromium (Playwright's own browser download is not used),
/// recording every console error, page error and dialog the page raises.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public static async Task<BrowserPage> OpenAsync(string htmlFile)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var session = new BrowserPage(playwright, browser, page);
        page.Console += (_, message) => { if (message.Type == "error") session.Errors.Add("console: " + message.Text); };
        page.PageError += (_, error) => session.Errors.Add("page: " + error);
        page.Dialog += (_, dialog) =>
        {
            session.Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(htmlFile).AbsoluteUri);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
