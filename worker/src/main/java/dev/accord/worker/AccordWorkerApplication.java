package dev.accord.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Accord worker: runs the sync workflows and their activities for one contract. Without
 * {@code TEMPORAL_ADDRESS} it starts an in-process Temporal server on 127.0.0.1:7233 and keeps its store
 * in ./.accord (the zero-setup default).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // the API takes bearer tokens (ApiSecurity), no users
@EnableConfigurationProperties({AccordProperties.class, LimitsProperties.class})
public class AccordWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccordWorkerApplication.class, args);
    }
}
