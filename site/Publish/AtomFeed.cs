using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Rendering;
using ReportArchive.Routing;

namespace ReportArchive.Publish;

/// <summary>An Atom feed per language (<c>zh/feed.xml</c>, <c>en/feed.xml</c>, …): the latest reports in that language, each with
/// its summary and its full text, every link absolute.</summary>
public static class AtomFeed
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    public const int Entries = 20;

    public static OutputFile Build(Language language, IReadOnlyList<Report> latestFirst, SiteConfig config, Routes routes)
    {
        var lang = language.Key;
        var reports = latestFirst.Where(r => r.In(lang) is not null).Take(Entries).ToList();
        var path = routes.Path(Route.Feed(lang));
        return Xml.Write(path, writer =>
        {
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteAttributeString("xml", "lang", null, language.Tag);
            writer.WriteElementString("id", AtomNs, routes.Absolute(path));
            writer.WriteElementString("title", AtomNs, config.Title.In(lang));
            writer.WriteElementString("subtitle", AtomNs, config.Description.In(lang));
            writer.WriteElementString("updated", AtomNs, Timestamp(reports.Count > 0 ? reports.Max(r => r.Date) : new DateOnly(2000, 1, 1)));
            Link(writer, "self", routes.Absolute(path), "application/atom+xml");
            Link(writer, "alternate", routes.Absolute(Route.Home(lang)), "text/html");
            writer.WriteStartElement("author", AtomNs);
            writer.WriteElementString("name", AtomNs, config.Title.In(lang));
            writer.WriteEndElement();
            foreach (var report in reports)
            {
                var translation = report.In(lang)!;
                var url = routes.Absolute(Route.Article(lang, report));
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("id", AtomNs, url);
                writer.WriteElementString("title", AtomNs, translation.Title);
                writer.WriteElementString("published", AtomNs, Timestamp(report.Date));
                writer.WriteElementString("updated", AtomNs, Timestamp(report.Date));
                Link(writer, "alternate", url, "text/html");
                if (translation.Front.Byline is { } byline)
                {
                    writer.WriteStartElement("author", AtomNs);
                    writer.WriteElementString("name", AtomNs, byline);
                    writer.WriteEndElement();
                }

                var lead = translation.Lead.OfType<Paragraph>().FirstOrDefault();
                writer.WriteStartElement("summary", AtomNs);
                writer.WriteString(lead is null ? translation.Title : Excerpts.Of(lead.Text, language));
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNs);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(Content(translation));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>The report's text as HTML: the lead and each section with its heading; photos are left to the page.</summary>
    private static string Content(Translation translation)
    {
        var parts = translation.Lead.OfType<Paragraph>().Select(p => p.Html)
            .Concat(translation.Sections.SelectMany(s => s.Paragraphs.Select(p => p.Html).Prepend($"<h2>{System.Net.WebUtility.HtmlEncode(s.Heading)}</h2>")));
        return string.Join("\n", parts);
    }

    private static void Link(System.Xml.XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", AtomNs);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => $"{date:yyyy-MM-dd}T00:00:00Z";
}
