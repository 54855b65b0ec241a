package dev.jwtauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * docs/security.md: "Defaults that leak into production mode": the H2 default password stays with
 * H2.
 */
class JdbcUrlDataSourceTest {

  @Test
  void postgresqlWithoutAConfiguredPasswordGetsNone() {
    assertNull(JdbcUrlDataSource.effectivePassword("jdbc:postgresql://127.0.0.1:5432/auth", null));
    assertNull(JdbcUrlDataSource.effectivePassword("jdbc:postgresql://127.0.0.1:5432/auth", ""));
  }

  @Test
  void theEmbeddedH2FileKeepsItsDefault() {
    assertEquals("sa", JdbcUrlDataSource.effectivePassword("jdbc:h2:file:./data/auth", ""));
    assertEquals("sa", JdbcUrlDataSource.effectivePassword("jdbc:h2:file:./data/auth", null));
  }

  @Test
  void aConfiguredPasswordIsUsedAsItIs() {
    assertEquals(
        "secret", JdbcUrlDataSource.effectivePassword("jdbc:postgresql://db/auth", "secret"));
    assertEquals(
        "secret", JdbcUrlDataSource.effectivePassword("jdbc:h2:file:./data/auth", "secret"));
  }

  @Test
  void aBlankPasswordIsNoneBecauseWildFlysConfigurationCannotHoldAnEmptyOne() {
    assertNull(JdbcUrlDataSource.effectivePassword("jdbc:postgresql://db/auth", " "));
    assertEquals("sa", JdbcUrlDataSource.effectivePassword("jdbc:h2:file:./data/auth", " "));
  }

  @Test
  void anEmbeddedFileWritesEveryCommitAtOnce() {
    assertEquals(
        "jdbc:h2:file:./data/auth;WRITE_DELAY=0",
        JdbcUrlDataSource.durable("jdbc:h2:file:./data/auth"));
    assertEquals(
        "jdbc:h2:./data/auth;AUTO_SERVER=TRUE;WRITE_DELAY=0",
        JdbcUrlDataSource.durable("jdbc:h2:./data/auth;AUTO_SERVER=TRUE"));
  }

  @Test
  void aChosenWriteDelayAndOtherDatabasesAreLeftAlone() {
    for (String url :
        new String[] {
          "jdbc:h2:file:./data/auth;write_delay=100",
          "jdbc:h2:mem:auth;DB_CLOSE_DELAY=-1",
          "jdbc:h2:tcp://localhost/auth",
          "jdbc:postgresql://127.0.0.1:5432/auth"
        }) {
      assertEquals(url, JdbcUrlDataSource.durable(url));
    }
  }
}
