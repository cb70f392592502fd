using ReportArchive.Sources;

namespace ReportArchive.Tests.Sources;

/// <summary>One look at a path tells what <see cref="FileInfo"/> tells, to the tick, without following a link at the end of it,
/// and a change time that moves whenever a folder's entries change.</summary>
public sealed class FileStatTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("filestat-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_a_folder_a_link_and_nothing_are_told_apart_as_FileInfo_sees_them()
    {
        var file = Path.Combine(_root, "page.html");
        File.WriteAllText(file, "<p>十二个字节</p>");
        var folder = Directory.CreateDirectory(Path.Combine(_root, "zh")).FullName;
        var link = Path.Combine(_root, "link.html");
        File.CreateSymbolicLink(link, file);
        var dangling = Path.Combine(_root, "dangling.html");
        File.CreateSymbolicLink(dangling, Path.Combine(_root, "gone.html"));

        var found = FileStat.Of(file);
        Assert.Equal(FileKind.File, found.Kind);
        Assert.Equal(new FileInfo(file).Length, found.Length);
        Assert.Equal(new FileInfo(file).LastWriteTimeUtc.Ticks, found.Modified);
        Assert.Equal(FileKind.Directory, FileStat.Of(folder).Kind);
        Assert.Equal(FileKind.Link, FileStat.Of(link).Kind);
        Assert.Equal(FileKind.Link, FileStat.Of(dangling).Kind);
        Assert.Equal(FileKind.Missing, FileStat.Of(Path.Combine(_root, "gone.html")).Kind);
        Assert.Equal(FileKind.Missing, FileStat.Of(Path.Combine(file, "below-a-file")).Kind);
    }

    [Fact]
    public void A_time_set_back_is_read_as_set_and_the_change_time_is_not()
    {
        var file = Path.Combine(_root, "page.html");
        File.WriteAllText(file, "x");
        var past = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(file, past);

        var found = FileStat.Of(file);
        Assert.Equal(past.Ticks, found.Modified);
        Assert.Equal(new FileInfo(file).LastWriteTimeUtc.Ticks, found.Modified);
        Assert.True(found.Changed > DateTime.UtcNow.AddMinutes(-5).Ticks, "the change time is the time of the change, not the time set");
    }

    [Fact]
    public void A_folder_s_change_time_moves_when_an_entry_is_added_and_not_when_a_file_in_it_is_rewritten()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "zh")).FullName;
        var file = Path.Combine(folder, "index.html");
        File.WriteAllText(file, "one");
        Thread.Sleep(20);
        var before = FileStat.Of(folder).Changed;

        Thread.Sleep(20);
        File.WriteAllText(file, "two, rewritten in place");
        Assert.Equal(before, FileStat.Of(folder).Changed);

        Thread.Sleep(20);
        File.WriteAllText(Path.Combine(folder, "added.html"), "three");
        Assert.True(FileStat.Of(folder).Changed > before);
    }
}
