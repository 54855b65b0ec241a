package dev.jwtauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.jwtauth.guard.Jsons;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (packages by feature, a thin edge, a guard that stands alone), held by the
 * build: a rule broken here fails {@code mvn verify} instead of waiting for a reviewer.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // The guard's test jar (TestTokens, MovableClock) is on the class path in a full build.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.jwtauth");

  @Test
  void featurePackagesHaveNoCycles() {
    check(slices().matching("dev.jwtauth.(*)..").should().beFreeOfCycles());
  }

  /** Resources call services; no service knows the HTTP edge. */
  @Test
  void nothingDependsOnTheApi() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.jwtauth.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.jwtauth.api.."));
  }

  /**
   * The service uses the guard (guard/, a library of its own, whose build holds its own rules) and
   * the guard never uses the service: no class of the service lives in the guard's packages.
   */
  @Test
  void theGuardsPackagesAreTheLibrarysOnly() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(GUARD)
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages(
                "dev.jwtauth.security..",
                "dev.jwtauth.verify..",
                "dev.jwtauth.guard..",
                "dev.jwtauth.remote..",
                "java..",
                "javax.naming..",
                "javax.management..",
                "jakarta..",
                "org.eclipse.microprofile..",
                "com.nimbusds..",
                "com.github.benmanes.caffeine.."));
  }

  /** A JOSE type or an EntityManager never appears in api/ (STYLE.md). */
  @Test
  void theApiHoldsNoJoseNorPersistence() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.jwtauth.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.nimbusds..", "jakarta.persistence.."));
  }

  /**
   * No entity past the service layer: resources get records ({@code UserView}, {@code
   * SessionView}…), so a managed or lazily loaded object never reaches the HTTP edge and the edge's
   * JSON never follows a column rename by accident.
   */
  @Test
  void theApiSeesNoEntity() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.jwtauth.api..")
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class));
  }

  /**
   * Entities live in the feature that owns their table, never in the edge, the guard or shared
   * helpers.
   */
  @Test
  void entitiesStayInTheirFeature() {
    check(
        classes()
            .that()
            .areAnnotatedWith(Entity.class)
            .should()
            .resideOutsideOfPackages(
                "dev.jwtauth.api..",
                "dev.jwtauth.security..",
                "dev.jwtauth.verify..",
                "dev.jwtauth.config..",
                "dev.jwtauth.error..",
                "dev.jwtauth.crypto..",
                "dev.jwtauth.oauth.."));
  }

  /**
   * JSON-P's static factories look their provider up through ServiceLoader on every call; the code
   * builds JSON through {@code Jsons}, which looked it up once.
   */
  @Test
  void jsonComesFromOneProvider() {
    check(
        noClasses()
            .that()
            .doNotHaveFullyQualifiedName(Jsons.class.getName())
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.json.Json")
            .orShould()
            .callMethod(JsonProvider.class, "provider"));
  }

  private static final String[] GUARD = {
    "dev.jwtauth.security..", "dev.jwtauth.verify..", "dev.jwtauth.guard..", "dev.jwtauth.remote.."
  };

  private static void check(ArchRule rule) {
    rule.check(MAIN);
  }
}
