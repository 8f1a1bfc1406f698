package io.quarkiverse.sqlspec.runtime.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, conservatively, whether a statement can only read: a plain {@code SELECT} (or {@code VALUES},
 * {@code TABLE}, {@code SHOW}) that takes no row locks, creates nothing ({@code SELECT INTO}) and calls only functions
 * known to have no side effects. Anything else — an unknown function could write — counts as a write.
 * <p>
 * It lets a request's transaction start with its first write: reads before it run in auto-commit, which under
 * PostgreSQL's default READ COMMITTED isolation sees exactly what it would see inside the transaction (every statement
 * takes a fresh snapshot either way), and saves the BEGIN and COMMIT round trips of requests that only read.
 */
final class ReadOnlyStatements {

    private static final Set<String> FIRST_WORDS = Set.of("select", "values", "table", "show");
    private static final Pattern LOCKS_OR_CREATES = Pattern
            .compile("\\bfor\\s+(update|share|no\\s+key\\s+update|key\\s+share)\\b|\\binto\\b");
    private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_$.]*)\\s*\\(");
    /** Keywords that are followed by a parenthesis without being a function call. */
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "exists",
            "any", "all", "some", "as", "on", "using", "join", "values", "filter", "over", "partition", "by", "order",
            "group", "having", "within", "case", "when", "then", "else", "union", "intersect", "except", "limit",
            "offset", "lateral", "is", "distinct", "between", "like", "ilike", "similar", "array", "row", "table",
            "cast", "with");
    /** Built-in functions without side effects that statements commonly call. */
    private static final Set<String> PURE_FUNCTIONS = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "coalesce", "nullif", "greatest", "least", "lower", "upper", "length", "char_length",
            "octet_length", "substring", "substr", "trim", "btrim", "ltrim", "rtrim", "concat", "concat_ws", "replace",
            "split_part", "left", "right", "position", "strpos", "starts_with", "format", "md5", "encode", "decode",
            "abs", "round", "floor", "ceil", "ceiling", "trunc", "mod", "power", "sqrt", "random", "now",
            "statement_timestamp", "clock_timestamp", "transaction_timestamp", "date_trunc", "date_part", "extract",
            "to_char", "to_date", "to_timestamp", "to_number", "age", "make_interval", "make_date", "array_length",
            "array_position", "cardinality", "unnest", "generate_series", "json_build_object", "jsonb_build_object",
            "json_build_array", "jsonb_build_array", "to_json", "to_jsonb", "row_to_json", "jsonb_set",
            "jsonb_extract_path", "jsonb_extract_path_text", "json_extract_path_text", "jsonb_array_length",
            "jsonb_typeof", "gen_random_uuid", "uuid_generate_v4", "version", "current_setting", "pg_backend_pid",
            "pg_sleep", "row_number", "rank", "dense_rank", "lag", "lead", "first_value", "last_value", "ntile",
            "percentile_cont", "percentile_disc", "regexp_replace", "regexp_match", "regexp_matches",
            "inet_server_port", "txid_current_if_assigned", "pg_postmaster_start_time");

    private ReadOnlyStatements() {
    }

    /**
     * @param code the statement with quoted text and comments blanked out, so that only SQL code is examined
     */
    static boolean isReadOnly(String code) {
        String text = code.strip().toLowerCase(Locale.ROOT);
        int space = 0;
        while (space < text.length() && Character.isLetter(text.charAt(space))) {
            space++;
        }
        if (!FIRST_WORDS.contains(text.substring(0, space)) || LOCKS_OR_CREATES.matcher(text).find()
                || text.indexOf(';') >= 0) {
            return false;
        }
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            String name = call.group(1);
            String function = name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
            if (!KEYWORDS.contains(function) && !PURE_FUNCTIONS.contains(function)) {
                return false;
            }
        }
        return true;
    }
}
