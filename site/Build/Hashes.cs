using System.Security.Cryptography;
using System.Text;

namespace ReportArchive.Build;

/// <summary>Short names made from content: the first characters of a SHA-256 in lower-case hex. Every name the program
/// derives from bytes or text (cache keys, fingerprints, folder names, fallback slugs) is made here.</summary>
public static class Hashes
{
    /// <summary>The first <paramref name="length"/> hex digits of the SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes, int length) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..length];

    /// <summary>The first <paramref name="length"/> hex digits of the SHA-256 of <paramref name="text"/> in UTF-8.</summary>
    public static string Hex(string text, int length) => Hex(Encoding.UTF8.GetBytes(text), length);
}
