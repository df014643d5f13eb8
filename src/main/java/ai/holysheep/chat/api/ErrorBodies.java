package ai.holysheep.chat.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the many shapes of error bodies (OpenAI, vLLM, Gemini, Anthropic, proxies' plain text
 * and HTML pages) to one {@link ApiError} with a short, readable message.
 */
final class ErrorBodies {
    private static final int MAX_MESSAGE = 300;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private ErrorBodies() {
    }

    static ApiError parse(int status, String contentType, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return new ApiError(status, reason(status), null, null);
        }
        char first = text.charAt(0);
        if (first == '{' || first == '[') {
            ApiError fromJson = fromJson(status, text);
            if (fromJson != null) {
                return fromJson;
            }
        }
        boolean html = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) || first == '<';
        if (html) {
            Matcher m = TITLE.matcher(text);
            String title = m.find() ? m.group(1) : TAG.matcher(text).replaceAll(" ");
            String shortText = squeeze(title);
            return new ApiError(status, shortText.isEmpty() ? reason(status) : shortText, null, null);
        }
        return new ApiError(status, squeeze(text), null, null);
    }

    private static ApiError fromJson(int status, String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
        if (root.isArray() && !root.isEmpty()) {
            root = root.get(0);
        }
        if (root.has("error")) {
            return fromErrorNode(status, root.get("error"));
        }
        if (root.has("message")) {
            return new ApiError(status, squeeze(root.get("message").asText()), textOrNull(root.get("type")),
                    textOrNull(root.get("code")));
        }
        if (root.has("detail")) {
            return new ApiError(status, squeeze(root.get("detail").toString().replaceAll("^\"|\"$", "")), null, null);
        }
        return null;
    }

    /** The value of an {@code "error"} member: an object, or sometimes a bare string. */
    static ApiError fromErrorNode(int status, JsonNode error) {
        if (error == null || error.isNull()) {
            return new ApiError(status, reason(status), null, null);
        }
        if (error.isTextual()) {
            return new ApiError(status, squeeze(error.asText()), null, null);
        }
        String message = textOrNull(error.get("message"));
        String type = textOrNull(error.get("type"));
        String code = textOrNull(error.get("code"));
        if (message == null) {
            message = type != null ? type : code != null ? code : reason(status);
        }
        return new ApiError(status, squeeze(message), type, code);
    }

    private static String textOrNull(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : null;
    }

    private static String squeeze(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE) + "…" : one;
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 529 -> "Overloaded";
            default -> "HTTP error";
        };
    }
}
