package ai.holysheep.chat.config;

/**
 * One gateway the config knows and the key it is sent, named by its source, never shown.
 *
 * @param profile   the profile that chooses this gateway, or null for the one used without a profile
 * @param keySource as the user wrote it ({@code HOLYSHEEP_API_KEY}, {@code profiles.NAME.api_key_cmd}, …);
 *                  null when this gateway is sent no key
 */
public record KeyRoute(String profile, String baseUrl, String keySource) {
}
