package ai.holysheep.chat.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Keeps OkHttp from retrying on a server's {@code Retry-After} by itself. Its follow-up step
 * re-sends a 503 that says {@code Retry-After: 0} at once, uncounted and unshown, even when the
 * turn allows no retry, and an all-digit value beyond an int makes it throw a
 * {@code NumberFormatException} on its own thread (a raw stack trace, then a call that never
 * ends). No client setting turns that off, so the header is taken out of the response between
 * the wire and that step, and put back above it: everything else (the retry policy, the debug
 * log) reads it as the server sent it.
 *
 * <p>A 408 is the other status OkHttp re-sends by itself; {@code retryOnConnectionFailure(false)}
 * already stops that (see {@link GatewayClient#httpClient}).
 */
final class OwnRetriesOnly {
    private static final String RETRY_AFTER = "Retry-After";
    /** Where the header waits while OkHttp's follow-up step looks at the response; never sent. */
    private static final String SET_ASIDE = "X-Holysheep-Retry-After";

    private OwnRetriesOnly() {
    }

    static OkHttpClient around(OkHttpClient http) {
        return http.newBuilder()
                .addInterceptor(OwnRetriesOnly::putBack)
                .addNetworkInterceptor(OwnRetriesOnly::setAside)
                .build();
    }

    private static Response setAside(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.header(RETRY_AFTER) == null && response.header(SET_ASIDE) == null) {
            return response; // the usual case: nothing to set aside, no copy of the response
        }
        Response.Builder hidden = response.newBuilder().removeHeader(SET_ASIDE).removeHeader(RETRY_AFTER);
        for (String value : response.headers(RETRY_AFTER)) {
            hidden.addHeader(SET_ASIDE, value);
        }
        return hidden.build();
    }

    private static Response putBack(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.header(SET_ASIDE) == null) {
            return response;
        }
        Response.Builder shown = response.newBuilder().removeHeader(SET_ASIDE);
        for (String value : response.headers(SET_ASIDE)) {
            shown.addHeader(RETRY_AFTER, value);
        }
        return shown.build();
    }
}
