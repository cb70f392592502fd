using ReportArchive.Rendering;

namespace ReportArchive.Tests.Rendering;

/// <summary>The page numbers a page of a long list links to: few, whatever the list's length.</summary>
public class PageNumbersTests
{
    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(2, 4, "1 2 3 4")]
    [InlineData(1, 1000, "1 2 3 … 1000")]
    [InlineData(4, 1000, "1 2 3 4 5 6 … 1000")]
    [InlineData(5, 1000, "1 2 3 4 5 6 7 … 1000")] // page 2 alone would be a gap: it is shown instead
    [InlineData(6, 1000, "1 … 4 5 6 7 8 … 1000")]
    [InlineData(500, 1000, "1 … 498 499 500 501 502 … 1000")]
    [InlineData(996, 1000, "1 … 994 995 996 997 998 999 1000")]
    [InlineData(1000, 1000, "1 … 998 999 1000")]
    [InlineData(4, 7, "1 2 3 4 5 6 7")]
    public void A_page_links_to_the_ends_and_its_neighbours(int current, int count, string expected) =>
        Assert.Equal(expected, string.Join(" ", PageNumbers.Window(current, count).Select(n => n?.ToString() ?? "…")));

    [Fact]
    public void The_number_of_links_does_not_grow_with_the_list()
    {
        foreach (var count in new[] { 10, 100, 10_000 })
        {
            Assert.All(Enumerable.Range(1, count), n => Assert.InRange(PageNumbers.Window(n, count).Count, 1, 9));
        }
    }
}
