package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.holysheep.chat.config.ProxySettings;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Which requests go through the configured proxy, and how a proxy's 407 is answered. */
class ProxyRoutingTest {
    private static OkHttpClient routed(String proxy, List<String> noProxy) {
        return ProxyRouting.apply(new OkHttpClient.Builder(),
                new ProxySettings(URI.create(proxy), "HTTPS_PROXY", noProxy, false)).build();
    }

    @Test
    void noProxyLeavesTheClientAsItWas() {
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        assertSame(b, ProxyRouting.apply(b, new ProxySettings(null, null, List.of(), false)));
        OkHttpClient http = b.build();
        assertSame(Authenticator.NONE, http.proxyAuthenticator());
        assertEquals(new OkHttpClient().proxySelector().getClass(), http.proxySelector().getClass());
    }

    @Test
    void requestsGoThroughTheProxyExceptToBypassedHosts() {
        OkHttpClient http = routed("http://proxy.corp:3128", List.of("internal.corp"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128))),
                http.proxySelector().select(URI.create("https://api.holysheep.ai/v1")));
        assertEquals(List.of(Proxy.NO_PROXY), http.proxySelector().select(URI.create("https://llm.internal.corp/v1")));
        assertEquals(List.of(Proxy.NO_PROXY), http.proxySelector().select(URI.create("http://127.0.0.1:8080/v1")));
        assertSame(Authenticator.NONE, http.proxyAuthenticator(), "no user, no credentials");
    }

    @Test
    void aProxyWithoutAPortIsOnPort80() {
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 80))),
                routed("http://proxy.corp", List.of()).proxySelector().select(URI.create("https://api.example/v1")));
    }

    @Test
    void aProxy407IsAnsweredOnceWithTheCredentials() throws Exception {
        Authenticator auth = routed("http://alice:s3cret@proxy.corp:3128", List.of()).proxyAuthenticator();
        Request first = new Request.Builder().url("https://api.example/v1/models").build();
        Request again = auth.authenticate(null, challenge(first));
        assertEquals(Credentials.basic("alice", "s3cret"), again.header("Proxy-Authorization"));
        assertEquals(first.url(), again.url());
        assertNull(auth.authenticate(null, challenge(again)), "a second 407: the credentials are wrong");
        assertEquals("BasicProxyAuth", auth.toString(), "the credentials are not shown");
    }

    @Test
    void aUserWithoutAPasswordSendsAnEmptyOne() throws Exception {
        Authenticator auth = routed("http://bob@proxy.corp:3128", List.of()).proxyAuthenticator();
        Request first = new Request.Builder().url("https://api.example/v1/models").build();
        assertEquals(Credentials.basic("bob", ""), auth.authenticate(null, challenge(first)).header("Proxy-Authorization"));
    }

    private static Response challenge(Request request) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(407)
                .message("Proxy Authentication Required").build();
    }
}
