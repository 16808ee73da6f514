package dev.partnerkit.policy;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.partnerkit.spi.RecordCodec;
import dev.partnerkit.spi.StoredRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Architecture of the foundation: a pure decision core below the workspace and the surfaces, surfaces that reach
 * storage only through the workspace, immutable domain values (with the strict mapper in the domain), no cycles.
 */
class ArchitectureTest {
  private static final String CORE = "dev.partnerkit.policy";
  private static final Set<String> CLOCK_READS = Set.of("now", "systemUTC", "systemDefaultZone", "system",
      "tickMillis", "tickSeconds", "tickMinutes", "tick");

  private static JavaClasses classes;

  /** The decision core proper: classes in exactly {@code dev.partnerkit.policy}, not its subpackages. */
  static final ArchRule CORE_DOES_NO_IO = noClasses().that().resideInAPackage(CORE)
      .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.sql..", "java.nio.file..",
          "javax.sql..")
      .because("the decision core is pure: no I/O");

  static final ArchRule CORE_READS_NO_CLOCK = noClasses().that().resideInAPackage(CORE)
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().callMethodWhere(describe("a java.time clock read (now(), Clock.system*(), Clock.tick*())",
          (JavaMethodCall call) -> call.getTargetOwner().getPackageName().equals("java.time")
              && CLOCK_READS.contains(call.getName())))
      .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
      .orShould().callConstructor(java.util.Date.class)
      .because("the decision core takes the time as an argument and never reads a clock");

  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.partnerkit.(*)..").should().beFreeOfCycles();

  static final ArchRule DOMAIN_FIELDS_ARE_FINAL = fields().that().areDeclaredInClassesThat()
      .resideInAPackage("dev.partnerkit.domain..")
      .and().areDeclaredInClassesThat().haveSimpleNameNotEndingWith("Builder")
      .and().areDeclaredInClassesThat().doNotHaveSimpleName("Json")
      .and().areDeclaredInClassesThat().haveSimpleNameNotEndingWith("InitShim")
      .and().doNotHaveName("initShim")
      .and().doNotHaveFullName("dev.partnerkit.domain.internal.ExplainedDecision.contextOrWords")
      .should().beFinal()
      .because("domain values are immutable (generated builders, the generated Jackson delegates named Json and the"
          + " Immutables init shim, a construction-time helper nulled once the value is built, are excluded; the"
          + " explained decision's words, rendered once from immutable inputs and kept in place of them, too; the"
          + " strict mapper PartnerkitJson, now in the domain, is not)");

  /** The core sits below the workspace and the surfaces and knows no storage. */
  static final ArchRule CORE_KNOWS_NO_WORKSPACE_SURFACE_OR_STORAGE = noClasses().that().resideInAPackage(CORE)
      .should().dependOnClassesThat().resideInAnyPackage(CORE + ".workspace..", CORE + ".surface..",
          "dev.partnerkit.spi..", "dev.partnerkit.jdbc..")
      .because("the decision core decides over facts it is handed; loading them is the workspace's job");

  /** A store of the storage SPI (every SPI interface), a raw stored row or its codec, or a storage adapter. */
  static final DescribedPredicate<JavaClass> STORAGE = describe("a storage SPI store, stored row or adapter",
      (JavaClass c) -> c.getPackageName().startsWith("dev.partnerkit.spi.memory")
          || c.getPackageName().startsWith("dev.partnerkit.jdbc")
          || c.getPackageName().equals("dev.partnerkit.spi") && (c.isInterface()
              || c.isEquivalentTo(StoredRecord.class) || c.isEquivalentTo(RecordCodec.class)));

  static final ArchRule SURFACES_REACH_STORAGE_ONLY_THROUGH_THE_WORKSPACE = noClasses().that()
      .resideInAPackage(CORE + ".surface..")
      .should().dependOnClassesThat(STORAGE)
      .because("a surface is a typed layer over the workspace's RecordCommands: every command decided and journaled"
          + " there, never a store call of its own");

  static final ArchRule NO_JUL = noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..");

  static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_MODULE = noClasses().that()
      .resideInAPackage("dev.partnerkit.domain..")
      .should().dependOnClassesThat(resideInAPackage("dev.partnerkit..")
          .and(resideOutsideOfPackage("dev.partnerkit.domain..")));

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
        .importPackages("dev.partnerkit");
  }

  @Test
  void theImportSeesTheCoreTheJsonMappingAndTheDomain() {
    assertTrue(classes.contain(AccessDecider.class));
    assertTrue(classes.contain(dev.partnerkit.domain.json.PartnerkitJson.class));
    assertTrue(classes.contain(dev.partnerkit.domain.AccessGrant.class));
    assertFalse(classes.contain(ArchitectureTest.class), "tests are not imported");
  }

  @Test
  void decisionCoreDoesNoIo() {
    CORE_DOES_NO_IO.check(classes);
  }

  @Test
  void decisionCoreReadsNoClock() {
    CORE_READS_NO_CLOCK.check(classes);
  }

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(classes);
  }

  @Test
  void domainClassesHaveOnlyFinalFields() {
    DOMAIN_FIELDS_ARE_FINAL.check(classes);
  }

  @Test
  void decisionCoreKnowsNoWorkspaceSurfaceOrStorage() {
    CORE_KNOWS_NO_WORKSPACE_SURFACE_OR_STORAGE.check(classes);
  }

  @Test
  void surfacesReachStorageOnlyThroughTheWorkspace() {
    assertTrue(classes.contain(dev.partnerkit.policy.surface.tasks.OperatorTasks.class), "the surfaces are imported");
    SURFACES_REACH_STORAGE_ONLY_THROUGH_THE_WORKSPACE.check(classes);
  }

  /** The surface rule can fail: a surface class that calls a record store itself is reported. */
  @Test
  void surfaceRuleCatchesAStoreCall() {
    JavaClasses bad = new ClassFileImporter().importClasses(
        dev.partnerkit.policy.surface.StoreReachingSurface.class);
    EvaluationResult result = SURFACES_REACH_STORAGE_ONLY_THROUGH_THE_WORKSPACE.evaluate(bad);
    assertTrue(result.hasViolation());
    assertTrue(result.getFailureReport().toString().contains("RecordStore"), result.getFailureReport().toString());
    assertFalse(SURFACES_REACH_STORAGE_ONLY_THROUGH_THE_WORKSPACE.evaluate(new ClassFileImporter()
        .importClasses(dev.partnerkit.policy.surface.tasks.PartnerTasks.class)).hasViolation(),
        "query and record values of the SPI are fine");
  }

  @Test
  void noJavaUtilLoggingAnywhere() {
    NO_JUL.check(classes);
  }

  @Test
  void domainDependsOnNoOtherPartnerkitModule() {
    DOMAIN_DEPENDS_ON_NO_OTHER_MODULE.check(classes);
  }

  /** The core rules can fail: a class in the core package that reads the clock and a file is reported. */
  @Test
  void coreRulesCatchAViolation() {
    JavaClasses bad = new ClassFileImporter().importClasses(ClockReadingCore.class);
    EvaluationResult clock = CORE_READS_NO_CLOCK.evaluate(bad);
    assertTrue(clock.hasViolation());
    assertTrue(clock.getFailureReport().toString().contains("Instant.now()"), clock.getFailureReport().toString());
    assertTrue(clock.getFailureReport().toString().contains("System.currentTimeMillis()"));
    assertTrue(CORE_DOES_NO_IO.evaluate(bad).hasViolation());
    assertTrue(CORE_KNOWS_NO_WORKSPACE_SURFACE_OR_STORAGE.evaluate(bad).hasViolation());
  }

  /** Deliberately impure; lives only in the test classes, which the real import leaves out. */
  static final class ClockReadingCore {
    Instant now() {
      return Instant.now();
    }

    long millis() {
      return System.currentTimeMillis();
    }

    boolean exists() {
      return new java.io.File("x").exists();
    }

    boolean hasGrants(dev.partnerkit.spi.GrantStore store) {
      return store != null;
    }
  }
}
