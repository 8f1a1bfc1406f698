package io.quarkiverse.sqlspec.test.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageProxyDefinitionBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What the build registers for a native executable, read from the build items themselves (no GraalVM is needed to
 * check them): row types, migration resources, the connection proxy, run-time initialization of the session ids.
 */
class NativeRegistrationTest {

    static final String PREFIX = "sqlspec.native.";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(MappedResource.class, MappedResource.Listed.class,
                    MappedResource.Single.class, MappedResource.NewThing.class,
                    MappedResource.ReachedThroughAVariable.class, MappedResource.Unrelated.class)
                    .addAsResource(new StringAsset("-- name: migrate-0001-up\nSELECT 1;\n"),
                            "db/migrations/0001_nothing.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true")
            .addBuildChainCustomizer(recordWhatIsRegistered());

    /** A build step of the test: writes what was registered to system properties, which the test reads. */
    static Consumer<BuildChainBuilder> recordWhatIsRegistered() {
        return chain -> chain.addBuildStep(new BuildStep() {
            @Override
            public void execute(BuildContext context) {
                System.setProperty(PREFIX + "reflection", String.join(",", context.consumeMulti(ReflectiveClassBuildItem.class)
                        .stream().flatMap(item -> item.getClassNames().stream()).toList()));
                System.setProperty(PREFIX + "resources", String.join(",", context
                        .consumeMulti(NativeImageResourceBuildItem.class).stream()
                        .flatMap(item -> item.getResources().stream()).toList()));
                System.setProperty(PREFIX + "runtime-init", String.join(",", context
                        .consumeMulti(RuntimeInitializedClassBuildItem.class).stream()
                        .map(RuntimeInitializedClassBuildItem::getClassName).toList()));
                System.setProperty(PREFIX + "proxies", String.join(",", context
                        .consumeMulti(NativeImageProxyDefinitionBuildItem.class).stream()
                        .flatMap(item -> item.getClasses().stream()).toList()));
                context.produce(new FeatureBuildItem("sqlspec-native-registration-check"));
            }
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class).consumes(NativeImageProxyDefinitionBuildItem.class)
                .produces(FeatureBuildItem.class).build();
    }

    static List<String> registered(String what) {
        return List.of(System.getProperty(PREFIX + what, "").split(","));
    }

    @Test
    void rowTypesTheBuildCanSeeAreRegisteredForReflection() {
        String outer = MappedResource.class.getName();
        assertThat(registered("reflection")).contains(outer + "$Listed", outer + "$Single", outer + "$NewThing",
                outer + "$ReachedThroughAVariable").doesNotContain(outer + "$Unrelated");
        assertThat(registered("reflection")).as("the sessions' own row type")
                .contains("io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionRepository$SessionRow");
    }

    @Test
    void migrationsSessionIdsAndTheConnectionProxyAreRegistered() {
        assertThat(registered("resources")).contains("db/migrations/0001_nothing.sql");
        assertThat(registered("runtime-init")).contains("io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionIds");
        assertThat(registered("proxies")).contains("java.sql.Connection");
    }
}
