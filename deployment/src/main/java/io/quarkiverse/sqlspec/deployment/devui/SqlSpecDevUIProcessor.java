package io.quarkiverse.sqlspec.deployment.devui;

import java.util.List;

import io.quarkiverse.sqlspec.runtime.devui.SqlSpecJsonRpcService;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI of SQLSpec, in local development only, in the shape of agroal's: a card that shows the essentials
 * (datasources and their commit modes, statements run, statement-cache hit rate) and five pages — datasources,
 * statements, HTTP sessions, migrations and a SQL console — served by {@link SqlSpecJsonRpcService}. The web
 * components are in {@code deployment/src/main/resources/dev-ui/}; the JSON-RPC namespace is the runtime artifactId,
 * {@code quarkus-sqlspec}.
 */
class SqlSpecDevUIProcessor {

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card(List<JdbcDataSourceBuildItem> dataSources) {
        CardPageBuildItem card = new CardPageBuildItem();
        // replaces the default card; it receives the pages below as the build-time constant "pages"
        card.setCustomCard("qwc-sqlspec-card.js");
        card.addPage(Page.webComponentPageBuilder()
                .title("Datasources")
                .icon("font-awesome-solid:database")
                .componentLink("qwc-sqlspec-datasources.js")
                .staticLabel(String.valueOf(dataSources.size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Statements")
                .icon("font-awesome-solid:list")
                .componentLink("qwc-sqlspec-statements.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("HTTP sessions")
                .icon("font-awesome-solid:cookie-bite")
                .componentLink("qwc-sqlspec-sessions.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Migrations")
                .icon("font-awesome-solid:code-branch")
                .componentLink("qwc-sqlspec-migrations.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("SQL console")
                .icon("font-awesome-solid:terminal")
                .componentLink("qwc-sqlspec-console.js"));
        return card;
    }

    /**
     * Registered in every mode, as its Javadoc asks (it also tells where blocking methods are allowed); the Dev UI
     * steps that use it run in local development only, so nothing of it reaches a production build.
     */
    @BuildStep
    JsonRPCProvidersBuildItem jsonRpcService() {
        return new JsonRPCProvidersBuildItem(SqlSpecJsonRpcService.class);
    }
}
