namespace ReportArchive.Configuration;

/// <summary>The archive's two languages, their codes in URLs and in HTML.</summary>
public static class Languages
{
    public const string Zh = "zh";
    public const string En = "en";

    public static readonly IReadOnlyList<string> All = [Zh, En];

    /// <summary>The BCP 47 tag for <c>lang</c> and <c>hreflang</c> attributes.</summary>
    public static string Tag(string lang) => lang == Zh ? "zh-Hans" : "en";

    public static string Other(string lang) => lang == Zh ? En : Zh;
}
