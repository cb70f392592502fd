using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>Headless Chromium: Debian's (/usr/bin/chromium) where it is installed, otherwise Playwright's own build, which is
/// downloaded once; where neither can be had, the tests fail and say what to install.</summary>
public sealed class Browser : IAsyncLifetime
{
    private const string DebianChromium = "/usr/bin/chromium";
    private static readonly string[] Flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = Flags };
        if (File.Exists(DebianChromium))
        {
            options.ExecutablePath = DebianChromium;
        }
        else if (Microsoft.Playwright.Program.Main(["install", "chromium"]) != 0)
        {
            throw new InvalidOperationException(
                "No browser for the browser tests: install Debian's Chromium (apt-get install chromium fonts-noto-cjk), or let Playwright download its own.");
        }

        Instance = await _playwright.Chromium.LaunchAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The repository's input/ built and served, and one browser, for all the browser tests of a collection.</summary>
public sealed class SiteAndBrowser() : BrowserFixture(new SiteServer());

/// <summary>One built site, one server and one browser for all the browser tests of a collection.</summary>
public abstract class BrowserFixture(SiteServer site) : IAsyncLifetime
{
    public SiteServer Site { get; } = site;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }

    /// <summary>A page in a fresh browser context, closed with the tab; <paramref name="errors"/> collects console errors and failed requests.</summary>
    public async Task<Tab> OpenAsync(List<string> errors, int width = 1280, bool javaScript = true, string locale = "zh-CN", ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            Locale = locale,
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Url}: HTTP {response.Status}");
            }
        };
        return new Tab(page);
    }
}

/// <summary>A page and the browser context it lives in, closed together.</summary>
public sealed class Tab(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteAndBrowser>
{
    public const string Name = "site and browser";
}
