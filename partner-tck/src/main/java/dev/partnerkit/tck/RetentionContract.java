package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.MAYA_KEY;
import static dev.partnerkit.tck.Fixtures.allowed;
import static dev.partnerkit.tck.Fixtures.at;
import static dev.partnerkit.tck.Fixtures.blocked;
import static dev.partnerkit.tck.Fixtures.claim;
import static dev.partnerkit.tck.Fixtures.event;
import static dev.partnerkit.tck.Fixtures.internalEntry;
import static dev.partnerkit.tck.Fixtures.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.RetentionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retention contract: each purge deletes only the tenant's rows strictly older than the cutoff, at most
 * {@code limit} per call, never a pending outbox event or another tenant's row, and rolls back with its unit of work.
 */
public abstract class RetentionContract extends ContractSupport {
  private static final Instant CUTOFF = at(1_000);

  private RetentionStore retention() {
    return storage.retention();
  }

  private static IdempotencyRecord claimAt(TenantId tenant, String key, Instant createdAt) {
    return IdempotencyRecord.builder().from(claim(tenant, MAYA_KEY, key, "fp-" + key)).createdAt(createdAt).build();
  }

  private void completedClaim(TenantId tenant, String key, Instant createdAt) {
    tx(() -> {
      storage.idempotency().claim(claimAt(tenant, key, createdAt));
      storage.idempotency().complete(tenant, MAYA_KEY, key, outcome(key));
      return null;
    });
  }

  private List<String> decisionIds(TenantId tenant) {
    return storage.decisions().recent(tenant, 100).stream().map(DecisionRecord::recordId).sorted().toList();
  }

  private List<String> activityIds(TenantId tenant) {
    return storage.activity().read(tenant, ActivityQuery.builder().build()).stream().map(ActivityEntry::entryId)
        .toList();
  }

  @Test
  void decisionsBeforeTheCutoffGoInBatchesAndTheRestStays() {
    for (TenantId tenant : List.of(tenantA, tenantB)) {
      storage.decisions().append(allowed(tenant, "d-1", at(10)));
      storage.decisions().append(blocked(tenant, "d-2", at(20)));
      storage.decisions().append(allowed(tenant, "d-3", at(999)));
      storage.decisions().append(allowed(tenant, "d-4", CUTOFF));
      storage.decisions().append(blocked(tenant, "d-5", at(5_000)));
    }
    assertEquals(2, retention().purgeDecisions(tenantA, CUTOFF, 2));
    assertEquals(1, retention().purgeDecisions(tenantA, CUTOFF, 2));
    assertEquals(0, retention().purgeDecisions(tenantA, CUTOFF, 2));
    assertEquals(List.of("d-4", "d-5"), decisionIds(tenantA), "the cutoff itself is kept");
    assertEquals(2, storage.decisions().count(tenantA));
    assertEquals(5, storage.decisions().count(tenantB), "another tenant's rows are never purged");
  }

  @Test
  void activityBeforeTheCutoffGoes() {
    for (TenantId tenant : List.of(tenantA, tenantB)) {
      storage.activity().append(internalEntry(tenant, "e-1", at(1)));
      storage.activity().append(internalEntry(tenant, "e-2", at(999)));
      storage.activity().append(internalEntry(tenant, "e-3", CUTOFF));
    }
    assertEquals(2, retention().purgeActivity(tenantA, CUTOFF, 10));
    assertEquals(List.of("e-3"), activityIds(tenantA));
    assertEquals(1, storage.activity().count(tenantA, ActivityQuery.builder().build()));
    assertEquals(List.of("e-1", "e-2", "e-3"), activityIds(tenantB));
  }

  @Test
  void idempotencyRecordsBeforeTheCutoffGoAndTheirKeysAreNewAgain() {
    completedClaim(tenantA, "k-old", at(5));
    completedClaim(tenantA, "k-new", CUTOFF);
    completedClaim(tenantB, "k-old", at(5));
    assertEquals(1, retention().purgeIdempotencyRecords(tenantA, CUTOFF, 10));
    assertTrue(storage.idempotency().find(tenantA, MAYA_KEY, "k-old").isEmpty());
    assertTrue(storage.idempotency().find(tenantA, MAYA_KEY, "k-new").isPresent());
    assertTrue(storage.idempotency().find(tenantB, MAYA_KEY, "k-old").isPresent());
    storage.idempotency().claim(claimAt(tenantA, "k-old", at(2_000))); // the key can be claimed again
  }

  @Test
  void onlyPublishedOutboxEventsGoAndByTheirPublicationTime() {
    storage.outbox().append(event(tenantA, "ev-pending", at(1)));
    storage.outbox().append(event(tenantA, "ev-early", at(2)));
    storage.outbox().append(event(tenantA, "ev-late", at(3)));
    storage.outbox().append(event(tenantB, "ev-early", at(2)));
    storage.outbox().markPublished(tenantA, "ev-early", at(500));
    storage.outbox().markPublished(tenantA, "ev-late", at(1_500));
    storage.outbox().markPublished(tenantB, "ev-early", at(500));

    assertEquals(1, retention().purgePublishedOutboxEvents(tenantA, CUTOFF, 10));
    assertEquals(0, retention().purgePublishedOutboxEvents(tenantA, CUTOFF, 10));
    assertEquals(1, storage.outbox().countPending(tenantA), "a pending event is never purged, however old");
    assertEquals(1, retention().purgePublishedOutboxEvents(tenantA, at(2_000), 10));
    assertEquals(1, storage.outbox().countPending(tenantA));
    // the purged ids are free again; the kept one is not
    storage.outbox().append(event(tenantA, "ev-early", at(4)));
    assertConflict("outbox_event", "ev-pending", () -> storage.outbox().append(event(tenantA, "ev-pending", at(5))));
    assertEquals(0, retention().purgePublishedOutboxEvents(tenantB, at(100), 10));
    assertEquals(1, retention().purgePublishedOutboxEvents(tenantB, CUTOFF, 10));
  }

  @Test
  void aPurgeRollsBackWithItsUnitOfWork() {
    storage.decisions().append(allowed(tenantA, "d-1", at(10)));
    storage.activity().append(internalEntry(tenantA, "e-1", at(10)));
    assertThrows(IllegalStateException.class, () -> tx(() -> {
      assertEquals(1, retention().purgeDecisions(tenantA, CUTOFF, 10));
      assertEquals(1, retention().purgeActivity(tenantA, CUTOFF, 10));
      throw new IllegalStateException("rolled back");
    }));
    assertEquals(List.of("d-1"), decisionIds(tenantA));
    assertEquals(List.of("e-1"), activityIds(tenantA));
  }

  @Test
  void aTenantWithoutRowsPurgesNothing() {
    TenantId nobody = TenantId.of(tenantA.value() + "-none");
    assertEquals(0, retention().purgeDecisions(nobody, CUTOFF, 10));
    assertEquals(0, retention().purgeActivity(nobody, CUTOFF, 10));
    assertEquals(0, retention().purgeIdempotencyRecords(nobody, CUTOFF, 10));
    assertEquals(0, retention().purgePublishedOutboxEvents(nobody, CUTOFF, 10));
  }

  @Test
  void repeatedBatchesDeleteEveryOldRowExactlyOnce() {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String id = String.format("d-%03d", i);
      Instant when = at(i < 17 ? i : 1_000 + i);
      storage.decisions().append(allowed(tenantA, id, when));
      if (i >= 17) {
        kept.add(id);
      }
    }
    int deleted = 0;
    int batches = 0;
    for (int n = retention().purgeDecisions(tenantA, CUTOFF, 5); n > 0; n = retention().purgeDecisions(tenantA,
        CUTOFF, 5)) {
      assertTrue(n <= 5);
      deleted += n;
      batches++;
    }
    assertEquals(17, deleted);
    assertEquals(4, batches);
    assertEquals(kept, decisionIds(tenantA));
  }

  @Test
  void theLimitIsBetweenOneAndTheMaximum() {
    assertThrows(InvalidValueException.class, () -> retention().purgeDecisions(tenantA, CUTOFF, 0));
    assertThrows(InvalidValueException.class, () -> retention().purgeActivity(tenantA, CUTOFF, -1));
    assertThrows(InvalidValueException.class,
        () -> retention().purgeIdempotencyRecords(tenantA, CUTOFF, RetentionStore.MAX_LIMIT + 1));
    assertEquals(0, retention().purgePublishedOutboxEvents(tenantA, CUTOFF, RetentionStore.MAX_LIMIT));
  }
}
