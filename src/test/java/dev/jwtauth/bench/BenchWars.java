package dev.jwtauth.bench;

import dev.jwtauth.it.rs.ResourceServerApplication;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Writes the two WARs of the HTTP benchmark into target/bench/: auth-bench.war (the service's WAR
 * plus its unprotected twin of /api/me) and stock-me.war (/api/me behind Payara's stock MP-JWT,
 * configured with the service's JWKS, issuer and audience). Argument: the service's issuer URL.
 */
public final class BenchWars {

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
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                    + "version=\"4.0\" bean-discovery-mode=\"all\"/>"),
            "beans.xml")
        .as(ZipExporter.class)
        .exportTo(new File(dir, "stock-me.war"), true);
  }

  private BenchWars() {}
}
