package ai.holysheep.chat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.Sse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f/--file}, as a user at a shell sees it, against a scripted gateway on loopback. */
class AttachFilesTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    MockWebServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CliRun user() {
        return new CliRun().env("HOLYSHEEP_BASE_URL", server.url("/v1").toString()).env("HOLYSHEEP_API_KEY", "sk-test-1");
    }

    void answers(String text) {
        server.enqueue(Sse.stream().role().content(text).finish("stop").done().response());
    }

    JsonNode lastUserContent() throws Exception {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode messages = Json.MAPPER.readTree(r.getBody().utf8()).path("messages");
        return messages.get(messages.size() - 1).path("content");
    }

    String file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void aTextFileFollowsThePromptFencedUnderItsPath() throws Exception {
        String path = file("Main.java", "class Main {}\n");
        answers("It declares a class.");
        CliRun.Result r = user().run("-f", path, "explain");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("explain\n\n" + path + "\n```\nclass Main {}\n```", lastUserContent().asText());
    }

    @Test
    void stdinAsAFileIsNotAlsoThePrompt() throws Exception {
        answers("ok");
        CliRun.Result r = user().stdin("hi\n").run("-f", "-", "x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("x\n\nstdin\n```\nhi\n```", lastUserContent().asText());
    }

    @Test
    void filesAloneAreAMessage() throws Exception {
        String path = file("notes.txt", "remember the milk\n");
        answers("ok");
        CliRun.Result r = user().run("--file", path);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(path + "\n```\nremember the milk\n```", lastUserContent().asText());
    }

    @Test
    void anImageGoesAsAnImagePartAndIsSavedAsANoteSoContinuingWorks() throws Exception {
        Path png = dir.resolve("shot.png");
        Files.write(png, PNG);
        answers("A tiny picture.");
        CliRun run = user();
        CliRun.Result r = run.run("-f", png.toString(), "what is this?");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode content = lastUserContent();
        String note = "[image: " + png + ", 16 B]";
        assertEquals("what is this?\n\n" + note, content.at("/0/text").asText());
        assertEquals("image_url", content.at("/1/type").asText());
        assertTrue(content.at("/1/image_url/url").asText().startsWith("data:image/png;base64,iVBORw0KGgo"));

        answers("Still tiny.");
        CliRun.Result again = run.run("-c", "and now?");
        assertEquals(0, again.exitCode(), again.stderr());
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode first = Json.MAPPER.readTree(second.getBody().utf8()).at("/messages/0/content");
        assertTrue(first.isTextual(), "a continued conversation sends the note, not the image");
        assertEquals("what is this?\n\n" + note, first.asText());
    }

    @Test
    void anImageForAModelThatTakesNoneIsRefusedBeforeAnythingIsSent() throws Exception {
        Path png = dir.resolve("shot.png");
        Files.write(png, PNG);
        CliRun.Result r = user().run("-m", "deepseek-v3.2", "-f", png.toString(), "what is this?");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: deepseek-v3.2 is not known to take images: pick a model that does, or add it to image_models in the config\n",
                r.stderr());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aBinaryFileIsRefusedInOneLine() throws Exception {
        Path bin = dir.resolve("prog");
        Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 1});
        CliRun.Result r = user().run("-f", bin.toString(), "x");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: " + bin + " is a binary file; only text and images (png, jpeg, webp, gif) can be attached\n",
                r.stderr());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun.Result r = user().run("-f", dir.resolve("nope.txt").toString(), "x");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("holysheep-chat: no such file: " + dir.resolve("nope.txt") + "\n", r.stderr());
    }

    @Test
    void aDirectoryOverTheConfiguredLimitIsRefusedNamingItsBiggestFiles() throws Exception {
        file("src/a.txt", "a".repeat(700));
        file("src/b.txt", "b".repeat(500));
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "max_attach = 1024\n");
        CliRun.Result r = user().env("HOLYSHEEP_CONFIG", config.toString()).run("-f", dir.resolve("src").toString(), "x");
        assertEquals(ExitCode.USAGE, r.exitCode());
        String src = dir.resolve("src").toString();
        assertEquals("holysheep-chat: the files come to 1.2 KiB, over the 1 KiB limit (max_attach in the config); the biggest: "
                + src + "/a.txt (700 B), " + src + "/b.txt (500 B)\n", r.stderr());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void filesADirectoryPassesOverAreWarnedOf() throws Exception {
        file("src/a.txt", "a");
        Files.write(dir.resolve("src/lib.so"), new byte[] {0, 1, 2});
        answers("ok");
        CliRun.Result r = user().run("-f", dir.resolve("src").toString(), "x");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("left out 1 file under " + dir.resolve("src") + " that is not text: "
                + dir.resolve("src/lib.so")), r.stderr());
    }
}
