package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Sse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistyped commands, help examples, the --verbose log and proxies, as a user at a shell meets them. */
class EcosystemCliTest {
    static final String KEY = "sk-test-NEVER-SHOWN-7f3a9c3f";

    @TempDir
    Path home;

    CliRun user() {
        return new CliRun().env("HOME", home.toString()).env("XDG_CONFIG_HOME", home.resolve("cfg").toString())
                .env("XDG_STATE_HOME", home.resolve("state").toString());
    }

    @Test
    void aMistypedCommandSuggestsTheRealOneInsteadOfBeingAsked() {
        CliRun.Result r = user().run("modles");
        assertEquals(2, r.exitCode());
        assertEquals("holysheep-chat: unknown command 'modles' — did you mean 'models'?"
                + " (to ask it as a prompt: holysheep-chat -- modles)\n", r.stderr());
        assertEquals("", r.stdout());
        assertTrue(user().run("doctr").stderr().contains("did you mean 'doctor'?"));
        assertTrue(user().run("cofnig").stderr().contains("did you mean 'config'?"));
    }

    @Test
    void ordinaryOneWordPromptsAndTheDoubleDashEscapeStillAsk() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Sse.stream().content("Hi.").finish("stop").done().response());
            server.enqueue(Sse.stream().content("Models are…").finish("stop").done().response());
            CliRun asker = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).stdin("");
            assertEquals(0, asker.run("hello").exitCode());
            CliRun.Result escaped = asker.run("--", "modles");
            assertEquals(0, escaped.exitCode(), escaped.stderr());
            assertEquals("Models are…\n", escaped.stdout());
        }
    }

    @Test
    void aMistypedOptionSuggestsTheClosest() {
        CliRun.Result r = user().run("--modle", "x", "hi");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("--model"), r.stderr());
    }

    @Test
    void helpShowsExamplesForEveryWayOfUse() {
        String help = user().run("--help").stdout();
        for (String example : new String[] {"interactive chat", "holysheep-chat \"explain", "git diff | holysheep-chat",
                "-p local", "--format json", "config init", "doctor", "--verbose"}) {
            assertTrue(help.contains(example), example + " in\n" + help);
        }
    }

    /** Read from the sources, so a variable added to the code and not to the help fails here. */
    @Test
    void helpNamesEveryEnvironmentVariableTheProgramReads() throws Exception {
        String help = user().run("--help").stdout();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("\"((?:HOLYSHEEP|XDG)_[A-Z_]+|NO_COLOR|COLUMNS|VISUAL|EDITOR)\"");
        java.util.Set<String> read = new java.util.TreeSet<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = name.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertTrue(read.size() >= 10, "found " + read);
        for (String variable : read) {
            assertTrue(help.contains(variable), variable + " is read but not in --help:\n" + help);
        }
    }

    @Test
    void verboseLogsRequestsToTheStateDirectoryButNeverTheKeyOrTheMessages() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Sse.stream().content("The secret answer").finish("stop").done().response());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString())
                    .env("HOLYSHEEP_API_KEY", KEY).run("--verbose", "my private question");
            assertEquals(0, r.exitCode(), r.stderr());
            Path log = home.resolve("state/holysheep-chat/debug.log");
            assertEquals("holysheep-chat: logging requests to " + log + "\n", r.stderr());
            assertEquals("The secret answer\n", r.stdout());
            String text = Files.readString(log);
            assertTrue(text.contains("#1 → POST " + server.url("/v1/chat/completions")), text);
            assertTrue(text.contains("#1 ← 200 after "), text);
            assertTrue(text.contains("Content-Type: text/event-stream"), text);
            assertTrue(text.contains("#1 body ended after "), text);
            assertTrue(text.contains("done: finish_reason=stop"), text);
            assertFalse(text.contains(KEY) || text.contains("Bearer"), "no key in\n" + text);
            assertFalse(text.contains("private question") || text.contains("secret answer"), "no bodies in\n" + text);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        }
    }

    @Test
    void aKeyTheServerEchoesIsHiddenEverywhereItCouldShow() throws Exception {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + " (starts "
                + KEY.substring(5, 17) + ", ends sk-t***9c3f)\",\"code\":\"" + KEY + "\"}}";
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 5; i++) {
                server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                        .body(echo).build());
            }
            CliRun run = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).env("HOLYSHEEP_API_KEY", KEY);
            CliRun.Result oneShot = run.run("--verbose", "x");
            CliRun.Result json = run.run("--format", "json", "x");
            CliRun.Result doctor = run.run("doctor");
            CliRun.Result models = run.run("models");
            assertEquals(3, oneShot.exitCode(), oneShot.all());
            assertTrue(oneShot.stderr().contains("Incorrect API key provided: [key] (starts [key], ends sk-t***9c3f)"),
                    oneShot.stderr());
            String all = oneShot.all() + json.all() + doctor.all() + models.all()
                    + Files.readString(home.resolve("state/holysheep-chat/debug.log"));
            assertTrue(json.stdout().contains("[key]")
                    && models.stderr().contains("[key]"), all);
            for (int i = 0; i + 8 <= KEY.length(); i++) {
                assertFalse(all.contains(KEY.substring(i, i + 8)), "part of the key in\n" + all);
            }
        }
    }

    @Test
    void logBodiesAddsTheBodiesStillWithoutTheKey() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Sse.stream().content("한국어 답").finish("stop").done().response());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString())
                    .env("HOLYSHEEP_API_KEY", KEY).run("--verbose", "--log-bodies", "안녕하세요");
            assertEquals(0, r.exitCode(), r.stderr());
            String text = Files.readString(home.resolve("state/holysheep-chat/debug.log"));
            assertTrue(text.contains("request body: {\"model\""), text);
            assertTrue(text.contains("안녕하세요"), text);
            assertTrue(text.contains("body: data: {") && text.contains("한국어 답"), text);
            assertFalse(text.contains(KEY), text);
        }
    }

    @Test
    void logBodiesCopiesAnEchoedKeyRefusalWithTheKeyHidden() throws Exception {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}";
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                    .body(echo).build());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString())
                    .env("HOLYSHEEP_API_KEY", KEY).run("--verbose", "--log-bodies", "x");
            assertEquals(3, r.exitCode(), r.all());
            String text = Files.readString(home.resolve("state/holysheep-chat/debug.log"));
            assertTrue(text.contains("body: {\"error\":{\"message\":\"Incorrect API key provided: [key]"), text);
            for (int i = 0; i + 8 <= KEY.length(); i++) {
                assertFalse(text.contains(KEY.substring(i, i + 8)), "part of the key in\n" + text);
            }
        }
    }

    @Test
    void withoutVerboseNothingIsLogged() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Sse.stream().content("ok").finish("stop").done().response());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).run("hi");
            assertEquals("", r.stderr());
            assertFalse(Files.exists(home.resolve("state")));
        }
    }

    @Test
    void requestsGoThroughTheProxyFromTheEnvironment() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.start();
            proxy.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body("{\"data\":[{\"id\":\"gpt-4.1\"}]}").build());
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", "http://gateway.example.test/v1")
                    .env("HTTP_PROXY", "http://127.0.0.1:" + proxy.getPort()).run("models");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("gpt-4.1\n", r.stdout());
            RecordedRequest seen = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("GET http://gateway.example.test/v1/models HTTP/1.1", seen.getRequestLine());
        }
    }

    @Test
    void anAuthenticatedProxyFromTheConfigGetsItsCredentialsAfter407() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.start();
            proxy.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
            proxy.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body("{\"data\":[{\"id\":\"m1\"}]}").build());
            Path config = home.resolve("cfg/holysheep-chat/config.toml");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "base_url = \"http://gateway.example.test/v1\"\n"
                    + "proxy = \"http://alice:s%40cret@127.0.0.1:" + proxy.getPort() + "\"\n");
            CliRun.Result r = user().run("models");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("m1\n", r.stdout());
            RecordedRequest first = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertEquals(null, first.getHeaders().get("Proxy-Authorization"));
            RecordedRequest second = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("GET http://gateway.example.test/v1/models HTTP/1.1", second.getRequestLine());
            assertEquals(okhttp3.Credentials.basic("alice", "s@cret"), second.getHeaders().get("Proxy-Authorization"));
        }
    }

    @Test
    void noProxyAndLoopbackGoDirect() throws Exception {
        try (MockWebServer gateway = new MockWebServer()) {
            gateway.start();
            gateway.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body("{\"data\":[{\"id\":\"direct\"}]}").build());
            // The proxy address is unroutable on purpose: using it would fail the command.
            CliRun.Result r = user().env("HOLYSHEEP_BASE_URL", gateway.url("/v1").toString())
                    .env("http_proxy", "http://127.0.0.1:9").run("models");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("direct\n", r.stdout());
        }
    }
}
