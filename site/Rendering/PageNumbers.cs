namespace ReportArchive.Rendering;

/// <summary>Which page numbers a long list links to from one of its pages: the first, the last and a few on each side of the
/// current one, with a gap (null) where pages are left out, so that a page's links stay few however long the list grows.</summary>
public static class PageNumbers
{
    public static List<int?> Window(int current, int count, int radius = 2)
    {
        var shown = new List<int?>();
        for (var n = 1; n <= count; n++)
        {
            // A gap stands for two pages or more: a single left-out page is shown instead, as it takes no more room.
            var near = Math.Abs(n - current) <= radius || n == 1 || n == count
                || (n == 2 && current - radius == 3) || (n == count - 1 && current + radius == count - 2);
            if (near)
            {
                shown.Add(n);
            }
            else if (shown[^1] is not null)
            {
                shown.Add(null);
            }
        }

        return shown;
    }
}
