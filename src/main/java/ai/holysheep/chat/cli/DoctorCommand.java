package ai.holysheep.chat.cli;

import ai.holysheep.chat.api.CallFailure;
import ai.holysheep.chat.api.ChatMessage;
import ai.holysheep.chat.api.ChatRequest;
import ai.holysheep.chat.api.Chunk;
import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.GatewayException;
import ai.holysheep.chat.api.StreamCall;
import ai.holysheep.chat.api.StreamListener;
import ai.holysheep.chat.config.ConfigException;
import ai.holysheep.chat.config.KeyCommandTimeout;
import ai.holysheep.chat.config.ConfigLoader;
import ai.holysheep.chat.config.Origin;
import ai.holysheep.chat.config.Settings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code doctor}: checks each thing a working chat needs, in the order they depend on each
 * other, with one line per check and a fix under every failure. Exits 0 only when all pass.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the config, the key, the gateway, streaming latency and the terminal; "
                + "print a fix for each problem.")
public final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    private PrintStream out;
    private int status = ExitCode.OK;

    @Override
    public Integer call() throws InterruptedException {
        Io io = root.io();
        out = io.out();
        Settings settings = config();
        if (settings != null && key(settings)) {
            GatewayClient client = root.gateway(settings);
            if (gateway(client, settings)) {
                firstToken(client, settings);
            } else {
                skipped("first token: not measured, the gateway did not answer");
            }
        } else {
            skipped("gateway and first token: not checked until the above is fixed");
        }
        for (TerminalCheck.Result r : TerminalCheck.run(io)) {
            if (r.ok()) {
                pass(r.line());
            } else {
                fail(r.line(), r.fix(), ExitCode.UNEXPECTED);
            }
        }
        out.flush();
        return status;
    }

    private Settings config() {
        try {
            Settings s = root.settings();
            pass(s.configFile() == null
                    ? "config: no file at " + new ConfigLoader(root.io().env()).locate(root.connection.config)
                            + ", using built-in defaults"
                    : "config " + s.configFile() + " parses");
            return s;
        } catch (ConfigException e) {
            if (e instanceof KeyCommandTimeout) {
                fail(e.getMessage(), "run the command yourself to see what it waits for", ExitCode.KEY_COMMAND_TIMEOUT);
            } else {
                fail(e.getMessage(), "correct that line, or start afresh with `holysheep-chat config init --force`",
                        ExitCode.USAGE);
            }
            return null;
        }
    }

    private boolean key(Settings s) {
        if (s.apiKey() != null) {
            Origin origin = s.origins().get("api_key");
            pass("API key " + s.apiKey().masked() + " (from " + describe(origin) + ")");
            return true;
        }
        if (ConfigLoader.isHolySheep(s.baseUrl())) {
            fail("no API key found for " + s.baseUrl(),
                    "export HOLYSHEEP_API_KEY=sk-... or set api_key_cmd in the config (`holysheep-chat config init`)",
                    ExitCode.USAGE);
            return false;
        }
        pass("no API key configured for " + s.baseUrl() + " (fine for a local server)");
        return true;
    }

    private static String describe(Origin origin) {
        if (origin == null) {
            return "unknown";
        }
        return switch (origin) {
            case ENV -> "environment, HOLYSHEEP_API_KEY";
            case FILE -> "config file, api_key";
            case PROFILE -> "the profile";
            case KEY_COMMAND -> "api_key_cmd";
            case FLAG, ROLE, DEFAULT -> origin.label();
        };
    }

    private boolean gateway(GatewayClient client, Settings s) {
        long start = System.nanoTime();
        try {
            List<String> models = client.models();
            long ms = (System.nanoTime() - start) / 1_000_000;
            pass("gateway " + s.baseUrl() + " answers /models (" + models.size() + " models, " + ms + " ms)");
            if (!models.isEmpty() && !models.contains(s.model())) {
                // Not a failure: some gateways take names they do not list.
                warn("the default model '" + s.model() + "' is not among the models the gateway lists",
                        "choose one of `holysheep-chat models` with -m or `model` in the config");
            }
            return true;
        } catch (GatewayException e) {
            CallFailure f = e.failure();
            if (isRefusedKey(f)) {
                refusedKey("gateway " + s.baseUrl(), (CallFailure.Http) f);
            } else if (f instanceof CallFailure.Http http && http.status() == 407) {
                fail("the proxy " + s.proxy().display() + " wants credentials (HTTP 407)",
                        "put them in the proxy URL: http://user:password@host:port", ExitCode.AUTH);
            } else if (f instanceof CallFailure.Network) {
                fail("cannot reach " + s.baseUrl() + ": " + e.getMessage()
                                + (s.proxy().isDirect() ? "" : " (via proxy " + s.proxy().display() + ")"),
                        "check the address and the network; behind a proxy set HTTPS_PROXY or `proxy` in the config",
                        ExitCode.UNAVAILABLE);
            } else {
                fail("gateway " + s.baseUrl() + " answered /models with an error: " + e.getMessage(),
                        "check base_url: it must include the version path, e.g. https://api.holysheep.ai/v1",
                        ExitCode.UNAVAILABLE);
            }
            return false;
        }
    }

    private void firstToken(GatewayClient client, Settings s) throws InterruptedException {
        ChatRequest probe = new ChatRequest(s.model(), List.of(ChatMessage.user("Reply with the single word: ok")),
                null, 16);
        CompletableFuture<Long> first = new CompletableFuture<>();
        AtomicReference<CallFailure> failed = new AtomicReference<>();
        long start = System.nanoTime();
        StreamCall call = client.stream(probe, new StreamListener() {
            @Override
            public void onChunk(Chunk chunk) {
                if (chunk.error() != null) {
                    first.completeExceptionally(new IllegalStateException(chunk.error().describe()));
                } else if (chunk.content() != null || chunk.reasoning() != null) {
                    first.complete((System.nanoTime() - start) / 1_000_000);
                }
            }

            @Override
            public void onEnd(boolean sawDone) {
                first.completeExceptionally(new IllegalStateException("the stream ended without any text"));
            }

            @Override
            public void onFailure(CallFailure failure) {
                failed.set(failure);
                first.completeExceptionally(new IllegalStateException(failure.describe()));
            }
        });
        Duration limit = s.retry().connectTimeout().plus(s.retry().idleTimeout());
        try {
            long ms = first.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            pass("first streamed token from " + s.model() + " after " + ms + " ms");
        } catch (ExecutionException e) {
            // A gateway may list its models to anyone and check the key only when asked to chat.
            if (isRefusedKey(failed.get())) {
                refusedKey(s.model() + " on " + s.baseUrl(), (CallFailure.Http) failed.get());
                return;
            }
            fail("streaming from " + s.model() + " failed: " + e.getCause().getMessage(),
                    "try another model with -m (see `holysheep-chat models`), or set `model` in the config",
                    ExitCode.UNAVAILABLE);
        } catch (TimeoutException e) {
            fail("no streamed token from " + s.model() + " within " + limit.toSeconds() + " s",
                    "the gateway may be overloaded; try again, or raise retry.idle_timeout in the config",
                    ExitCode.UNAVAILABLE);
        } finally {
            call.cancel();
        }
    }

    private static boolean isRefusedKey(CallFailure f) {
        return f instanceof CallFailure.Http http && (http.status() == 401 || http.status() == 403);
    }

    private void refusedKey(String what, CallFailure.Http http) {
        fail(what + " refused the key (HTTP " + http.status() + ")",
                "check the key: `holysheep-chat config show` shows which one is used and where it comes from",
                ExitCode.AUTH);
    }

    private void pass(String line) {
        out.println("✓ " + line);
    }

    private void fail(String line, String fix, int exitCode) {
        out.println("✗ " + line);
        out.println("    fix: " + fix);
        if (status == ExitCode.OK) {
            status = exitCode;
        }
    }

    private void warn(String line, String fix) {
        out.println("! " + line);
        out.println("    fix: " + fix);
    }

    private void skipped(String line) {
        out.println("- " + line);
    }
}
