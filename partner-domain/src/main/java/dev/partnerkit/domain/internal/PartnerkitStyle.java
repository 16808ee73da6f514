package dev.partnerkit.domain.internal;

import dev.partnerkit.domain.InvalidValueException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, applied per package in {@code package-info.java}: implementations are
 * named {@code Immutable*}, depend on the JDK only, and report missing or null attributes with an
 * {@link InvalidValueException} that names the attribute. Not part of the public API.
 *
 * <p>{@code allowedClasspathAnnotations} keeps every annotation Immutables would pick up from the build's classpath
 * off the generated classes, but the JDK's source-retained {@code javax.annotation.processing.Generated}. Without it
 * every {@code Immutable*} class carries the runtime-retained {@code org.immutables.value.Generated}, and a host that
 * compiles against our jars with {@code -Xlint:all -Werror}, without Immutables (compile-only here), fails on
 * "cannot find annotation method". The consumer-check module compiles such a host.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    jdkOnly = true,
    jakarta = true,
    optionalAcceptNullable = true,
    throwForInvalidImmutableState = InvalidValueException.class,
    throwForNullPointer = InvalidValueException.class,
    defaults = @Value.Immutable(prehash = false),
    allowedClasspathAnnotations = javax.annotation.processing.Generated.class)
public @interface PartnerkitStyle {}
