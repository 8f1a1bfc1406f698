package io.quarkiverse.sqlspec.test.commit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.CommitMode;

/**
 * The commit table of the transactions guide, written out: for each way a request can end, the status the client
 * gets and whether its row is kept in each commit mode. 418 is configured as an extra commit status and 202 as an
 * extra rollback status in every test application. Statuses come from returned {@code Response}s, exceptions, and
 * plain returned values (200, or 204 for null) with or without {@code @ResponseStatus}, which RESTEasy Reactive
 * handles on a separate path.
 */
final class CommitMatrix {

    static final String EXTRA_COMMIT = "418";
    static final String EXTRA_ROLLBACK = "202";

    /** How a request ends: its status, and whether manual / autocommit / autocommit-include-redirect keep its row. */
    record Expected(int status, boolean manual, boolean autocommit, boolean includeRedirect) {

        boolean keeps(CommitMode mode) {
            return switch (mode) {
                case MANUAL -> manual;
                case AUTOCOMMIT -> autocommit;
                case AUTOCOMMIT_INCLUDE_REDIRECT -> includeRedirect;
            };
        }
    }

    private static final boolean KEPT = true;
    private static final boolean LOST = false;

    static final Map<String, Expected> TABLE = Map.ofEntries(
            // outcome                                      status manual autocommit include-redirect
            Map.entry("200", new Expected(200, LOST, KEPT, KEPT)),
            Map.entry("201", new Expected(201, LOST, KEPT, KEPT)),
            Map.entry("204", new Expected(204, LOST, KEPT, KEPT)),
            Map.entry("301", new Expected(301, LOST, LOST, KEPT)),
            Map.entry("302", new Expected(302, LOST, LOST, KEPT)),
            Map.entry("303", new Expected(303, LOST, LOST, KEPT)),
            Map.entry("400", new Expected(400, LOST, LOST, LOST)),
            Map.entry("404", new Expected(404, LOST, LOST, LOST)),
            Map.entry("409", new Expected(409, LOST, LOST, LOST)),
            Map.entry("422", new Expected(422, LOST, LOST, LOST)),
            Map.entry("500", new Expected(500, LOST, LOST, LOST)),
            Map.entry("unmapped", new Expected(500, LOST, LOST, LOST)),
            Map.entry("mapped", new Expected(422, LOST, LOST, LOST)),
            Map.entry(EXTRA_COMMIT, new Expected(418, LOST, KEPT, KEPT)),
            Map.entry(EXTRA_ROLLBACK, new Expected(202, LOST, LOST, LOST)),
            Map.entry("plain", new Expected(200, LOST, KEPT, KEPT)),
            Map.entry("plain-null", new Expected(204, LOST, KEPT, KEPT)),
            Map.entry("annotated-201", new Expected(201, LOST, KEPT, KEPT)),
            Map.entry("annotated-303", new Expected(303, LOST, LOST, KEPT)));

    static final List<String> OUTCOMES = TABLE.keySet().stream().sorted().toList();

    private CommitMatrix() {
    }

    /** The outcomes a {@code Uni} method can produce: returned statuses and exceptions. */
    static final List<String> ASYNC_OUTCOMES = OUTCOMES.stream()
            .filter(outcome -> outcome.chars().allMatch(Character::isDigit) || outcome.endsWith("mapped")).toList();

    static void check(AgroalDataSource dataSource, CommitMode mode, String outcome) throws Exception {
        check(dataSource, mode, outcome, "/matrix/");
    }

    /** @param prefix the resource's path: {@code /matrix/}, or {@code /matrix/async/} for the {@code Uni} method */
    static void check(AgroalDataSource dataSource, CommitMode mode, String outcome, String prefix) throws Exception {
        Expected expected = TABLE.get(outcome);
        String marker = mode + "-" + outcome + "-" + UUID.randomUUID();
        given().redirects().follow(false)
                .post(prefix + marker + "/" + outcome)
                .then().statusCode(expected.status());
        assertThat(rowExists(dataSource, marker))
                .as("row written by a request (%s) ending with %s in %s mode", prefix, outcome, mode)
                .isEqualTo(expected.keeps(mode));
    }

    static boolean rowExists(AgroalDataSource dataSource, String marker) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM marks WHERE marker = ?")) {
            statement.setString(1, marker);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
