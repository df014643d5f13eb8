package ai.holysheep.chat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    static final String HTTPS = "https://api.holysheep.ai/v1";

    @Test
    void theSchemeOfTheGatewayPicksTheVariableAndLowerCaseWins() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2",
                "HTTP_PROXY", "http://plain:3");
        assertEquals("lower", ProxySettings.resolve(env, null, false, HTTPS).url().getHost());
        assertEquals("https_proxy", ProxySettings.resolve(env, null, false, HTTPS).source());
        assertEquals("plain", ProxySettings.resolve(env, null, false, "http://gw.lan/v1").url().getHost());
    }

    @Test
    void theEnvironmentBeatsTheConfigFileWhichBeatsDirect() {
        assertEquals("env", ProxySettings.resolve(Map.of("ALL_PROXY", "env:8"), "http://file:9", false, HTTPS).url().getHost());
        ProxySettings file = ProxySettings.resolve(Map.of(), "file:9", false, HTTPS);
        assertEquals("http://file:9", file.url().toString());
        assertEquals("config", file.source());
        assertTrue(ProxySettings.resolve(Map.of(), null, false, HTTPS).isDirect());
    }

    @Test
    void noProxyMatchesHostsAndDomainSuffixesAndStarMatchesAll() {
        ProxySettings p = ProxySettings.resolve(
                Map.of("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", "internal.corp, .lan,*.dev.example:8443"),
                null, false, HTTPS);
        assertTrue(p.bypasses("internal.corp"));
        assertTrue(p.bypasses("api.internal.corp"));
        assertTrue(p.bypasses("box.lan"));
        assertTrue(p.bypasses("x.dev.example"));
        assertFalse(p.bypasses("notinternal.corp"));
        assertFalse(p.bypasses("api.holysheep.ai"));
        assertTrue(ProxySettings.resolve(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"), null, false, HTTPS)
                .bypasses("api.holysheep.ai"));
    }

    @Test
    void loopbackGoesDirectUnlessAskedFor() {
        ProxySettings p = ProxySettings.resolve(Map.of("HTTP_PROXY", "http://p:1"), null, false, "http://x/v1");
        assertTrue(p.bypasses("localhost"));
        assertTrue(p.bypasses("127.0.0.1"));
        assertTrue(p.bypasses("[::1]"));
        ProxySettings asked = ProxySettings.resolve(Map.of("HTTP_PROXY", "http://p:1"), null, true, "http://x/v1");
        assertFalse(asked.bypasses("127.0.0.1"));
    }

    @Test
    void credentialsAreDecodedAndNeverDisplayed() {
        ProxySettings p = ProxySettings.resolve(Map.of("HTTPS_PROXY", "http://al%20ice:p%40ss@proxy:3128"), null, false, HTTPS);
        assertEquals("al ice", p.username());
        assertEquals("p@ss", p.password());
        assertEquals("http://al%20ice:****@proxy:3128", p.display());
    }

    @Test
    void unsupportedProxiesAreConfigErrorsThatHideThePassword() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ProxySettings.resolve(Map.of("HTTPS_PROXY", "socks5://u:pw@h:1"), null, false, HTTPS));
        assertEquals("proxy from HTTPS_PROXY: only http:// proxies are supported, not socks5://", e.getMessage());
    }
}
