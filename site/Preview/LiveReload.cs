namespace ReportArchive.Preview;

/// <summary>The script the preview injects into every page: it listens for rebuilds over server-sent events, reloads the page
/// after a good one, and lays the problems of a failed one over the last good page until they are fixed.</summary>
public static class LiveReload
{
    public const string Script = """
        (function () {
          var events = new EventSource(document.currentScript.getAttribute("data-events"));
          events.addEventListener("open", function () { document.documentElement.setAttribute("data-preview", "connected"); });
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("problems", function (e) {
            var old = document.getElementById("preview-problems");
            if (old) old.remove();
            var box = document.createElement("div");
            box.id = "preview-problems";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1rem;" +
              "background:#3a0d0d;color:#fff;font:14px/1.5 ui-monospace,monospace;z-index:2147483647;white-space:pre-wrap";
            var title = document.createElement("strong");
            title.textContent = "The content has errors; this is the last good build.";
            box.appendChild(title);
            JSON.parse(e.data).forEach(function (line) {
              var item = document.createElement("div");
              item.textContent = line;
              box.appendChild(item);
            });
            document.body.appendChild(box);
          });
        })();
        """;

    /// <summary>Puts the script before <c>&lt;/body&gt;</c>.</summary>
    public static string Inject(string html, string scriptUrl, string eventsUrl)
    {
        var tag = $"<script src=\"{scriptUrl}\" data-events=\"{eventsUrl}\"></script>\n";
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + tag : html.Insert(at, tag);
    }
}
