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
   * The guard (security/ with verify/ and guard/) can be lifted into another WAR: an allow-list, so
   * that it depends on itself, the JDK, Jakarta EE, MicroProfile, Nimbus and Caffeine only — never
   * on a service package (settings, metrics and logs reach it through its own settings record and
   * the events it fires).
   */
  @Test
  void theGuardStandsAlone() {
    check(
        classes()
            .that()
            .resideInAnyPackage(GUARD)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "dev.jwtauth.security..",
                "dev.jwtauth.verify..",
                "dev.jwtauth.guard..",
                "java..",
                "jakarta..",
                "org.eclipse.microprofile..",
                "com.nimbusds..",
                "com.github.benmanes.caffeine.."));
  }

  /** The verifier is pure logic: keys and revocations reach it through its two interfaces. */
  @Test
  void theVerifierKnowsNoStorageNorContainer() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.jwtauth.verify..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "jakarta.persistence..",
                "jakarta.ws.rs..",
                "jakarta.servlet..",
                "dev.jwtauth.keys..",
                "dev.jwtauth.revocation.."));
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
    "dev.jwtauth.security..", "dev.jwtauth.verify..", "dev.jwtauth.guard.."
  };

  private static void check(ArchRule rule) {
    rule.check(MAIN);
  }
}
