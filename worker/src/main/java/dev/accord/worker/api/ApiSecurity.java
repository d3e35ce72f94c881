package dev.accord.worker.api;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import dev.accord.worker.PayloadProperties;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may do what over HTTP. Reading needs a token (viewer); anything that changes state needs an
 * operator, except review decisions, which need a steward (of the record's domain, checked by the
 * endpoint); the Temporal payload codec needs a steward to reveal PII values (or, with
 * {@code accord.payloads.codec.open-without-pii}, answers anyone with PII still sealed), and answers the CORS
 * preflight of the configured Temporal UI origins without a token, as browsers send none. Health and
 * metrics are open so probes and Prometheus can reach them. Every refusal is a 401 (no valid token) or a 403
 * (not allowed), whatever the method or path, including a request the firewall rejects (an encoded slash, a
 * {@code ..} segment): such a request is refused, not malformed, and {@link AuditTrail} records it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurity {

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiProperties properties, PayloadProperties payloads, Environment environment)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> codecAccess = payloads.codec().openWithoutPii()
                ? (authentication, request) -> new AuthorizationDecision(true)
                : AuthorityAuthorizationManager.hasRole(ApiCaller.STEWARD);
        return http
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(CodecCors.source(payloads.codec().allowedOrigins())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new TokenAuthentication(properties, environment::getProperty), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/codec/**").permitAll()
                        .requestMatchers("/codec/**").access(codecAccess)
                        .requestMatchers(HttpMethod.POST, "/api/reviews/**").hasRole(ApiCaller.STEWARD)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(ApiCaller.VIEWER)
                        .requestMatchers("/api/**").hasRole(ApiCaller.OPERATOR)
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * Any method reaches authentication and the rules above: an unknown one (PROPFIND) is refused like any other
     * request the caller's token does not allow (it needs an operator on {@code /api/**}, and nothing is allowed
     * elsewhere), so the audit knows who sent it. The firewall's other checks stay.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.FORBIDDEN.value());
    }
}
