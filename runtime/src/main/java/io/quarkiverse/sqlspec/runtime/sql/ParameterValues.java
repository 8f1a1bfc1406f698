package io.quarkiverse.sqlspec.runtime.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The Java values every driver binds alike, in the form they are bound in: an {@code Instant} as a UTC timestamp with
 * time zone, a {@code ZonedDateTime} by its offset, a {@code BigInteger} as a decimal, an enum by name. The JDBC binder
 * and the reactive client's use this one rule.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    public static Object normalized(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
