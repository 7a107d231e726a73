package org.discretion.rules.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A case-handling application that gets its engine from {@code rules-spring-boot-starter}: no engine code at all,
 * only {@code application.yml} and an injected {@link org.discretion.rules.api.DiscretionEngine} (see
 * {@link DecisionService}). Run with {@code mvn -pl rules-examples-spring -am spring-boot:run} is not needed: the
 * test {@code CaseHandlingApplicationTest} starts it.
 */
@SpringBootApplication
public class CaseHandlingApplication {
    public static void main(String[] args) {
        SpringApplication.run(CaseHandlingApplication.class, args);
    }
}
