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
    public void Only_the_deploy_job_may_write_pages_and_it_runs_after_the_tests_and_the_build()
    {
        var workflow = Load("pages.yml");
        Assert.Equal("read", At(workflow, "permissions", "contents").ToString());
        Assert.False(Has(At(workflow, "permissions"), "pages"));
        var deploy = At(workflow, "jobs", "deploy");
        Assert.Equal("write", At(deploy, "permissions", "pages").ToString());
        Assert.Equal("write", At(deploy, "permissions", "id-token").ToString());
        Assert.Equal("build", At(deploy, "needs").ToString());
        Assert.Equal("test", At(workflow, "jobs", "build", "needs").ToString());
        Assert.Contains("dotnet test", At(workflow, "jobs", "test", "steps").ToString());
        Assert.Contains("playwright.ps1 install --with-deps chromium", At(workflow, "jobs", "test", "steps").ToString());
        Assert.Contains("--base-url", At(workflow, "jobs", "build", "steps").ToString());
        Assert.Contains(".cache", At(workflow, "jobs", "build", "steps").ToString());
    }

    [Fact]
    public void Pull_requests_are_checked_and_built_but_never_deployed()
    {
        var workflow = Load("check.yml");
        Assert.True(Has(At(workflow, "on"), "pull_request"));
        Assert.Equal("read", At(workflow, "permissions", "contents").ToString());
        var steps = At(workflow, "jobs", "check", "steps").ToString();
        Assert.Contains("-- check", steps);
        Assert.Contains("dotnet test", steps);
        Assert.DoesNotContain(Uses(workflow), u => u.Contains("deploy-pages") || u.Contains("upload-pages-artifact"));
    }
}
