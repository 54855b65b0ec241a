package dev.jwtauth.bench;

import dev.jwtauth.it.rs.ResourceServerApplication;
import dev.jwtauth.security.RequiresScope;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Writes the two WARs of the HTTP benchmark into target/bench/: auth-bench.war (the service's WAR
 * plus its unprotected twin of /api/me) and stock-me.war (/api/me behind Payara's stock MP-JWT,
 * configured with the service's JWKS, issuer and audience), notes-bench.war (the example plus an
 * unprotected twin of its resource), and stock-notes.war (the example's notes resource behind the
 * same stock MP-JWT: the reference for the guard in another WAR). Argument: the service's issuer
 * URL.
 */
public final class BenchWars {

  /** Payara's MP-JWT finds {@code @LoginConfig} only on a class CDI discovers. */
  private static final String ALL_BEANS =
      "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>";

  public static void main(String[] args) {
    String issuer = args[0];
    File dir = new File("target/bench");
    dir.mkdirs();
    ShrinkWrap.create(ZipImporter.class, "auth-bench.war")
        .importFrom(new File("target/auth.war"))
        .as(WebArchive.class)
        .addClasses(
            UnprotectedMeResource.class,
            ProbeMeResources.class,
            ProbeMeResources.RoleChecked.class,
            ProbeMeResources.JwtInjected.class,
            ProbeMeResources.JaxRsJwks.class)
        .as(ZipExporter.class)
        .exportTo(new File(dir, "auth-bench.war"), true);
    String config =
        String.join(
            "\n",
            "mp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json",
            "mp.jwt.verify.issuer=" + issuer,
            "mp.jwt.verify.audiences=api");
    ShrinkWrap.create(WebArchive.class, "stock-me.war")
        .addClasses(ResourceServerApplication.class, StockMeResource.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
        .addAsWebInfResource(new StringAsset(ALL_BEANS), "beans.xml")
        .as(ZipExporter.class)
        .exportTo(new File(dir, "stock-me.war"), true);
    // The example as it is, with an unprotected twin of its resource.
    ShrinkWrap.create(ZipImporter.class, "notes-bench.war")
        .importFrom(new File("examples/notes/target/notes.war"))
        .as(WebArchive.class)
        .addClass(UnprotectedNotesResource.class)
        .as(ZipExporter.class)
        .exportTo(new File(dir, "notes-bench.war"), true);
    // The example without the guard: its resource class as it is (its @RequiresScope is inert
    // here), the stock application, the stock settings.
    WebArchive stockNotes =
        ShrinkWrap.create(ZipImporter.class, "stock-notes.war")
            .importFrom(new File("examples/notes/target/notes.war"))
            .as(WebArchive.class);
    stockNotes.getContent().keySet().stream()
        .filter(
            path ->
                path.get().startsWith("/WEB-INF/lib/")
                    || path.get().endsWith("NotesApplication.class")
                    || path.get().endsWith("microprofile-config.properties")
                    || path.get().endsWith("payara-web.xml")
                    || path.get().endsWith("beans.xml"))
        .toList()
        .forEach(stockNotes::delete);
    stockNotes
        .addClasses(ResourceServerApplication.class, RequiresScope.class)
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
        .addAsWebInfResource(new StringAsset(ALL_BEANS), "beans.xml")
        .as(ZipExporter.class)
        .exportTo(new File(dir, "stock-notes.war"), true);
  }

  private BenchWars() {}
}
