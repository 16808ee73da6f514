package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.FROM;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IllegalTransitionException;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerkitConflictException;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.json.InvalidJsonException;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The README's table of how a host maps Partnerkit's exceptions: invalid input 400, not found 404, conflict 409. Each
 * failure a host meets lands in exactly one of the three.
 */
class HostErrorMappingTest {
  private final WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());

  /** What a host's exception handler does, exactly as the README's table says. */
  static int status(RuntimeException e) {
    if (e instanceof InvalidValueException) {
      return 400;
    }
    if (e instanceof RecordNotFoundException) {
      return 404;
    }
    if (e instanceof PartnerkitConflictException) {
      return 409;
    }
    return 500;
  }

  private static RuntimeException thrown(Executable call) {
    return assertThrows(RuntimeException.class, call);
  }

  @Test
  void theThreeKindsAreDisjoint() {
    for (Class<?> a : List.of(InvalidValueException.class, RecordNotFoundException.class,
        PartnerkitConflictException.class)) {
      for (Class<?> b : List.of(InvalidValueException.class, RecordNotFoundException.class,
          PartnerkitConflictException.class)) {
        assertTrue(a == b || !a.isAssignableFrom(b), a + " / " + b);
      }
    }
    assertTrue(PartnerkitConflictException.class.isAssignableFrom(VersionConflictException.class));
    assertTrue(PartnerkitConflictException.class.isAssignableFrom(IdempotencyKeyReusedException.class));
    assertTrue(PartnerkitConflictException.class.isAssignableFrom(IllegalTransitionException.class));
    assertFalse(InvalidValueException.class.isAssignableFrom(IdempotencyKeyReusedException.class));
    // the module's exception is Jackson's: the host's web stack wraps it; its cause is the 400
    assertTrue(com.fasterxml.jackson.databind.JsonMappingException.class.isAssignableFrom(
        InvalidJsonException.class));
  }

  @Test
  void anUnknownGrantIsNotFound() {
    GrantId missing = GrantId.of("g-missing");
    for (Executable call : List.<Executable>of(() -> w.ops.activateGrant(w.key(), missing),
        () -> w.ops.suspendGrant(w.key(), missing), () -> w.ops.revokeGrant(w.key(), missing),
        () -> w.ops.renewGrant(w.key(), missing, WorkspaceWorld.UNTIL))) {
      RecordNotFoundException e = assertInstanceOf(RecordNotFoundException.class, thrown(call));
      assertEquals(404, status(e));
      assertEquals("grantId", e.field());
      assertTrue(e.getMessage().contains("g-missing"), e.getMessage());
    }
  }

  @Test
  void anUnknownPartnerIsNotFound() {
    RecordNotFoundException e = assertInstanceOf(RecordNotFoundException.class, thrown(() -> w.ops.issueGrant(
        w.key(), GrantDraft.builder().partnerId(PartnerId.of("p-nobody"))
            .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
            .validFrom(FROM).build())));
    assertEquals(404, status(e));
    assertEquals("draft.partnerId", e.field());
    assertTrue(e.getMessage().contains("p-nobody") && e.getMessage().contains("savePartner"), e.getMessage());
  }

  @Test
  void anUnknownTenantIsNotFound() {
    OperatorUser stranger = OperatorUser.builder().userId(UserId.of("u-kim")).tenantId(TenantId.of("nowhere"))
        .displayName("Kim").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
    RecordNotFoundException e = assertInstanceOf(RecordNotFoundException.class, thrown(
        () -> w.workspace.operator(stranger).tasks().list(WEDDING)));
    assertEquals(404, status(e));
    assertEquals("tenantId", e.field());
    assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("saveTenant"), e.getMessage());
    assertEquals(404, status(thrown(() -> w.workspace.openPartnerSession(TenantId.of("nowhere"),
        WorkspaceWorld.DANA.userId(), ACME, WEDDING))));
  }

  @Test
  void anUnknownOrInvisibleTaskIsNotFound() {
    assertEquals(404, status(thrown(() -> w.ops.tasks().get(TaskId.of("t-missing")))));
    w.wideGrant(ACME);
    TaskId venues = w.task(WorkspaceWorld.VENUE, WorkspaceWorld.RECEPTION);
    assertEquals(404, status(thrown(() -> w.session(WorkspaceWorld.DANA).tasks().move(w.key(), venues,
        TaskStatus.IN_PROGRESS))));
  }

  @Test
  void aReusedKeyIsAConflictNotInvalidInput() {
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, WorkspaceWorld.RECEPTION);
    PartnerSession session = w.session(WorkspaceWorld.DANA);
    assertTrue(session.tasks().move("k-reused", task, TaskStatus.IN_PROGRESS).applied());
    IdempotencyKeyReusedException e = assertInstanceOf(IdempotencyKeyReusedException.class,
        thrown(() -> session.tasks().move("k-reused", task, TaskStatus.BLOCKED)));
    assertEquals(409, status(e));
    assertEquals("k-reused", e.key());
  }

  @Test
  void aStaleVersionIsAConflict() {
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, WorkspaceWorld.RECEPTION);
    assertEquals(409, status(thrown(() -> w.session(WorkspaceWorld.DANA).tasks().move(w.key(), task,
        TaskStatus.IN_PROGRESS, 7))));
  }

  @Test
  void anIllegalGrantMoveIsAConflict() {
    GrantId grant = w.wideGrant(ACME);
    assertTrue(w.ops.revokeGrant(w.key(), grant).applied());
    assertEquals(409, status(thrown(() -> w.ops.activateGrant(w.key(), grant))));
  }

  @Test
  void malformedInputIsInvalid() {
    assertEquals(400, status(thrown(() -> w.ops.activateGrant(" ", GrantId.of("g-1")))));
    assertEquals(400, status(thrown(() -> TaskId.of(""))));
  }
}
