using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ReportArchive.Benchmarks;

/// <summary>Deterministic photo-like images: a sky-to-ground colour field, fractal texture, hard-edged shapes and sensor noise,
/// so that encoders meet the mix of smooth areas, detail and edges that real photos have.</summary>
public static class SyntheticPhoto
{
    public static Image<Rgb24> Create(int width, int height, int seed)
    {
        var random = new Random(seed);
        var grids = new[] { 6, 24, 96, 384 }.Select(n => Grid(random, n)).ToArray();
        var shapes = Enumerable.Range(0, 40).Select(_ => (
            X: random.Next(width), Y: height / 3 + random.Next(height * 2 / 3), W: 40 + random.Next(width / 6), H: 40 + random.Next(height / 4),
            Color: new Rgb24((byte)random.Next(40, 220), (byte)random.Next(40, 220), (byte)random.Next(40, 220)), Round: random.Next(2) == 0)).ToArray();
        var (skyTop, skyLow) = (new Rgb24(70, 120, 200), new Rgb24(200, 215, 230));
        var ground = new Rgb24((byte)random.Next(60, 140), (byte)random.Next(80, 140), (byte)random.Next(40, 90));
        var horizon = height * (0.3 + (random.NextDouble() * 0.2));

        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            var noise = new Random(seed * 7919);
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var (u, v) = ((double)x / width, (double)y / height);
                    var texture = (0.5 * Sample(grids[0], u, v)) + (0.3 * Sample(grids[1], u, v)) + (0.15 * Sample(grids[2], u, v)) + (0.08 * Sample(grids[3], u, v));
                    Rgb24 c;
                    if (y < horizon)
                    {
                        var t = y / horizon;
                        c = Mix(skyTop, skyLow, t, 0.85 + (0.3 * texture));
                    }
                    else
                    {
                        c = Mix(ground, ground, 0, 0.5 + texture);
                    }

                    foreach (var s in shapes)
                    {
                        var inside = s.Round
                            ? Math.Pow((x - s.X) / (double)s.W, 2) + Math.Pow((y - s.Y) / (double)s.H, 2) < 1
                            : x >= s.X && x < s.X + s.W && y >= s.Y && y < s.Y + s.H;
                        if (inside)
                        {
                            c = Mix(s.Color, s.Color, 0, 0.7 + (0.6 * texture));
                        }
                    }

                    var grain = noise.Next(-6, 7);
                    row[x] = new Rgb24(Clamp(c.R + grain), Clamp(c.G + grain), Clamp(c.B + grain));
                }
            }
        });
        return image;
    }

    private static double[,] Grid(Random random, int n)
    {
        var grid = new double[n + 1, n + 1];
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                grid[i, j] = random.NextDouble();
            }
        }

        return grid;
    }

    private static double Sample(double[,] grid, double u, double v)
    {
        var n = grid.GetLength(0) - 1;
        var (x, y) = (u * n, v * n);
        var (i, j) = ((int)x, (int)y);
        var (fx, fy) = (x - i, y - j);
        var (i1, j1) = (Math.Min(i + 1, n), Math.Min(j + 1, n));
        var top = grid[i, j] + ((grid[i1, j] - grid[i, j]) * fx);
        var bottom = grid[i, j1] + ((grid[i1, j1] - grid[i, j1]) * fx);
        return top + ((bottom - top) * fy);
    }

    private static Rgb24 Mix(Rgb24 a, Rgb24 b, double t, double light) => new(
        Clamp((int)((a.R + ((b.R - a.R) * t)) * light)),
        Clamp((int)((a.G + ((b.G - a.G) * t)) * light)),
        Clamp((int)((a.B + ((b.B - a.B) * t)) * light)));

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
