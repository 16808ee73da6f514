package dev.partnerkit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module layering of DESIGN, checked over every library class at once (this module sees them all):
 * domain &lt;- spi &lt;- policy, spi &lt;- jdbc, and java.sql only inside the JDBC adapter.
 */
class LayeringTest {
  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.partnerkit.domain", "dev.partnerkit.spi", "dev.partnerkit.policy", "dev.partnerkit.jdbc");

  @Test
  void javaSqlOnlyInTheJdbcAdapter() {
    noClasses().that().resideOutsideOfPackage("dev.partnerkit.jdbc..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .check(LIBRARY);
  }

  @Test
  void theJdbcAdapterDoesNotDependOnPolicy() {
    noClasses().that().resideInAPackage("dev.partnerkit.jdbc..")
        .should().dependOnClassesThat().resideInAPackage("dev.partnerkit.policy..")
        .check(LIBRARY);
  }

  @Test
  void workspaceServicesReachStorageOnlyThroughTheSpiInterfaces() {
    noClasses().that().resideInAPackage("dev.partnerkit.policy.workspace..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.partnerkit.jdbc..", "dev.partnerkit.spi.memory..")
        .check(LIBRARY);
  }

  @Test
  void thePureDecisionCoreDoesNotImportTheSpi() {
    noClasses().that().resideInAPackage("dev.partnerkit.policy")
        .should().dependOnClassesThat().resideInAnyPackage("dev.partnerkit.spi..", "dev.partnerkit.policy.workspace..")
        .check(LIBRARY);
  }

  @Test
  void theDomainDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("dev.partnerkit.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.partnerkit.spi..", "dev.partnerkit.policy..",
            "dev.partnerkit.jdbc..")
        .check(LIBRARY);
  }

  @Test
  void theSpiDependsOnlyOnTheDomain() {
    noClasses().that().resideInAPackage("dev.partnerkit.spi..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.partnerkit.policy..", "dev.partnerkit.jdbc..")
        .check(LIBRARY);
  }

  @Test
  void noCyclesBetweenModules() {
    slices().matching("dev.partnerkit.(*)..").should().beFreeOfCycles().check(LIBRARY);
  }

  @Test
  void noLibraryClassDependsOnSpringMicrometerOrAMigrationTool() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micrometer..",
        "org.flywaydb..", "liquibase..")
        .check(LIBRARY);
  }
}
