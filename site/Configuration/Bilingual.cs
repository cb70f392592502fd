namespace ReportArchive.Configuration;

/// <summary>A label in both languages of the archive.</summary>
public sealed record Bilingual(string Zh, string En)
{
    public string In(string lang) => lang == Languages.Zh ? Zh : En;
}
