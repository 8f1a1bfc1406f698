package io.quarkiverse.sqlspec.test.commit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.CommitMode;

/**
 * SPEC 2.3's table: for a commit mode, which request outcomes keep the row. 418 is configured as an extra commit
 * status and 202 as an extra rollback status in every test application. Statuses come from returned {@code Response}s,
 * exceptions, and plain returned values (200, or 204 for null) with or without {@code @ResponseStatus}, which RESTEasy
 * Reactive handles on a separate path.
 */
final class CommitMatrix {

    static final String EXTRA_COMMIT = "418";
    static final String EXTRA_ROLLBACK = "202";
    static final List<String> OUTCOMES = List.of("200", "201", "204", "301", "302", "303", "400", "404", "409", "422",
            "500", "unmapped", "mapped", EXTRA_COMMIT, EXTRA_ROLLBACK, "plain", "plain-null", "annotated-201",
            "annotated-303");

    private CommitMatrix() {
    }

    static boolean commits(CommitMode mode, String outcome) {
        if (mode == CommitMode.MANUAL || outcome.equals(EXTRA_ROLLBACK)) {
            return false;
        }
        if (outcome.equals(EXTRA_COMMIT)) {
            return true;
        }
        if (outcome.equals("unmapped") || outcome.equals("mapped")) {
            return false;
        }
        int status = expectedStatus(outcome);
        return status / 100 == 2 || (status / 100 == 3 && mode == CommitMode.AUTOCOMMIT_INCLUDE_REDIRECT);
    }

    static int expectedStatus(String outcome) {
        return switch (outcome) {
            case "unmapped" -> 500;
            case "mapped" -> 422;
            case "plain" -> 200;
            case "plain-null" -> 204;
            case "annotated-201" -> 201;
            case "annotated-303" -> 303;
            default -> Integer.parseInt(outcome);
        };
    }

    static void check(AgroalDataSource dataSource, CommitMode mode, String outcome) throws Exception {
        String marker = mode + "-" + outcome + "-" + UUID.randomUUID();
        given().redirects().follow(false)
                .post("/matrix/" + marker + "/" + outcome)
                .then().statusCode(expectedStatus(outcome));
        assertThat(rowExists(dataSource, marker))
                .as("row written by a request ending with %s in %s mode", outcome, mode)
                .isEqualTo(commits(mode, outcome));
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
