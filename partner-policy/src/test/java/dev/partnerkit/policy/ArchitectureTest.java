package dev.partnerkit.policy;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Architecture of the foundation: a pure decision core, immutable domain values, no cycles. */
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
      .and().areDeclaredInClassesThat().haveSimpleNameNotEndingWith("Json")
      .and().areDeclaredInClassesThat().haveSimpleNameNotEndingWith("InitShim")
      .and().doNotHaveName("initShim")
      .and().doNotHaveFullName("dev.partnerkit.domain.internal.ExplainedDecision.contextOrWords")
      .should().beFinal()
      .because("domain values are immutable (generated builders, Jackson delegates and the Immutables init shim,"
          + " a construction-time helper nulled once the value is built, are excluded, and so is the explained"
          + " decision's words, rendered once from immutable inputs and kept in place of them)");

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
  }
}
