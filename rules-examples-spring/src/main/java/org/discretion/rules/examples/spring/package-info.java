/**
 * A Spring Boot application using {@code rules-spring-boot-starter}: start with
 * {@link org.discretion.rules.examples.spring.CaseHandlingApplication} and {@code application.yml}.
 */
package org.discretion.rules.examples.spring;
