package dev.jwtauth.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwtauth.tasks.TaskService.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tenant and ownership rules of the task API, as decided from the caller's token. */
class TaskAccessTest {

  private static final String OTHER_ORG = "The task belongs to another organization";
  private static final String NOT_OWNER =
      "Only the task's owner or an admin of its organization may do this";

  private static Caller member(String subject, String organization) {
    return new Caller(subject, false, organization, Set.of());
  }

  private static Caller admin(String subject, String organization) {
    return new Caller(subject, true, organization, Set.of());
  }

  @Test
  void insideAnOrganizationTheOwnerAndItsAdminsMayAndOtherMembersMayNot() {
    assertNull(TaskService.refusal(member("ann", "acme"), "ann", "acme"));
    assertNull(TaskService.refusal(admin("boss", "acme"), "ann", "acme"));
    assertEquals(NOT_OWNER, TaskService.refusal(member("bob", "acme"), "ann", "acme"));
  }

  @Test
  void nobodyOfAnotherOrganizationMayNotEvenItsAdminNorTheOwnerMovedAway() {
    assertEquals(OTHER_ORG, TaskService.refusal(member("eve", "globex"), "ann", "acme"));
    assertEquals(OTHER_ORG, TaskService.refusal(admin("boss", "globex"), "ann", "acme"));
    assertEquals(OTHER_ORG, TaskService.refusal(member("ann", "globex"), "ann", "acme"));
    assertEquals(OTHER_ORG, TaskService.refusal(member("ann", null), "ann", "acme"));
    assertEquals(OTHER_ORG, TaskService.refusal(admin("boss", "acme"), "zed", null));
  }

  @Test
  void aGlobalAdminIsAnAdminWithoutAnOrganizationAndMayTouchAnyTask() {
    assertNull(TaskService.refusal(admin("root", null), "ann", "acme"));
    assertNull(TaskService.refusal(admin("root", null), "zed", null));
    assertEquals(NOT_OWNER, TaskService.refusal(member("joe", null), "zed", null));
  }
}
