package dev.accord.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md describes, checked on the compiled classes of every module: what core, the
 * connectors, the store, the engine, the workflows and the activities may depend on, and that workflow code stays deterministic. The
 * starter module sees every other module, so the rules live here.
 */
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"io.temporal..", "org.springframework..", "io.github.resilience4j..",
            "io.micrometer..", "com.zaxxer.."};
    /** JDBC's access API; java.sql.Date and Timestamp stay allowed in core as the value types JDBC rows carry. */
    private static final String[] JDBC_ACCESS = {"javax.sql..", "java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.ResultSet", "java.sql.DriverManager"};
    private static final String[] WORKFLOW_CODE = {"dev.accord.workflows.sync..", "dev.accord.workflows.backfill..",
            "dev.accord.workflows.rollback..", "dev.accord.workflows.review..", "dev.accord.workflows.freshness..",
            "dev.accord.workflows.quarantine.."};

    private static JavaClasses accord;

    @BeforeAll
    static void importAccord() {
        // the engine's test jar (IdentityFixture, for the identity command's tests) holds tests too, outside test-classes
        accord = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.accord");
    }

    @Test
    void coreUsesNoFrameworkAndNoOtherModule() {
        check(noClasses().that().resideInAPackage("dev.accord.core..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.accord.connectors..", "dev.accord.store..",
                        "dev.accord.engine..", "dev.accord.workflows..", "dev.accord.activities..", "dev.accord.worker..", "dev.accord.cli..")
                .because("core is the pure domain: contract, mapping, validation, resolution"));
    }

    @Test
    void coreDoesNoJdbc() {
        check(noClasses().that().resideInAPackage("dev.accord.core..")
                .should().dependOnClassesThat().haveFullyQualifiedName(JDBC_ACCESS[1])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(JDBC_ACCESS[2])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(JDBC_ACCESS[3])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(JDBC_ACCESS[4])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(JDBC_ACCESS[5])
                .orShould().dependOnClassesThat().resideInAPackage(JDBC_ACCESS[0]));
    }

    @Test
    void connectorsKnowNothingOfTemporalNorOfTheEngine() {
        check(noClasses().that().resideInAPackage("dev.accord.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.temporal..", "org.springframework..", "dev.accord.workflows..",
                        "dev.accord.engine..", "dev.accord.activities..", "dev.accord.worker..", "dev.accord.cli.."));
    }

    @Test
    void theEngineKnowsNothingOfTemporalNorOfTheWorkflows() {
        check(noClasses().that().resideInAPackage("dev.accord.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.accord.workflows..", "dev.accord.activities..",
                        "dev.accord.worker..", "dev.accord.cli..")
                .because("the engine speaks core types to its callers; the activities map Temporal's requests to it"));
    }

    @Test
    void workflowsDoNotReachIntoActivitiesConnectorsOrTheWorker() {
        check(noClasses().that().resideInAPackage("dev.accord.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accord.activities..", "dev.accord.engine..", "dev.accord.store..",
                        "dev.accord.connectors..",
                        "dev.accord.worker..", "dev.accord.cli..", "org.springframework..", "java.sql..", "javax.sql.."));
    }

    @Test
    void workflowCodeIsDeterministic() {
        check(noClasses().that().resideInAnyPackage(WORKFLOW_CODE)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "java.net..", "java.nio.file..")
                .because("a workflow replays its history: time, randomness, threads and I/O come from Temporal's Workflow API"));
    }

    @Test
    void theStoreKnowsNothingOfTemporalNorOfTheEngine() {
        check(noClasses().that().resideInAPackage("dev.accord.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.temporal..", "org.springframework..", "dev.accord.workflows..",
                        "dev.accord.engine..", "dev.accord.activities..", "dev.accord.worker..", "dev.accord.cli..")
                .because("the store is Accord's tables: the engine, the worker and the CLI use it, never the other way round"));
    }

    @Test
    void theCliUsesTheStoreNotTheEngine() {
        check(noClasses().that().resideInAPackage("dev.accord.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accord.engine..", "dev.accord.activities..")
                .because("the CLI reads the store (dev.accord.store) or asks Temporal and the worker (the demo starts a worker in process)"));
    }

    @Test
    void activitiesDoNotDependOnTheWorkerOrTheCli() {
        check(noClasses().that().resideInAPackage("dev.accord.activities..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accord.worker..", "dev.accord.cli..", "org.springframework.."));
    }

    @Test
    void theEngineAndTheStoreTellTimeByTheirClock() {
        check(noClasses().that().resideInAnyPackage("dev.accord.engine..", "dev.accord.activities..", "dev.accord.store..", "dev.accord.connectors..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from a Clock passed in (AccordStore.clock, the connector factories' clock), so tests can fix it"));
    }

    @Test
    void onlyTheCliDependsOnTheCli() {
        check(noClasses().that().resideOutsideOfPackages("dev.accord.cli..", "dev.accord.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.accord.cli.."));
    }

    private static void check(ArchRule rule) {
        rule.check(accord);
    }
}
