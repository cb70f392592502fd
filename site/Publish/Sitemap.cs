using System.Xml;
using ReportArchive.Output;
using ReportArchive.Rendering;
using ReportArchive.Routing;

namespace ReportArchive.Publish;

/// <summary><c>sitemap.xml</c>: every page, with <c>xhtml:link</c> alternates for the pages that exist in more than one language.</summary>
public static class Sitemap
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>A hash of what the sitemap is made from: every page's path, date and alternates.</summary>
    public static string Key(IEnumerable<PageRecord> pages)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        foreach (var page in pages)
        {
            Append(buffer, $"{page.Path}\n{page.Modified}\n");
            foreach (var alternate in page.Alternates)
            {
                Append(buffer, $"{alternate.Hreflang} {alternate.Href}\n");
            }

            if (buffer.WrittenCount > 60_000)
            {
                hash.AppendData(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        hash.AppendData(buffer.WrittenSpan);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(System.Buffers.ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(OutputFile.Utf8.GetMaxByteCount(text.Length));
        buffer.Advance(OutputFile.Utf8.GetBytes(text, span));
    }

    public static OutputFile Build(IEnumerable<PageRecord> pages, Func<string, string> absolute) => Xml.Write(Routes.Sitemap, writer =>
    {
        writer.WriteStartElement("urlset", SitemapNs);
        writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
        foreach (var page in pages.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            writer.WriteStartElement("url", SitemapNs);
            writer.WriteElementString("loc", SitemapNs, absolute(page.Path));
            if (page.Modified is { } date)
            {
                writer.WriteElementString("lastmod", SitemapNs, date.ToString("yyyy-MM-dd"));
            }

            if (page.Alternates.Count > 2)
            {
                foreach (var alternate in page.Alternates)
                {
                    writer.WriteStartElement("xhtml", "link", XhtmlNs);
                    writer.WriteAttributeString("rel", "alternate");
                    writer.WriteAttributeString("hreflang", alternate.Hreflang);
                    writer.WriteAttributeString("href", alternate.Href);
                    writer.WriteEndElement();
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });
}
