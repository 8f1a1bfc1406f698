package io.quarkiverse.sqlspec;

import java.util.List;
import java.util.Map;

import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.TooManyRowsException;

/**
 * The outcome of one statement: its rows (if any) and its affected row count.
 * <p>
 * Rows are read by one of the terminal methods ({@code all}, {@code one}, {@code oneOrNull}, {@code scalar}), once.
 * Map rows keep the column order; typed rows map {@code snake_case} columns to {@code camelCase} record components or
 * properties.
 */
public interface SqlResult {

    /**
     * All rows as ordered maps (column label to value).
     */
    List<Map<String, Object>> all();

    /**
     * All rows mapped to {@code type}: a record, a class with properties, or a single-column value type.
     */
    <T> List<T> all(Class<T> type);

    /**
     * The only row.
     *
     * @throws NoResultException when there is none
     * @throws TooManyRowsException when there are several (the message says how many)
     */
    Map<String, Object> one();

    /**
     * The only row, mapped to {@code type}.
     */
    <T> T one(Class<T> type);

    /**
     * The only row, or {@code null} when there is none.
     *
     * @throws TooManyRowsException when there are several
     */
    Map<String, Object> oneOrNull();

    /**
     * The only row mapped to {@code type}, or {@code null} when there is none.
     */
    <T> T oneOrNull(Class<T> type);

    /**
     * The first column of the only row.
     */
    Object scalar();

    /**
     * The first column of the only row, as {@code type}.
     */
    <T> T scalar(Class<T> type);

    /**
     * Rows inserted, updated or deleted by the statement ({@code -1} for a query).
     */
    long rowsAffected();

    /**
     * Column labels of the result, in order (empty when the statement returned no rows).
     */
    List<String> columns();
}
