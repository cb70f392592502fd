namespace ReportArchive.Output;

/// <summary>A file of the built site: its path below the site root ('/'-separated) and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Bytes)
{
    public static OutputFile Text(string path, string text) => new(path, new System.Text.UTF8Encoding(false).GetBytes(text));
}
