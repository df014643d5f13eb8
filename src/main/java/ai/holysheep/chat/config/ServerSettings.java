package ai.holysheep.chat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the team relay is and who this member is there: the {@code [server]} table after flags
 * and environment.
 *
 * @param url   the relay's root, without {@code /v1}: {@code http://127.0.0.1:8080}
 * @param token the member token; its {@code toString} is masked
 */
public record ServerSettings(String url, Secret token) {

    /**
     * Takes the URL {@code serve} prints ({@code …/v1}, the one OpenAI clients are given) or the
     * bare root alike, so members can paste either; rooms live beside {@code /v1}, not under it.
     */
    static String root(String given, String where) {
        String url = given.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/v1")) {
            url = url.substring(0, url.length() - 3);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Reported below, the same as a URL of the wrong kind.
        }
        throw new ConfigException(where + " must be an http:// or https:// URL such as http://127.0.0.1:8080/v1, not '"
                + given + "'");
    }
}
