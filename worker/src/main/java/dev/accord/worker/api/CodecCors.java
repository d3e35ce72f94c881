package dev.accord.worker.api;

import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which browser pages may call the codec server: the Temporal UI's origins ({@code accord.payloads.codec.allowed-origins}),
 * with the headers the UI sends (its content type, {@code X-Namespace}, and {@code Authorization} when it forwards a
 * token) and credentials ({@code TEMPORAL_CODEC_INCLUDE_CREDENTIALS}). No origin configured: no page may. Nothing
 * else of the API is meant for browsers.
 */
final class CodecCors {

    private CodecCors() {}

    static CorsConfigurationSource source(List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            CorsConfiguration codec = new CorsConfiguration();
            codec.setAllowedOrigins(allowedOrigins);
            codec.setAllowedMethods(List.of("POST", "OPTIONS"));
            codec.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-Namespace"));
            codec.setAllowCredentials(true);
            codec.setMaxAge(600L);
            source.registerCorsConfiguration("/codec/**", codec);
        }
        return source;
    }
}
