package dev.partnerkit.spi;

import dev.partnerkit.domain.Visibility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityQueryTest {
  private static final ActivityEntry LAST = ActivityEntry.builder().entryId("e-007").tenantId(TenantId.of("t-1"))
      .occasionId(OccasionId.of("occ-1")).eventType("comment.added").kind(ActivityKind.COMMENT)
      .visibility(Visibility.INTERNAL_ONLY)
      .actorLabel("Maya").summary("Note").occurredAt(Instant.parse("2026-11-10T15:00:00.000001Z")).build();

  @Test
  void afterOnAFirstPageQuerySetsTheCursorAndKeepsTheFilters() {
    ActivityQuery first = ActivityQuery.builder().partnerView(PartnerId.of("p-acme")).limit(3).build();
    ActivityQuery next = first.after(LAST);
    assertEquals(Optional.of(LAST.occurredAt()), next.afterOccurredAt());
    assertEquals(Optional.of("e-007"), next.afterEntryId());
    assertEquals(first.partnerView(), next.partnerView());
    assertEquals(3, next.limit());
  }

  @Test
  void afterMovesAnExistingCursor() {
    ActivityQuery second = ActivityQuery.builder().afterOccurredAt(Instant.EPOCH).afterEntryId("e-001").build();
    assertEquals(Optional.of("e-007"), second.after(LAST).afterEntryId());
  }

  @Test
  void limitOutOfRangeNamesTheValue() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> ActivityQuery.builder().limit(501)
        .build());
    assertEquals("limit", e.field());
    assertEquals("limit must be between 1 and 500, but was 501", e.getMessage());
  }
}
