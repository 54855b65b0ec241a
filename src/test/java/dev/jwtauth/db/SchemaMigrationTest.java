package dev.jwtauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The start log names the schema's real version, also when there was nothing to migrate (it said
 * "schema at version null" on every start after the first).
 */
class SchemaMigrationTest {

  private static final Pattern LINE =
      Pattern.compile(
          "Database schema at version (\\S+) \\((\\d+) migrations applied now\\) on H2 2\\..*");

  @Test
  void anUpToDateSchemaIsLoggedWithItsVersion() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-test;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    AuthDataSource source = new AuthDataSource();
    source.dataSource = h2;
    SchemaMigration migration = new SchemaMigration();
    migration.dataSource = source;

    List<String> lines = new ArrayList<>();
    Logger logger = Logger.getLogger(SchemaMigration.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      migration.migrate();
      migration.migrate();
    } finally {
      logger.removeHandler(capture);
    }
    Matcher first = matched(lines.get(0));
    Matcher second = matched(lines.get(1));
    assertTrue(Integer.parseInt(first.group(2)) > 0, lines.get(0));
    assertEquals("0", second.group(2), lines.get(1));
    assertEquals(first.group(1), second.group(1), "the same version, not null: " + lines);
  }

  private static Matcher matched(String line) {
    Matcher matcher = LINE.matcher(line);
    assertTrue(matcher.matches(), line);
    return matcher;
  }
}
