package dev.jwtauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The guard library's shape, held by its build: it goes into other services' WARs, so it depends on
 * the JDK, Jakarta EE, MicroProfile, Nimbus and Caffeine only — never on JPA or on a package of the
 * token service.
 */
class GuardArchitectureTest {

  private static final JavaClasses GUARD =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.jwtauth");

  /** An allow-list: settings, metrics and logs reach the service through events and records. */
  @Test
  void theGuardDependsOnThePlatformNimbusAndCaffeineOnly() {
    check(
        classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "dev.jwtauth.security..",
                "dev.jwtauth.verify..",
                "dev.jwtauth.guard..",
                "dev.jwtauth.remote..",
                "java..",
                "javax.naming..",
                "javax.management..",
                "jakarta.annotation..",
                "jakarta.enterprise.concurrent..",
                "jakarta.enterprise..",
                "jakarta.inject..",
                "jakarta.json..",
                "jakarta.security.enterprise..",
                "jakarta.servlet..",
                "jakarta.ws.rs..",
                "org.eclipse.microprofile..",
                "com.nimbusds..",
                "com.github.benmanes.caffeine.."));
  }

  @Test
  void theGuardHasNoPersistence() {
    check(noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence.."));
  }

  /** The verifier is pure logic: keys and revocations reach it through its two interfaces. */
  @Test
  void theVerifierKnowsNoContainer() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.jwtauth.verify..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet.."));
  }

  @Test
  void theGuardsPackagesHaveNoCycles() {
    check(slices().matching("dev.jwtauth.(*)..").should().beFreeOfCycles());
  }

  private static void check(ArchRule rule) {
    rule.check(GUARD);
  }
}
