package ai.holysheep.chat.api;

import ai.holysheep.chat.config.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Routes requests through the configured proxy. OkHttp does not read the proxy environment
 * variables by itself, so without this a user behind a corporate proxy could not connect at all.
 */
public final class ProxyRouting {
    private ProxyRouting() {
    }

    public static OkHttpClient.Builder apply(OkHttpClient.Builder http, ProxySettings settings) {
        if (settings.isDirect()) {
            return http;
        }
        http.proxySelector(new Selector(settings));
        String user = settings.username();
        if (user != null) {
            String password = settings.password();
            http.proxyAuthenticator(new BasicProxyAuth(Credentials.basic(user, password == null ? "" : password)));
        }
        return http;
    }

    private static final class Selector extends ProxySelector {
        private final ProxySettings settings;
        private final Proxy proxy;

        Selector(ProxySettings settings) {
            this.settings = settings;
            URI url = settings.url();
            int port = url.getPort() > 0 ? url.getPort() : 80;
            // Unresolved: the proxy's name is looked up when connecting, and a failure is reported then.
            this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(url.getHost(), port));
        }

        @Override
        public List<Proxy> select(URI uri) {
            return settings.bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // Nothing to remember: there is one proxy, and the failure reaches the caller as an IOException.
        }
    }

    /** Answers a 407 with the proxy's credentials once; a second 407 means they are wrong. */
    private record BasicProxyAuth(String credentials) implements Authenticator {
        @Override
        public Request authenticate(Route route, Response response) {
            if (response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            return response.request().newBuilder().header("Proxy-Authorization", credentials).build();
        }

        @Override
        public String toString() {
            return "BasicProxyAuth";
        }
    }
}
