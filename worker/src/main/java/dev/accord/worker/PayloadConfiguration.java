package dev.accord.worker;

import dev.accord.core.contract.Contract;
import dev.accord.workflows.codec.PayloadKeyring;
import dev.accord.workflows.codec.PayloadKeys;
import dev.accord.workflows.codec.PayloadProtection;
import dev.accord.workflows.codec.PiiNames;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The worker's payload protection: PII names from its contract, keys from the environment, the embedded mode's own
 * key beside its store. Resolved at start-up, so a worker without a key stops before it polls a task, with a message
 * that says what to set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayloadProperties.class)
class PayloadConfiguration {

    @Bean
    PayloadProtection payloadProtection(PayloadProperties payloads, AccordProperties accord, Contract contract, Environment environment) {
        PayloadKeyring keys = accord.temporal().embedded()
                ? PayloadKeys.embedded(environment::getProperty, payloads.embeddedKeyFile())
                : PayloadKeys.configured(environment::getProperty);
        return new PayloadProtection(payloads.mode(), PiiNames.from(contract), () -> keys);
    }
}
