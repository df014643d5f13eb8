package ai.holysheep.chat.sim;

/** The wording of the error responses the simulated gateway sends when a fault asks for one. */
final class ErrorTexts {
    private ErrorTexts() {
    }

    static String type(int status) {
        return switch (status) {
            case 400, 404, 409, 413, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "insufficient_quota";
            case 403 -> "permission_error";
            case 408, 504 -> "timeout";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    static String message(int status) {
        String what = switch (status) {
            case 401 -> "Invalid API key";
            case 429 -> "Rate limit reached; retry after the time in Retry-After";
            case 500 -> "The server had an error while processing your request";
            case 502 -> "Bad gateway: the upstream model did not answer properly";
            case 503 -> "The service is temporarily unavailable";
            case 504 -> "The upstream model timed out";
            case 529 -> "The model is overloaded";
            default -> "Request failed with status " + status;
        };
        return what + " (simulated gateway, injected fault).";
    }

    /** What a reverse proxy in front of a gateway shows when the gateway behind it fails. */
    static String proxyPage(int status) {
        String title = status + " " + switch (status) {
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Error";
        };
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
            + "</h1></center>\r\n<hr><center>simulated-proxy</center>\r\n</body>\r\n</html>\r\n";
    }
}
