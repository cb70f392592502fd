using AngleSharp.Dom;

namespace ReportArchive.Tests.Support;

/// <summary>What a reader sees of an element without CSS: its text less that of descendants marked <c>hidden</c> (a
/// translation's page carries the original that way for its parallel mode).</summary>
public static class VisibleTextExtensions
{
    public static string VisibleText(this INode node) => node switch
    {
        IElement e when e.HasAttribute("hidden") => "",
        IText text => text.Data,
        _ => string.Concat(node.ChildNodes.Select(VisibleText)),
    };
}
