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

    @Test
    void htmlIsToldByItsTypeOrItsFirstCharacter() {
        assertEquals("Bad Gateway", ErrorBodies.parse(502, "text/HTML; charset=utf-8", "  <b>Bad</b> Gateway ").message());
        assertEquals("Oops", ErrorBodies.parse(502, null, "<html><title>Oops</title></html>").message());
        assertEquals("a <b>b</b>", ErrorBodies.parse(500, null, "a <b>b</b>").message());
        assertEquals("a <b>b</b>", ErrorBodies.parse(500, "text/plain", "a <b>b</b>").message());
    }

    @Test
    void aFastApiDetailIsTheMessage() {
        assertEquals(new ApiError(401, "Not authenticated", null, null),
                ErrorBodies.parse(401, "application/json", "{\"detail\":\"Not authenticated\"}"));
        assertEquals("[{\"msg\":\"field required\"}]",
                ErrorBodies.parse(422, "application/json", "{\"detail\":[{\"msg\":\"field required\"}]}").message());
        assertEquals("{\"other\":1}", ErrorBodies.parse(500, "application/json", "{\"other\":1}").message());
    }

    @Test
    void anErrorMemberWithoutAMessageFallsBackToItsTypeCodeOrTheStatus() {
        assertEquals(new ApiError(429, "rate_limited", "rate_limited", "42"), ErrorBodies.parse(429, null,
                "{\"error\":{\"message\":{\"nested\":1},\"type\":\"rate_limited\",\"code\":42}}"));
        assertEquals(new ApiError(429, "42", null, "42"), ErrorBodies.parse(429, null, "{\"error\":{\"code\":42}}"));
        assertEquals(new ApiError(429, ErrorBodies.reason(429), null, null),
                ErrorBodies.parse(429, null, "{\"error\":{\"type\":null}}"));
        assertEquals(new ApiError(503, ErrorBodies.reason(503), null, null), ErrorBodies.parse(503, null, "{\"error\":null}"));
        assertEquals(new ApiError(503, "down now", null, null),
                ErrorBodies.parse(503, null, "{\"error\":\"down \\n now\"}"));
        assertEquals(new ApiError(200, ErrorBodies.reason(200), null, null), ErrorBodies.fromErrorNode(200, null));
    }

    @Test
    void aMessageIsCutAtThreeHundredCharacters() {
        String exact = "m".repeat(300);
        assertEquals(exact, ErrorBodies.parse(500, "text/plain", exact).message());
        assertEquals(exact + "…", ErrorBodies.parse(500, "text/plain", exact + "m").message());
    }
}
