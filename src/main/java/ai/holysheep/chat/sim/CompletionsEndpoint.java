package ai.holysheep.chat.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code POST /v1/chat/completions}: records the request, commits its fault, answers. */
final class CompletionsEndpoint {
    private final SimOptions options;
    private final CountDownLatch closing;
    private final AtomicLong counter = new AtomicLong();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

    CompletionsEndpoint(SimOptions options, CountDownLatch closing) {
        this.options = options;
        this.closing = closing;
    }

    long requestCount() {
        return counter.get();
    }

    List<ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        long number = counter.incrementAndGet();
        Optional<Fault> fault = options.faults().faultFor(number, options.seed());
        received.add(new ReceivedRequest(number, lowerCased(exchange), new String(body, StandardCharsets.UTF_8), fault));

        if (fault.isPresent() && fault.get() instanceof Fault.ErrorStatus status) {
            status.retryAfterSeconds().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", Integer.toString(s)));
            SimGateway.Responses.jsonError(exchange, status.status(), ErrorTexts.message(status.status()), ErrorTexts.type(status.status()));
            return;
        }
        if (fault.isPresent() && fault.get() instanceof Fault.HtmlPage page) {
            SimGateway.Responses.send(exchange, page.status(), "text/html; charset=utf-8",
                SimGateway.Responses.utf8(ErrorTexts.proxyPage(page.status())));
            return;
        }
        IncomingRequest request;
        try {
            request = IncomingRequest.from(parse(body));
        } catch (IncomingRequest.Invalid e) {
            SimGateway.Responses.jsonError(exchange, 400, e.getMessage(), "invalid_request_error");
            return;
        }
        AnswerPlan completion = AnswerPlan.plan(request, options, number);
        if (request.stream()) {
            stream(exchange, request, completion, fault.orElse(null));
        } else {
            byte[] json = WireFormat.completion(completion);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            BodyWriter.of(exchange.getResponseBody(), closing, fault.orElse(null), json.length).write(json);
        }
    }

    private void stream(HttpExchange exchange, IncomingRequest request, AnswerPlan completion, Fault fault) throws IOException {
        WireFormat.Interruption interruption = null;
        long interruptAfter = -1;
        if (fault instanceof Fault.MalformedChunk malformed) {
            interruption = WireFormat.Interruption.MALFORMED_CHUNK;
            interruptAfter = malformed.after().resolve(completion.content().size());
        } else if (fault instanceof Fault.ErrorEvent error) {
            interruption = WireFormat.Interruption.ERROR_EVENT;
            interruptAfter = error.after().resolve(completion.content().size());
        }
        List<byte[]> events = WireFormat.events(completion, request.includeUsage(), interruption, interruptAfter);
        if (fault instanceof Fault.CrLines) {
            events = WireFormat.crLines(events);
        } else if (fault instanceof Fault.HugeLine huge) {
            events = WireFormat.hugeLine(events, 1 + (int) huge.after().resolve(completion.content().size()), huge.bytes());
        }
        long length = 0;
        for (byte[] event : events) {
            length += event.length;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        BodyWriter writer = BodyWriter.of(out, closing, fault, length);
        long interval = options.tokensPerSecond() > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / options.tokensPerSecond()) : 0;
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            if (interval > 0 && i > 0) {
                writer.pause(start + i * interval - System.nanoTime());
            }
            writer.write(events.get(i));
        }
        out.close();
    }

    private static JsonNode parse(byte[] body) throws IncomingRequest.Invalid {
        try {
            return WireFormat.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IncomingRequest.Invalid("We could not parse the JSON body of your request. (The simulated gateway expects JSON.)");
        } catch (IOException e) {
            throw new IncomingRequest.Invalid("The request body could not be read.");
        }
    }

    private static Map<String, List<String>> lowerCased(HttpExchange exchange) {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return headers;
    }
}
