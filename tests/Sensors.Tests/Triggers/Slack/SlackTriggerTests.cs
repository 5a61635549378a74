using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Tests.Triggers.Http.Support;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Slack;
using Microsoft.AspNetCore.Http;
using Xunit;
using SlackTriggerSpec = ArgoEvents.Api.V1Alpha1.SlackTrigger;

namespace ArgoEvents.Sensors.Tests.Triggers.Slack;

public sealed class SlackTriggerTests : IDisposable
{
    private readonly SecretsDirectory _secrets = new SecretsDirectory().Write("slack", "token", "xoxb-test-token");

    public void Dispose() => _secrets.Dispose();

    [Fact]
    public async Task PostsTheMessageWithAttachmentsBlocksAndSender_AgainstInTestSlackApi()
    {
        await using var slack = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200, """{"ok":true,"channel":"C0GENERAL1","ts":"1700000000.000100"}"""));
        var spec = BaseSpec() with
        {
            Channel = "#general",
            Message = "deployed",
            Attachments = """[{"color":"good","text":"all green"}]""",
            Blocks = """[{"type":"section","text":{"type":"mrkdwn","text":"*done*"}}]""",
            Sender = new SlackSender { Username = "argo-bot", Icon = ":robot_face:" },
        };

        await FireAsync(new SlackTriggerFactory { SlackApiBaseAddress = new Uri(slack.BaseAddress, "api/") }, spec);

        var request = Assert.Single(slack.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/chat.postMessage", request.PathAndQuery);
        Assert.Equal("Bearer xoxb-test-token", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("general", root.GetProperty("channel").GetString());
        Assert.Equal("deployed", root.GetProperty("text").GetString());
        Assert.Equal("all green", root.GetProperty("attachments")[0].GetProperty("text").GetString());
        Assert.Equal("section", root.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal("argo-bot", root.GetProperty("username").GetString());
        Assert.Equal(":robot_face:", root.GetProperty("icon_emoji").GetString());
        Assert.False(root.TryGetProperty("thread_ts", out _));
    }

    [Fact]
    public async Task NotInChannelJoinsTheChannelFoundByNameAndPostsAgain_AgainstInTestSlackApi()
    {
        var posts = 0;
        await using var slack = await InTestHttpServer.StartAsync(async (context, request) =>
        {
            var answer = request.PathAndQuery switch
            {
                "/chat.postMessage" => Interlocked.Increment(ref posts) == 1
                    ? """{"ok":false,"error":"not_in_channel"}"""
                    : """{"ok":true,"channel":"C0DEPLOYS1","ts":"1.2"}""",
                var p when p.StartsWith("/conversations.list", StringComparison.Ordinal) && !p.Contains("cursor=", StringComparison.Ordinal) =>
                    """{"ok":true,"channels":[{"id":"C0OTHER001","name":"random"}],"response_metadata":{"next_cursor":"page2"}}""",
                var p when p.StartsWith("/conversations.list", StringComparison.Ordinal) =>
                    """{"ok":true,"channels":[{"id":"C0DEPLOYS1","name":"deploys"}],"response_metadata":{"next_cursor":""}}""",
                "/conversations.join" => """{"ok":true,"channel":{"id":"C0DEPLOYS1"}}""",
                _ => """{"ok":false,"error":"unknown_method"}""",
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });

        await FireAsync(new SlackTriggerFactory { SlackApiBaseAddress = slack.BaseAddress }, BaseSpec() with { Channel = "deploys", Message = "hi" });

        var requests = slack.Requests;
        Assert.Equal(
            ["POST /chat.postMessage", "GET /conversations.list", "GET /conversations.list", "POST /conversations.join", "POST /chat.postMessage"],
            requests.Select(r => r.Method + " " + r.PathAndQuery.Split('?')[0]).ToArray());
        Assert.Contains("cursor=page2", requests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("""{"channel":"C0DEPLOYS1"}""", requests[3].BodyText);
        Assert.All(requests, r => Assert.Equal("Bearer xoxb-test-token", r.Header("Authorization")));
    }

    [Fact]
    public async Task AnOkFalseAnswerFailsWithSlacksErrorCode_AgainstInTestSlackApi()
    {
        await using var slack = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200, """{"ok":false,"error":"channel_not_found"}"""));
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(
            () => FireAsync(new SlackTriggerFactory { SlackApiBaseAddress = slack.BaseAddress }, BaseSpec() with { Channel = "nowhere", Message = "x" }));
        Assert.Contains("channel_not_found", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Single(slack.Requests);
    }

    [Fact]
    public async Task MessagesWithTheSameAggregationKeyReplyInTheFirstMessagesThread_AgainstInTestSlackApi()
    {
        var next = 0;
        await using var slack = await InTestHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"ok":true,"channel":"C0BUILDS01","ts":"100.{{Interlocked.Increment(ref next)}}"}""");
        });
        var factory = new SlackTriggerFactory { SlackApiBaseAddress = slack.BaseAddress };
        var threaded = BaseSpec() with
        {
            Channel = "builds",
            Message = "step",
            Thread = new SlackThread { MessageAggregationKey = "build-7", BroadcastMessageToChannel = true },
        };

        await FireAsync(factory, threaded);
        await FireAsync(factory, threaded);
        await FireAsync(factory, threaded with { Thread = new SlackThread { MessageAggregationKey = "build-8" } });
        await FireAsync(factory, threaded with { Thread = new SlackThread { MessageAggregationKey = "build-8" } });

        var bodies = slack.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToArray();
        Assert.False(bodies[0].TryGetProperty("thread_ts", out _));
        Assert.Equal("100.1", bodies[1].GetProperty("thread_ts").GetString());
        Assert.True(bodies[1].GetProperty("reply_broadcast").GetBoolean());
        Assert.False(bodies[2].TryGetProperty("thread_ts", out _));
        Assert.Equal("100.3", bodies[3].GetProperty("thread_ts").GetString());
        Assert.False(bodies[3].TryGetProperty("reply_broadcast", out _));
    }

    [Fact]
    public async Task RateLimitingIsWaitedOutWithinTheBoundAndFailsBeyondIt_AgainstInTestSlackApi()
    {
        var calls = 0;
        await using var slack = await InTestHttpServer.StartAsync(async (context, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ok":true,"ts":"1.1"}""");
        });
        await FireAsync(new SlackTriggerFactory { SlackApiBaseAddress = slack.BaseAddress }, BaseSpec() with { Channel = "c", Message = "m" });
        Assert.Equal(2, slack.Requests.Count);

        await using var limited = await InTestHttpServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(
            () => FireAsync(new SlackTriggerFactory { SlackApiBaseAddress = limited.BaseAddress }, BaseSpec() with { Channel = "c", Message = "m" }));
        Assert.Contains("ratelimited", error.Message, StringComparison.Ordinal);
        Assert.Contains("120s", error.Message, StringComparison.Ordinal);
        Assert.Single(limited.Requests);
    }

    [Fact]
    public async Task TypeLevelParametersWriteTheMessageFromTheEvent_AgainstInTestSlackApi()
    {
        await using var slack = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200, """{"ok":true,"ts":"1.1"}"""));
        var spec = BaseSpec() with
        {
            Channel = "general",
            Message = "placeholder",
            Parameters = [new TriggerParameter { Src = new TriggerParameterSource { DependencyName = "dep", DataKey = "text" }, Dest = "message" }],
        };

        await FireAsync(new SlackTriggerFactory { SlackApiBaseAddress = slack.BaseAddress }, spec, """{"text":"from the event"}""");

        using var body = JsonDocument.Parse(Assert.Single(slack.Requests).Body);
        Assert.Equal("from the event", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void AMissingTokenOrBlocksThatAreNotAJsonArrayAreRefusedAtCreate()
    {
        var factory = new SlackTriggerFactory();
        var noToken = Assert.Throws<TriggerConfigurationException>(() => factory.Create(
            Wrap(BaseSpec() with { SlackToken = new SecretKeySelector { Name = "missing", Key = "token" }, Channel = "c", Message = "m" }),
            "spec.triggers[1]",
            _secrets.Services()));
        Assert.Contains("spec.triggers[1].template.slack.slackToken", noToken.Message, StringComparison.Ordinal);

        var badBlocks = Assert.Throws<TriggerConfigurationException>(() => factory.Create(
            Wrap(BaseSpec() with { Channel = "c", Blocks = """{"type":"section"}""" }),
            "spec.triggers[1]",
            _secrets.Services()));
        Assert.Contains("spec.triggers[1].template.slack.blocks must be a JSON array", badBlocks.Message, StringComparison.Ordinal);

        var nothing = Assert.Throws<TriggerConfigurationException>(() => factory.Create(Wrap(BaseSpec() with { Channel = "c" }), "spec.triggers[1]", _secrets.Services()));
        Assert.Contains("message, attachments or blocks", nothing.Message, StringComparison.Ordinal);
    }

    private static SlackTriggerSpec BaseSpec() => new() { SlackToken = new SecretKeySelector { Name = "slack", Key = "token" } };

    private static Trigger Wrap(SlackTriggerSpec spec) => new() { Template = new TriggerTemplate { Name = "slack-trigger", Slack = spec } };

    private async Task FireAsync(SlackTriggerFactory factory, SlackTriggerSpec spec, string eventJson = "{}")
    {
        var trigger = Wrap(spec);
        await using var created = factory.Create(trigger, "spec.triggers[0]", _secrets.Services());
        await created.ExecuteAsync(new TriggerInvocation(trigger.Template!, TestEvents.One("dep", eventJson)), TestContext.Current.CancellationToken);
    }
}
