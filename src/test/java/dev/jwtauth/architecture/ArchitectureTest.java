package dev.jwtauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.jwtauth.json.Jsons;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (STYLE.md, issue 17), held by the build: a rule broken here fails {@code
 * mvn verify} instead of waiting for a reviewer.
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
   * The guard (security/ with verify/) can be lifted into another WAR: it knows no resource, grant
   * or admin code.
   */
  @Test
  void theGuardStandsAlone() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage("dev.jwtauth.security..", "dev.jwtauth.verify..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.jwtauth.api..",
                "dev.jwtauth.oauth..",
                "dev.jwtauth.admin..",
                "dev.jwtauth.login..",
                "dev.jwtauth.refresh..",
                "dev.jwtauth.clients..",
                "dev.jwtauth.tasks.."));
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
   * builds JSON through {@code Jsons}, which looked it up once (issue 15).
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

  private static void check(ArchRule rule) {
    rule.check(MAIN);
  }
}
