package ai.holysheep.chat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which HTTP proxy requests go through, following curl's conventions: {@code https_proxy} /
 * {@code HTTPS_PROXY} for https gateways, {@code http_proxy} / {@code HTTP_PROXY} for http ones,
 * {@code ALL_PROXY} for either, then the config file's {@code proxy}; {@code NO_PROXY} lists hosts
 * that go direct. Loopback always goes direct (a proxy elsewhere cannot reach this machine's
 * loopback) unless the config file says {@code proxy_loopback = true}.
 *
 * @param url      the proxy, {@code http://[user:password@]host:port}; null means direct
 * @param source   where it was set: an environment variable's name, or "config"
 * @param noProxy  lower-case host names and domain suffixes that bypass the proxy; "*" for all
 * @param loopback whether loopback hosts go through the proxy too
 */
public record ProxySettings(URI url, String source, List<String> noProxy, boolean loopback) {
    static final ProxySettings DIRECT = new ProxySettings(null, null, List.of(), false);

    public ProxySettings {
        noProxy = List.copyOf(noProxy);
    }

    static ProxySettings resolve(Map<String, String> env, String fileProxy, boolean fileLoopback, String baseUrl) {
        boolean https = baseUrl.toLowerCase(Locale.ROOT).startsWith("https:");
        List<String> names = https
                ? List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                : List.of("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY");
        String value = null;
        String source = null;
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                value = v.strip();
                source = name;
                break;
            }
        }
        if (value == null && fileProxy != null && !fileProxy.isBlank()) {
            value = fileProxy.strip();
            source = "config";
        }
        if (value == null) {
            return DIRECT;
        }
        String noProxy = env.getOrDefault("no_proxy", env.getOrDefault("NO_PROXY", ""));
        return new ProxySettings(parse(value, source), source, hosts(noProxy), fileLoopback);
    }

    /** {@code host:port} alone means an http proxy, as curl takes it. */
    static URI parse(String value, String source) {
        String withScheme = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new ConfigException("proxy from " + source + " is not a URL: " + masked(withScheme));
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new ConfigException("proxy from " + source + ": only http:// proxies are supported, not "
                    + uri.getScheme() + "://");
        }
        if (uri.getHost() == null) {
            throw new ConfigException("proxy from " + source + " has no host: " + masked(withScheme));
        }
        return uri;
    }

    private static List<String> hosts(String list) {
        List<String> out = new ArrayList<>();
        for (String entry : list.split(",")) {
            String host = entry.strip().toLowerCase(Locale.ROOT);
            if (host.startsWith("*.")) {
                host = host.substring(1);
            }
            while (host.startsWith(".")) {
                host = host.substring(1);
            }
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon) {
                host = host.substring(0, colon); // ports are not told apart, as most tools do
            }
            if (!host.isEmpty()) {
                out.add(host);
            }
        }
        return out;
    }

    public boolean isDirect() {
        return url == null;
    }

    /** Whether a request to {@code host} goes direct rather than through the proxy. */
    public boolean bypasses(String host) {
        if (url == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!loopback && isLoopback(h)) {
            return true;
        }
        for (String entry : noProxy) {
            if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    public String username() {
        String info = url == null ? null : url.getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        return decode(colon < 0 ? info : info.substring(0, colon));
    }

    public String password() {
        String info = url == null ? null : url.getRawUserInfo();
        if (info == null || info.indexOf(':') < 0) {
            return null;
        }
        return decode(info.substring(info.indexOf(':') + 1));
    }

    /** The proxy for display: any password is replaced by {@code ****}. */
    public String display() {
        return url == null ? "direct" : masked(url.toString());
    }

    private static String masked(String url) {
        return url.replaceFirst("://([^:/@]*):[^@/]*@", "://$1:****@");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
