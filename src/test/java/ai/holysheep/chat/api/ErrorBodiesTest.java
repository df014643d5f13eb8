package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    @Test
    void openAiShapeWithStringOrNumericCode() {
        ApiError e = ErrorBodies.parse(404, "application/json",
                "{\"error\":{\"message\":\"The model `gpt-9` does not exist\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}");
        assertEquals("The model `gpt-9` does not exist", e.message());
        assertEquals("invalid_request_error", e.type());
        assertEquals("model_not_found", e.code());
        assertEquals("429", ErrorBodies.parse(429, "application/json",
                "{\"error\":{\"message\":\"slow down\",\"code\":429}}").code());
    }

    @Test
    void vllmFlatShape() {
        ApiError e = ErrorBodies.parse(400, "application/json",
                "{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"code\":400}");
        assertEquals("max_tokens is too large", e.message());
    }

    @Test
    void geminiArray() {
        ApiError e = ErrorBodies.parse(400, "application/json",
                "[{\"error\":{\"code\":400,\"message\":\"API key not valid\",\"status\":\"INVALID_ARGUMENT\"}}]");
        assertEquals("API key not valid", e.message());
    }

    @Test
    void anthropicShape() {
        ApiError e = ErrorBodies.parse(529, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertEquals("Overloaded", e.message());
        assertEquals("overloaded_error", e.type());
    }

    @Test
    void proxyHtmlPageShowsItsTitleNotTheMarkup() {
        ApiError e = ErrorBodies.parse(502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
        assertEquals("502 Bad Gateway", e.message());
        assertFalse(e.describe().contains("<"));
    }

    @Test
    void plainTextAndEmptyBodies() {
        assertEquals("upstream connect error", ErrorBodies.parse(503, "text/plain", "upstream connect error\n").message());
        assertEquals("Service Unavailable", ErrorBodies.parse(503, null, "").message());
        assertEquals("HTTP 503: Service Unavailable", ErrorBodies.parse(503, null, "").describe());
    }
}
