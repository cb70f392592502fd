using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Content;

/// <summary>A number a text states: its value, as written, whether it names a month (5月), and the other values a translation may
/// give it (95后, those born after 1995, is "born in the late 1990s").</summary>
public readonly record struct StatedNumber(double Value, string Written, bool Month, double[] Also);

/// <summary>The numbers a text states, as values, so that an original and its translation can be compared: in Chinese, digits
/// (full-width ones too) with the units 万 and 亿 and their compounds (6.6亿 is 660,000,000), 百分之 and %; in a language written
/// in words, digits with thousands separators and the scale words (660 million), and numbers and ordinals written as words
/// (three, twenty-one, first) and month names.</summary>
public static partial class TextNumbers
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.Ordinal)
    {
        ["万"] = 1e4, ["十万"] = 1e5, ["百万"] = 1e6, ["千万"] = 1e7, ["亿"] = 1e8, ["十亿"] = 1e9, ["百亿"] = 1e10, ["千亿"] = 1e11, ["万亿"] = 1e12,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12, ["bn"] = 1e9,
    };

    private static readonly string[] Ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Ordinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth"];

    private static readonly string[] Months = ["", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december"];

    /// <summary>The numbers of a Chinese text, in order.</summary>
    public static List<StatedNumber> Chinese(string text)
    {
        var found = new List<StatedNumber>();
        foreach (Match m in ChineseNumber().Matches(Narrow(text)))
        {
            if (!double.TryParse(m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var unit = m.Groups["unit"].Value;
            var generation = m.Groups["after"].Success && unit.Length == 0 && m.Groups["num"].Length == 2
                ? [1900 + value, 2000 + value, 1900 + Math.Floor(value / 10) * 10, 2000 + Math.Floor(value / 10) * 10, Math.Floor(value / 10) * 10]
                : Array.Empty<double>();
            found.Add(new StatedNumber(value * (unit.Length > 0 ? Units[unit] : 1), m.Value, m.Groups["month"].Success && value is >= 1 and <= 12, generation));
        }

        return found;
    }

    /// <summary>The values a text written in words states in digits, with their scale words (660 million).</summary>
    public static (List<double> Values, HashSet<int> Months) Digits(string text)
    {
        var values = new List<double>();
        foreach (Match m in WordNumber().Matches(Narrow(text)))
        {
            if (double.TryParse(m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value * (m.Groups["scale"].Success ? Scales[m.Groups["scale"].Value] : 1));
            }
        }

        return (values, []);
    }

    /// <summary>The values a text written in words states: digits with their scale words, number words, ordinals; and the months it names.</summary>
    public static (List<double> Values, HashSet<int> Months) Words(string text)
    {
        var (values, _) = Digits(text);
        var months = new HashSet<int>();
        foreach (Match m in Word().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            if (Array.IndexOf(Months, word) is var month and > 0 && !(month == 5 && m.Value == "may"))
            {
                months.Add(month);
            }

            if (WordValue(word) is { } number)
            {
                values.Add(number);
            }
        }

        return (values, months);
    }

    /// <summary>Whether <paramref name="value"/> is among <paramref name="values"/> (to a part in a billion).</summary>
    public static bool Among(double value, IEnumerable<double> values) =>
        values.Any(v => Math.Abs(v - value) <= 1e-9 * Math.Max(1, Math.Abs(value)));

    private static double? WordValue(string word)
    {
        if (Array.IndexOf(Ones, word) is var one and >= 0)
        {
            return one;
        }

        if (Array.IndexOf(Ordinals, word) is var ordinal and > 0)
        {
            return ordinal;
        }

        var parts = word.Split('-');
        return parts.Length switch
        {
            1 when Array.IndexOf(Tens, word) is var ten and >= 2 => ten * 10,
            2 when Array.IndexOf(Tens, parts[0]) is var ten and >= 2 && Array.IndexOf(Ones, parts[1]) is var unit and > 0 and < 10 => ten * 10 + unit,
            _ => word == "hundred" ? 100 : word == "dozen" ? 12 : null,
        };
    }

    /// <summary>Full-width digits, point, comma and percent made ASCII.</summary>
    private static string Narrow(string text)
    {
        var narrow = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            narrow.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                '．' => '.',
                '％' => '%',
                _ => c,
            });
        }

        return narrow.ToString();
    }

    [GeneratedRegex(@"(?<num>\d+(?:,\d{3})*(?:\.\d+)?)(?<unit>万亿|千亿|百亿|十亿|千万|百万|十万|万|亿)?(?<month>月)?(?<after>后)?")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?<scale>thousand|million|billion|trillion|bn)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex WordNumber();

    [GeneratedRegex(@"[A-Za-z]+(?:-[A-Za-z]+)?")]
    private static partial Regex Word();
}
