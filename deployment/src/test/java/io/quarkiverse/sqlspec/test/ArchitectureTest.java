package io.quarkiverse.sqlspec.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package structure described in CONTRIBUTING.md: one package per concern, no cycles between packages, the public
 * API and the leaf packages free of the features built on them, and nothing at run time that needs the deployment
 * module.
 */
class ArchitectureTest {

    static final String ROOT = "io.quarkiverse.sqlspec";
    static final String RUNTIME = ROOT + ".runtime";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package is a slice of its own: a cycle between any two packages fails. */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith(ROOT) && !name.startsWith(ROOT + ".test") ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of the extension";
        }
    };

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void runtimeNeverNeedsTheDeploymentModule() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".exception", RUNTIME + "..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".deployment..")
                .check(CLASSES);
    }

    @Test
    void exceptionsDependOnNothingElseOfTheExtension() {
        noClasses().that().resideInAPackage(ROOT + ".exception")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, RUNTIME + "..", ROOT + ".deployment..")
                .check(CLASSES);
    }

    /** The public API reaches its implementation through CDI; only {@code Sql.named} reads the named-SQL registry. */
    @Test
    void publicApiDoesNotDependOnTheImplementation() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME + ".database..", RUNTIME + ".http..",
                        RUNTIME + ".httpsession..", RUNTIME + ".observability..", RUNTIME + ".shutdown..",
                        RUNTIME + ".mapping..", RUNTIME + ".jdbc..", RUNTIME + ".config..", RUNTIME + ".blocking..")
                .check(CLASSES);
    }

    /** SQL text, mapping, JDBC binding, configuration and worker calls are building blocks, not features. */
    @Test
    void buildingBlocksDoNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage(RUNTIME + ".sql", RUNTIME + ".mapping", RUNTIME + ".jdbc",
                RUNTIME + ".config", RUNTIME + ".blocking")
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME + ".database", RUNTIME + ".http",
                        RUNTIME + ".httpsession", RUNTIME + ".observability", RUNTIME + ".shutdown")
                .check(CLASSES);
    }

    /** Statements are observed; observability knows nothing of how requests, connections or sessions work. */
    @Test
    void observabilityDoesNotDependOnWhatItObserves() {
        noClasses().that().resideInAPackage(RUNTIME + ".observability")
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME + ".database", RUNTIME + ".http",
                        RUNTIME + ".httpsession", RUNTIME + ".shutdown")
                .check(CLASSES);
    }

    /** Database access works without HTTP: the REST integration and HTTP sessions are built on top of it. */
    @Test
    void databaseAccessDoesNotDependOnHttpFeatures() {
        noClasses().that().resideInAPackage(RUNTIME + ".database")
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME + ".http", RUNTIME + ".httpsession",
                        RUNTIME + ".shutdown")
                .check(CLASSES);
    }
}
