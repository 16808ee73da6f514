package dev.partnerkit.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, applied per package in {@code package-info.java}: implementations are
 * named {@code Immutable*}, depend on the JDK only, and report missing or null attributes with an
 * {@link InvalidValueException} that names the attribute.
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
    defaults = @Value.Immutable(prehash = false))
public @interface PartnerkitStyle {}
