package ai.holysheep.chat.api;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;

/** Builds server-sent event bodies the way OpenAI-compatible servers write them. */
public final class Sse {
    private final List<String> lines = new ArrayList<>();
    private String newline = "\n";

    public static Sse stream() {
        return new Sse();
    }

    public Sse crlf() {
        newline = "\r\n";
        return this;
    }

    public Sse data(String json) {
        lines.add("data: " + json);
        lines.add("");
        return this;
    }

    public Sse comment(String text) {
        lines.add(": " + text);
        lines.add("");
        return this;
    }

    public Sse role() {
        return data("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
    }

    public Sse content(String text) {
        return data("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(text) + "},\"finish_reason\":null}]}");
    }

    public Sse reasoning(String field, String text) {
        return data("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"" + field + "\":" + quote(text) + "},\"finish_reason\":null}]}");
    }

    public Sse finish(String reason) {
        return data("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}");
    }

    public Sse usage(int prompt, int completion) {
        return data("{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":"
                + completion + ",\"total_tokens\":" + (prompt + completion) + "}}");
    }

    public Sse done() {
        return data("[DONE]");
    }

    public String body() {
        return String.join(newline, lines) + newline;
    }

    public MockResponse response() {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body()).build();
    }

    public static String quote(String s) {
        return Json.MAPPER.valueToTree(s).toString();
    }
}
