package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.Sse;
import ai.holysheep.chat.config.ResumeMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * okhttp-sse 5.5.1 spins for ever on a stream whose last byte before the close is a lone CR; a turn
 * over such a stream must still end, with the answer the server sent.
 */
class BareCrEndingTest {

    @ParameterizedTest
    @ValueSource(strings = {"data: [DONE]\r", ": ping\r", "data: [DONE]\r\r", "data: [DONE]\n\n\r", "\r"})
    @Timeout(value = 12, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStreamEndingInABareCrEndsTheTurn(String ending) throws Exception {
        String body = Sse.stream().role().content("안녕하세요").finish("stop").body() + ending;
        try (RawServer server = new RawServer(body)) {
            // An idle timeout longer than the test's: the turn must end because the stream was read
            // to its end, not because the watchdog gave up on a spinning reader.
            GatewayClient client = new GatewayClient(TurnRun.http(Duration.ofSeconds(60)), server.url(), null);
            TurnRun.Outcome outcome = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(2, ResumeMode.CONTINUE),
                    Duration.ofMillis(Math.min(10_000, TurnRun.PATIENCE.toMillis())));
            assertInstanceOf(StreamEvent.Done.class, outcome.terminal(), outcome.events().toString());
            assertEquals("안녕하세요", outcome.text());
            assertEquals(0, outcome.all(StreamEvent.Retrying.class).size(), outcome.events().toString());
        }
    }

    /** Answers every request with the same event-stream body written raw, then closes the connection. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RawServer(String body) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            thread = new Thread(() -> serve(bytes), "raw sse server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        private void serve(byte[] body) {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    readHead(connection.getInputStream());
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The socket was closed by the test, or the client went away: serve the next one.
                }
            }
        }

        /** Reads the request head and its body (the length comes from Content-Length). */
        private static void readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
