package dev.jwtauth.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventTypeTest {

  @Test
  void everyTypeIsListedInTheOperationsGuide() throws Exception {
    String guide =
        Files.readString(Path.of(System.getProperty("project.dir", "."), "docs/operations.md"));
    for (AuditEventType type : AuditEventType.values()) {
      assertTrue(guide.contains("`" + type.code() + "`"), type.code() + " in docs/operations.md");
    }
  }

  @Test
  void aCodeReadsBackAsItsType() {
    assertEquals("refresh_token_reuse", AuditEventType.REFRESH_TOKEN_REUSE.code());
    assertEquals(
        Optional.of(AuditEventType.LOGIN_THROTTLED), AuditEventType.ofCode("login_throttled"));
    assertEquals(Optional.empty(), AuditEventType.ofCode("LOGIN_THROTTLED"));
    assertEquals(Optional.empty(), AuditEventType.ofCode("no_such_event"));
  }
}
