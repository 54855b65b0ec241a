package dev.jwtauth.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real WAR built by {@code mvn package}, plus the test-only token mint, test support and pool
 * probe.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive serviceWar() {
    // Failsafe points java.io.tmpdir into target/ so that Payara's unpacked files go with `mvn
    // clean`.
    new File(System.getProperty("java.io.tmpdir")).mkdirs();
    File war = new File(System.getProperty("project.dir", "."), "target/auth.war");
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn package): " + war);
    }
    return ShrinkWrap.create(ZipImporter.class, "auth.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(
            TestTokenMint.class,
            TestSupport.class,
            ClaimProbe.class,
            PoolProbe.class,
            TestTokenCustomizer.class);
  }
}
