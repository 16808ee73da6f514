package dev.partnerkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.tasks.TaskBody;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.ImmutableGrantDraft;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What operators fill in keeps instants to microseconds, like the grants and records they become: a grant draft's
 * window is normalised before it is validated (so it cannot pass here and collapse once stored), and so is a task's
 * due time.
 */
class DraftInstantsTest {
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  private static ImmutableGrantDraft.Builder draft(Instant from, Optional<Instant> until) {
    return GrantDraft.builder().partnerId(Fixtures.ACME)
        .scope(GrantScope.builder().occasionId(Fixtures.OCCASION).addSurfaces(Surface.TASKS).build())
        .validFrom(from).validUntil(until);
  }

  @Test
  void aDraftWindowInsideOneMicrosecondIsRefusedNamingValidUntil() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> draft(T.plusNanos(100), Optional.of(T.plusNanos(900))).build());
    assertEquals("validUntil", e.field());
    assertTrue(e.getMessage().startsWith("validUntil must be after validFrom (" + T + ") at microsecond precision"),
        e.getMessage());
  }

  @Test
  void aDraftWindowIsNormalisedToMicroseconds() {
    GrantDraft d = draft(T.plusNanos(1_999), Optional.of(T.plusNanos(2_001))).build();
    assertEquals(T.plusNanos(1_000), d.validFrom());
    assertEquals(Optional.of(T.plusNanos(2_000)), d.validUntil());
    assertEquals(T, draft(T.plusNanos(5), Optional.empty()).build().validFrom());
  }

  @Test
  void aDraftWindowThatEndsFirstIsRefusedToo() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> draft(T, Optional.of(T.minusSeconds(1))).build());
    assertEquals("validUntil", e.field());
  }

  @Test
  void aTaskDueTimeIsNormalisedToMicroseconds() {
    TaskBody body = TaskBody.builder().title("Linen").dueAt(T.plusNanos(1_234_567)).build();
    assertEquals(Optional.of(T.plusNanos(1_234_000)), body.dueAt());
    assertEquals(Optional.of(T.plusNanos(3_000)), TaskBody.builder().title("Linen").dueAt(T.plusNanos(3_000))
        .build().dueAt());
  }
}
