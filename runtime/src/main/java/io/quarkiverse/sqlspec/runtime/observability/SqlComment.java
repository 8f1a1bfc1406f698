package io.quarkiverse.sqlspec.runtime.observability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;

import io.quarkus.arc.Arc;

/**
 * The opt-in sqlcommenter comment: {@code /*request_id='...',route='...'*}{@code /} appended to the statement, with
 * URL-encoded values and keys in alphabetical order, as the sqlcommenter specification asks. The route is the
 * endpoint's template ({@code /users/{id}}), never the concrete path, so that it carries no user data.
 */
public final class SqlComment {

    private SqlComment() {
    }

    public static String append(String jdbcSql) {
        String id = CorrelationHandler.currentId();
        String route = routeTemplate();
        if (id == null && route == null) {
            return jdbcSql;
        }
        StringBuilder sql = new StringBuilder(jdbcSql.length() + 80).append(jdbcSql).append(" /*");
        boolean first = true;
        if (id != null) {
            sql.append("request_id='").append(encode(id)).append('\'');
            first = false;
        }
        if (route != null) {
            sql.append(first ? "" : ",").append("route='").append(encode(route)).append('\'');
        }
        return sql.append("*/").toString();
    }

    private static String routeTemplate() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        RuntimeResource target = request == null ? null : request.getTarget();
        if (target == null) {
            return null;
        }
        String classPath = target.getClassPath() == null ? "" : target.getClassPath().template;
        String methodPath = target.getPath() == null ? "" : target.getPath().template;
        return (classPath + methodPath).replaceAll("//+", "/");
    }

    private static String encode(String value) {
        // sqlcommenter: URL-encode, then escape quotes; the comment must not be closable by a value
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("'", "\\'").replace("*", "%2A");
    }
}
