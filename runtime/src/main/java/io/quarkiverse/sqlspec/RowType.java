package io.quarkiverse.sqlspec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a class for reflection in a native executable, for the rare row type the build cannot find on its own.
 * <p>
 * SQLSpec maps rows to records and classes by reflection. At build time it registers every record of the application
 * and every class passed as a literal to the mapping API ({@code all(User.class)}, {@code selectOne(User.class, ...)},
 * {@code one(User.class)}, ...); a type that reaches the API only through a variable or a generic method is not seen:
 * annotate it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RowType {
}
