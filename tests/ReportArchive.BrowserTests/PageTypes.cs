namespace ReportArchive.BrowserTests;

/// <summary>One page of each type the site has, in each language.</summary>
public static class PageTypes
{
    public const string Article = "reports/2023/yanzhou-party-building/";

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string> { "" };
        foreach (var lang in new[] { "zh", "en" })
        {
            foreach (var path in new[] { "", "archive/", "archive/2023/", "departments/", "departments/procuratorate/", "topics/", "topics/education/", Article, "search/" })
            {
                data.Add($"{lang}/{path}");
            }
        }

        data.Add($"en/{Article}#parallel"); // the parallel mode

        data.Add("no-such-page/");
        return data;
    }

    /// <summary>A browser language that the root does not redirect for, so that the root itself can be tested with scripts on.</summary>
    public static string LocaleFor(string path) => path == "" ? "fr-FR" : "zh-CN";
}
