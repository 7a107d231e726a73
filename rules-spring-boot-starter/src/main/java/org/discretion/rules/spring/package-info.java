/**
 * Spring Boot auto-configuration of the discretion engine: add {@code rules-spring-boot-starter} (and
 * {@code rules-prebuilt} for the shipped catalogs) and inject {@link org.discretion.rules.api.DiscretionEngine}.
 * Start with {@link org.discretion.rules.spring.DiscretionAutoConfiguration}; settings in
 * {@link org.discretion.rules.spring.DiscretionProperties}. The engine itself needs no Spring: embedding stays
 * {@code DiscretionEngine.builder().classpathCatalogs().build()}.
 */
package org.discretion.rules.spring;
