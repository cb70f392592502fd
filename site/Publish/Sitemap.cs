using ReportArchive.Output;
using ReportArchive.Rendering;
using ReportArchive.Routing;

namespace ReportArchive.Publish;

/// <summary><c>sitemap.xml</c>: every page with its date. The language alternates are in each page's head
/// (<c>link rel="alternate" hreflang</c>), which search engines read as they would the sitemap's; written twice they
/// were 80 % of the sitemap's bytes. Past the protocol's 50,000 addresses a file, <c>sitemap.xml</c> is an index of
/// <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>… of at most that many each.</summary>
public static class Sitemap
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The most addresses one sitemap file may list (sitemaps.org).</summary>
    public const int MaxPerFile = 50_000;

    /// <summary>A hash of what the sitemap is made from: every page's path and date.</summary>
    public static string Key(IEnumerable<PageRecord> pages)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        foreach (var page in pages)
        {
            // The path, then the date's day number (no text made for either: the preview asks this after every save).
            var span = buffer.GetSpan(OutputFile.Utf8.GetMaxByteCount(page.Path.Length) + 16);
            var written = OutputFile.Utf8.GetBytes(page.Path, span);
            span[written++] = (byte)'\n';
            System.Buffers.Text.Utf8Formatter.TryFormat(page.Modified?.DayNumber ?? -1, span[written..], out var number);
            written += number;
            span[written++] = (byte)'\n';
            buffer.Advance(written);
            if (buffer.WrittenCount > 60_000)
            {
                hash.AppendData(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        hash.AppendData(buffer.WrittenSpan);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static IReadOnlyList<OutputFile> Build(IEnumerable<PageRecord> pages, Func<string, string> absolute, int perFile = MaxPerFile)
    {
        var chunks = pages.OrderBy(p => p.Path, StringComparer.Ordinal).Chunk(perFile).ToList();
        if (chunks.Count <= 1)
        {
            return [UrlSet(Routes.Sitemap, chunks.FirstOrDefault() ?? [], absolute)];
        }

        var parts = chunks.Select((chunk, i) => UrlSet(Routes.SitemapPart(i + 1), chunk, absolute)).ToList();
        var index = Xml.Write(Routes.Sitemap, writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNs);
            foreach (var (part, chunk) in parts.Zip(chunks))
            {
                writer.WriteStartElement("sitemap", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, absolute(part.Path));
                if (chunk.Max(p => p.Modified) is { } latest)
                {
                    writer.WriteElementString("lastmod", SitemapNs, latest.ToString("yyyy-MM-dd"));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return [index, .. parts];
    }

    private static OutputFile UrlSet(string path, IEnumerable<PageRecord> pages, Func<string, string> absolute) => Xml.Write(path, writer =>
    {
        writer.WriteStartElement("urlset", SitemapNs);
        foreach (var page in pages)
        {
            writer.WriteStartElement("url", SitemapNs);
            writer.WriteElementString("loc", SitemapNs, absolute(page.Path));
            if (page.Modified is { } date)
            {
                writer.WriteElementString("lastmod", SitemapNs, date.ToString("yyyy-MM-dd"));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });
}
