package dev.accord.worker.api;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may do what over HTTP. Reading needs a token (viewer); anything that changes state needs an
 * operator, except review decisions, which need a steward (of the record's domain, checked by the
 * endpoint); the Temporal payload codec needs a steward, since it reveals record values. Health and
 * metrics are open so probes and Prometheus can reach them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurity {

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiProperties properties, Environment environment) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new TokenAuthentication(properties, environment::getProperty), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/codec/**").hasRole(ApiCaller.STEWARD)
                        .requestMatchers(HttpMethod.POST, "/api/reviews/**").hasRole(ApiCaller.STEWARD)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(ApiCaller.VIEWER)
                        .requestMatchers("/api/**").hasRole(ApiCaller.OPERATOR)
                        .anyRequest().denyAll())
                .build();
    }
}
