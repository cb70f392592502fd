using System.Text;

namespace ReportArchive.Sources;

/// <summary>The one door through which a command writes into <c>input/</c> (a translation, an imported draft, a new report): the
/// place is proved to be inside the root as the operating system resolves it (every symbolic link on the way followed), so that no
/// name taken from a file (an XLIFF file's <c>original</c>, a slug) and no link planted in the archive can lead a write elsewhere.
/// A file is written beside its place under a new name and renamed over it: a failure leaves the old file whole, and a link
/// standing at the place is replaced, never followed.</summary>
public static class InputWrites
{
    /// <summary>Why <paramref name="path"/> may not be written as a file of <paramref name="root"/>, or null. A relative path is
    /// taken from the working folder, as the command line gives it.</summary>
    public static string? Problem(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        if (name.Length == 0 || name is "." or ".." || Path.GetDirectoryName(full) is not { } folder)
        {
            return $"'{path}' names no file";
        }

        string real, realRoot;
        try
        {
            realRoot = SourceFiles.RealPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            real = SourceFiles.RealPath(folder) + Path.DirectorySeparatorChar;
        }
        catch (IOException e)
        {
            return $"'{path}' cannot be resolved: {e.Message}";
        }

        if (!real.StartsWith(realRoot, StringComparison.Ordinal))
        {
            return $"'{path}' is outside {Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar))}/ (it resolves to {real}{name}): nothing is written there";
        }

        return Directory.Exists(Path.Combine(real, name)) && !IsLink(Path.Combine(real, name)) ? $"'{path}' is a folder" : null;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to a file of <paramref name="root"/>; throws
    /// <see cref="IOException"/> with <see cref="Problem"/>'s reason when the place is not inside it.</summary>
    public static void WriteText(string root, string path, string text)
    {
        if (Problem(root, path) is { } problem)
        {
            throw new OutsideRootException(problem);
        }

        var place = Path.Combine(SourceFiles.RealPath(Path.GetDirectoryName(Path.GetFullPath(path))!), Path.GetFileName(path));
        WholeFile.Write(place, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
    }

    /// <summary>Makes the folder <paramref name="path"/> (and those above it) inside <paramref name="root"/>; throws when it is not
    /// inside, before making anything and again after (a link planted on the way meanwhile).</summary>
    public static void CreateFolder(string root, string path)
    {
        var inside = Path.Combine(path, "x"); // a name in the folder: the folder itself must resolve inside the root
        if (Problem(root, inside) is { } problem)
        {
            throw new OutsideRootException(problem);
        }

        Directory.CreateDirectory(path);
        if (Problem(root, inside) is { } after)
        {
            throw new OutsideRootException(after);
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}

/// <summary>A write refused because its place is not inside the folder it must be in.</summary>
public sealed class OutsideRootException(string message) : IOException(message);
