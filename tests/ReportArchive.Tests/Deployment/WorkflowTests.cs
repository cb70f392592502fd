using ReportArchive.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ReportArchive.Tests.Deployment;

/// <summary>The GitHub Actions workflows parse, use the official actions pinned to a major version, give each job only the
/// permissions it needs, deploy only after the tests pass, and never deploy from a pull request.</summary>
public class WorkflowTests
{
    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Paths.Repository, ".github", "workflows", name))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static IEnumerable<string> Uses(YamlNode workflow) =>
        ((YamlMappingNode)At(workflow, "jobs")).Children.Values
            .Where(job => Has(job, "steps"))
            .SelectMany(job => ((YamlSequenceNode)At(job, "steps")).Children)
            .Where(step => Has(step, "uses"))
            .Select(step => ((YamlScalarNode)At(step, "uses")).Value!);

    [Fact]
    public void Pages_deploys_on_every_push_to_main_and_on_demand_one_deployment_at_a_time()
    {
        var workflow = Load("pages.yml");
        Assert.Equal(["main"], ((YamlSequenceNode)At(workflow, "on", "push", "branches")).Children.Select(c => c.ToString()));
        Assert.True(Has(At(workflow, "on"), "workflow_dispatch"));
        Assert.Equal("pages", At(workflow, "concurrency", "group").ToString());
        Assert.Equal("false", At(workflow, "concurrency", "cancel-in-progress").ToString());
    }

    [Fact]
    public void Pages_uses_the_official_actions_pinned_to_a_major_version()
    {
        var uses = Uses(Load("pages.yml")).ToList();
        foreach (var action in new[] { "actions/checkout", "actions/setup-dotnet", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages" })
        {
            Assert.Contains(uses, u => u.StartsWith(action + "@", StringComparison.Ordinal));
        }

        Assert.All(uses.Concat(Uses(Load("check.yml"))), u => Assert.Matches(@"^actions/[a-z-]+@v\d+$", u));
    }

    [Fact]
    public void Only_the_deploy_job_may_write_pages_and_a_content_push_skips_the_tests_but_not_the_validation()
    {
        var workflow = Load("pages.yml");
        Assert.Equal("read", At(workflow, "permissions", "contents").ToString());
        Assert.False(Has(At(workflow, "permissions"), "pages"));
        var deploy = At(workflow, "jobs", "deploy");
        Assert.Equal("write", At(deploy, "permissions", "pages").ToString());
        Assert.Equal("write", At(deploy, "permissions", "id-token").ToString());
        Assert.Equal("build", At(deploy, "needs").ToString());
        Assert.Contains("needs.build.result == 'success'", At(deploy, "if").ToString());

        // The test suite runs only when the push changed the program; the build runs after it passed or was skipped.
        Assert.Contains("bash .ci/changes", At(workflow, "jobs", "changes", "steps").ToString());
        var test = At(workflow, "jobs", "test");
        Assert.Equal("needs.changes.outputs.program == 'true'", At(test, "if").ToString());
        Assert.Contains("dotnet test", At(test, "steps").ToString());
        Assert.Contains("playwright.ps1 install --with-deps chromium", At(test, "steps").ToString());
        var build = At(workflow, "jobs", "build");
        Assert.Equal(["changes", "test"], ((YamlSequenceNode)At(build, "needs")).Children.Select(c => c.ToString()));
        Assert.Contains("needs.test.result == 'skipped'", At(build, "if").ToString());
        Assert.Contains("needs.test.result == 'success'", At(build, "if").ToString());
        var steps = At(build, "steps").ToString();
        Assert.Contains("bash .ci/validate-content --base-url", steps);
        Assert.Contains(".cache", steps);
        Assert.DoesNotContain("dotnet test", steps);
    }

    [Fact]
    public void Pull_requests_are_validated_tested_when_the_program_changed_and_never_deployed()
    {
        var workflow = Load("check.yml");
        Assert.True(Has(At(workflow, "on"), "pull_request"));
        Assert.Equal("read", At(workflow, "permissions", "contents").ToString());
        Assert.Contains("bash .ci/validate-content", At(workflow, "jobs", "validate", "steps").ToString());
        Assert.Contains("github.event.pull_request.base.sha", At(workflow, "jobs", "changes", "steps").ToString());
        Assert.Equal("needs.changes.outputs.program == 'true'", At(workflow, "jobs", "test", "if").ToString());
        Assert.Contains("dotnet test", At(workflow, "jobs", "test", "steps").ToString());
        Assert.DoesNotContain(Uses(workflow), u => u.Contains("deploy-pages") || u.Contains("upload-pages-artifact"));
    }

    /// <summary>The script the workflows ask, run on real commits of a scratch repository.</summary>
    [Fact]
    public void A_push_is_content_only_when_every_changed_file_is_under_input()
    {
        using var repo = new TempDirectory();
        string Git(string arguments) => Processes.Run("git", arguments, repo.Path).Output.Trim();
        Git("init -q -b main");
        Git("config user.email test@example.org");
        Git("config user.name Test");
        string Commit(string file, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(repo[file])!);
            File.WriteAllText(repo[file], text);
            Git("add -A");
            Git("commit -q -m change");
            return Git("rev-parse HEAD");
        }

        string Changes(string from, string to) => Processes.Run("bash", $"{Path.Combine(Paths.Repository, ".ci", "changes")} {from} {to}", repo.Path).Output.Split('\n')[0].Trim();

        var first = Commit("site/Program.cs", "a");
        var content = Commit("input/reports/2024/a/index.zh.md", "b");
        var more = Commit("input/reports/2024/a/photos/x.jpg", "c");
        var program = Commit("theme/layouts/base.liquid", "d");

        Assert.Equal("program=false", Changes(first, more));
        Assert.Equal("program=false", Changes(content, more));
        Assert.Equal("program=true", Changes(more, program));
        Assert.Equal("program=true", Changes(first, program));
        Assert.Equal("program=true", Changes(new string('0', 40), more)); // a new branch: no earlier commit to compare with
        Assert.Equal("program=true", Changes("''", more)); // a run on demand
        Assert.Equal("program=true", Changes(new string('a', 40), more)); // a commit the clone does not have
    }
}
