package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.ACME;
import static dev.partnerkit.tck.Fixtures.DANA_KEY;
import static dev.partnerkit.tck.Fixtures.MAYA_KEY;
import static dev.partnerkit.tck.Fixtures.OCCASION;
import static dev.partnerkit.tck.Fixtures.OTHER_OCCASION;
import static dev.partnerkit.tck.Fixtures.VENUE;
import static dev.partnerkit.tck.Fixtures.allowed;
import static dev.partnerkit.tck.Fixtures.at;
import static dev.partnerkit.tck.Fixtures.blocked;
import static dev.partnerkit.tck.Fixtures.claim;
import static dev.partnerkit.tck.Fixtures.entry;
import static dev.partnerkit.tck.Fixtures.event;
import static dev.partnerkit.tck.Fixtures.internalEntry;
import static dev.partnerkit.tck.Fixtures.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.ImmutableIdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The journal contract: the activity timeline (every field, including the record, event and resource an entry
 * concerns, order, paging, the partner view), the decision log, the outbox (claim, mark published) and idempotency
 * (claim, complete, find, per actor). Conflicts are checked for their record type ({@code activity_entry},
 * {@code decision_record}, {@code outbox_event}, {@code idempotency_record}) and id.
 */
public abstract class JournalContract extends ContractSupport {
  private static ActivityQuery query() {
    return ActivityQuery.builder().build();
  }

  private static ActivityQuery query(int limit) {
    return ActivityQuery.builder().limit(limit).build();
  }

  private static List<String> ids(List<ActivityEntry> entries) {
    return entries.stream().map(ActivityEntry::entryId).toList();
  }

  // ===============================================================================================================
  // activity

  @Test
  void activityRoundTripsEveryField() {
    ActivityEntry full = entry(tenantA, "e-001", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    ActivityEntry bare = internalEntry(tenantA, "e-002", at(20));
    storage.activity().append(full);
    storage.activity().append(bare);
    assertEquals(List.of(full, bare), storage.activity().read(tenantA, query()));
  }

  @Test
  void activityDuplicateEntryIdConflicts() {
    ActivityEntry e = entry(tenantA, "e-001", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    storage.activity().append(e);
    ActivityEntry again = internalEntry(tenantA, "e-001", at(30));
    assertConflict("activity_entry", "e-001", () -> storage.activity().append(again));
    assertEquals(List.of(e), storage.activity().read(tenantA, query()));
    assertEquals(1, storage.activity().count(tenantA, query()));
  }

  @Test
  void activityIsOrderedByTimeThenEntryId() {
    storage.activity().append(internalEntry(tenantA, "e-005", at(300)));
    storage.activity().append(internalEntry(tenantA, "e-003", at(100)));
    storage.activity().append(internalEntry(tenantA, "e-001", at(100)));
    storage.activity().append(internalEntry(tenantA, "e-004", at(0)));
    storage.activity().append(internalEntry(tenantA, "e-002", at(100)));
    storage.activity().append(internalEntry(tenantA, "e-000", at(101)));
    assertEquals(List.of("e-004", "e-001", "e-002", "e-003", "e-000", "e-005"),
        ids(storage.activity().read(tenantA, query())));
  }

  @Test
  void activityFiltersByOccasion() {
    storage.activity().append(entry(tenantA, "e-001", at(1), OCCASION, ACME, Visibility.PARTNER_VISIBLE));
    storage.activity().append(entry(tenantA, "e-002", at(2), OTHER_OCCASION, ACME, Visibility.PARTNER_VISIBLE));
    storage.activity().append(entry(tenantA, "e-003", at(3), OCCASION, VENUE, Visibility.INTERNAL_ONLY));
    ActivityQuery wedding = ActivityQuery.builder().occasionId(OCCASION).build();
    assertEquals(List.of("e-001", "e-003"), ids(storage.activity().read(tenantA, wedding)));
    assertEquals(2, storage.activity().count(tenantA, wedding));
    ActivityQuery gala = ActivityQuery.builder().occasionId(OTHER_OCCASION).build();
    assertEquals(List.of("e-002"), ids(storage.activity().read(tenantA, gala)));
    assertEquals(3, storage.activity().count(tenantA, query()));
  }

  @Test
  void activityPartnerViewShowsOnlyThatPartnersVisibleEntries() {
    storage.activity().append(entry(tenantA, "e-001", at(1), OCCASION, ACME, Visibility.PARTNER_VISIBLE));
    storage.activity().append(entry(tenantA, "e-002", at(2), OCCASION, ACME, Visibility.INTERNAL_ONLY));
    storage.activity().append(entry(tenantA, "e-003", at(3), OCCASION, VENUE, Visibility.PARTNER_VISIBLE));
    storage.activity().append(internalEntry(tenantA, "e-004", at(4)));
    storage.activity().append(entry(tenantA, "e-005", at(5), OTHER_OCCASION, ACME, Visibility.PARTNER_VISIBLE));

    ActivityQuery acme = ActivityQuery.builder().partnerView(ACME).build();
    assertEquals(List.of("e-001", "e-005"), ids(storage.activity().read(tenantA, acme)));
    assertEquals(2, storage.activity().count(tenantA, acme));
    ActivityQuery acmeWedding = ActivityQuery.builder().partnerView(ACME).occasionId(OCCASION).build();
    assertEquals(List.of("e-001"), ids(storage.activity().read(tenantA, acmeWedding)));
    ActivityQuery venue = ActivityQuery.builder().partnerView(VENUE).build();
    assertEquals(List.of("e-003"), ids(storage.activity().read(tenantA, venue)));
    ActivityQuery stranger = ActivityQuery.builder().partnerView(PartnerId.of("p-stranger")).build();
    assertEquals(List.of(), storage.activity().read(tenantA, stranger));
    assertEquals(0, storage.activity().count(tenantA, stranger));
    assertEquals(5, storage.activity().count(tenantA, query()));
  }

  @Test
  void activityPartnerViewNeedsTheEntryToNameThatPartner() {
    ActivityEntry aboutNobody = ActivityEntry.builder().from(entry(tenantA, "e-001", at(1), OCCASION, ACME,
        Visibility.PARTNER_VISIBLE)).partnerId(Optional.empty()).build();
    ActivityEntry aboutAcme = entry(tenantA, "e-002", at(2), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    storage.activity().append(aboutNobody);
    storage.activity().append(aboutAcme);
    ActivityQuery acme = ActivityQuery.builder().partnerView(ACME).build();
    assertEquals(List.of(aboutAcme), storage.activity().read(tenantA, acme));
    assertEquals(1, storage.activity().count(tenantA, acme));
    assertEquals(List.of(aboutNobody, aboutAcme), storage.activity().read(tenantA, query()));
  }

  @Test
  void activityPagesReturnEveryEntryExactlyOnce() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String id = String.format("e-%03d", i);
      // pairs share an instant so that pages break inside ties
      storage.activity().append(entry(tenantA, id, at(1000L * (i / 2)), OCCASION, ACME, Visibility.PARTNER_VISIBLE));
      expected.add(id);
    }
    ActivityQuery q = query(3);
    List<String> seen = new ArrayList<>();
    int pages = 0;
    List<ActivityEntry> page = storage.activity().read(tenantA, q);
    while (!page.isEmpty()) {
      pages++;
      assertTrue(page.size() <= 3, "page larger than the limit: " + ids(page));
      seen.addAll(ids(page));
      q = q.after(page.get(page.size() - 1));
      page = storage.activity().read(tenantA, q);
      assertTrue(pages <= 4, "more pages than entries allow: " + seen);
    }
    assertEquals(4, pages);
    assertEquals(expected, seen);
    assertEquals(11, storage.activity().count(tenantA, q), "count ignores cursor and limit");
  }

  @Test
  void activityPagesThroughAFilteredView() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = String.format("e-%03d", i);
      Visibility v = i % 3 == 0 ? Visibility.INTERNAL_ONLY : Visibility.PARTNER_VISIBLE;
      PartnerId p = i % 4 == 1 ? VENUE : ACME;
      storage.activity().append(entry(tenantA, id, at(500L * (i / 3)), OCCASION, p, v));
      if (v == Visibility.PARTNER_VISIBLE && p.equals(ACME)) {
        expected.add(id);
      }
    }
    ActivityQuery q = ActivityQuery.builder().partnerView(ACME).limit(2).build();
    List<String> seen = new ArrayList<>();
    for (List<ActivityEntry> page = storage.activity().read(tenantA, q); !page.isEmpty();
        page = storage.activity().read(tenantA, q)) {
      seen.addAll(ids(page));
      q = q.after(page.get(page.size() - 1));
      assertTrue(seen.size() <= expected.size(), "entries repeated: " + seen);
    }
    assertEquals(expected, seen);
    assertEquals(expected.size(), storage.activity().count(tenantA, ActivityQuery.builder().partnerView(ACME).build()));
  }

  @Test
  void activityCursorIsStrictlyAfterInTimeThenIdOrder() {
    storage.activity().append(internalEntry(tenantA, "e-001", at(100)));
    storage.activity().append(internalEntry(tenantA, "e-002", at(100)));
    storage.activity().append(internalEntry(tenantA, "e-000", at(200)));
    storage.activity().append(internalEntry(tenantA, "e-003", at(50)));
    ActivityQuery afterE1 = ActivityQuery.builder().afterOccurredAt(at(100)).afterEntryId("e-001").build();
    assertEquals(List.of("e-002", "e-000"), ids(storage.activity().read(tenantA, afterE1)));
    ActivityQuery afterGap = ActivityQuery.builder().afterOccurredAt(at(99)).afterEntryId("e-999").build();
    assertEquals(List.of("e-001", "e-002", "e-000"), ids(storage.activity().read(tenantA, afterGap)));
    ActivityQuery afterLast = ActivityQuery.builder().afterOccurredAt(at(200)).afterEntryId("e-000").build();
    assertEquals(List.of(), storage.activity().read(tenantA, afterLast));
    assertEquals(4, storage.activity().count(tenantA, afterLast));
  }

  @Test
  void activityCountIgnoresLimit() {
    for (int i = 0; i < 7; i++) {
      storage.activity().append(internalEntry(tenantA, String.format("e-%03d", i), at(i)));
    }
    assertEquals(2, storage.activity().read(tenantA, query(2)).size());
    assertEquals(7, storage.activity().count(tenantA, query(2)));
    assertEquals(7, storage.activity().read(tenantA, query(500)).size());
  }

  @Test
  void activityIsolatesTenants() {
    ActivityEntry a = entry(tenantA, "e-001", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    ActivityEntry b1 = entry(tenantB, "e-001", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    ActivityEntry b2 = entry(tenantB, "e-002", at(5), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    storage.activity().append(a);
    storage.activity().append(b1); // same id, other tenant: no conflict
    storage.activity().append(b2);

    ActivityQuery acme = ActivityQuery.builder().partnerView(ACME).occasionId(OCCASION).build();
    assertEquals(List.of(a), storage.activity().read(tenantA, query()));
    assertEquals(List.of(a), storage.activity().read(tenantA, acme));
    assertEquals(List.of(b2, b1), storage.activity().read(tenantB, acme));
    assertEquals(1, storage.activity().count(tenantA, query()));
    assertEquals(1, storage.activity().count(tenantA, acme));
    assertEquals(2, storage.activity().count(tenantB, query()));
    ActivityQuery afterStart = ActivityQuery.builder().afterOccurredAt(at(0)).afterEntryId("e-000").build();
    assertEquals(List.of(a), storage.activity().read(tenantA, afterStart));
  }

  // ===============================================================================================================
  // decisions

  @Test
  void decisionsRoundTripAllowedAndBlocked() {
    DecisionRecord yes = allowed(tenantA, "d-001", at(10));
    DecisionRecord no = blocked(tenantA, "d-002", at(20));
    storage.decisions().append(yes);
    storage.decisions().append(no);
    assertEquals(List.of(no, yes), storage.decisions().recent(tenantA, 10));
  }

  @Test
  void decisionsRecentIsNewestFirstWithTiesByRecordIdDescending() {
    storage.decisions().append(allowed(tenantA, "d-001", at(100)));
    storage.decisions().append(blocked(tenantA, "d-002", at(300)));
    storage.decisions().append(allowed(tenantA, "d-003", at(100)));
    storage.decisions().append(allowed(tenantA, "d-004", at(200)));
    storage.decisions().append(blocked(tenantA, "d-000", at(300)));
    assertEquals(List.of("d-002", "d-000", "d-004", "d-003", "d-001"),
        storage.decisions().recent(tenantA, 50).stream().map(DecisionRecord::recordId).toList());
    assertEquals(List.of("d-002", "d-000"),
        storage.decisions().recent(tenantA, 2).stream().map(DecisionRecord::recordId).toList());
  }

  @Test
  void decisionsCountAllAndByOutcome() {
    assertEquals(0, storage.decisions().count(tenantA));
    storage.decisions().append(allowed(tenantA, "d-001", at(1)));
    storage.decisions().append(allowed(tenantA, "d-002", at(2)));
    storage.decisions().append(blocked(tenantA, "d-003", at(3)));
    assertEquals(3, storage.decisions().count(tenantA));
    assertEquals(2, storage.decisions().count(tenantA, true));
    assertEquals(1, storage.decisions().count(tenantA, false));
  }

  @Test
  void decisionsDuplicateRecordIdConflicts() {
    DecisionRecord d = allowed(tenantA, "d-001", at(1));
    storage.decisions().append(d);
    DecisionRecord again = blocked(tenantA, "d-001", at(2));
    assertConflict("decision_record", "d-001", () -> storage.decisions().append(again));
    assertEquals(List.of(d), storage.decisions().recent(tenantA, 10));
    assertEquals(0, storage.decisions().count(tenantA, false));
  }

  @Test
  void decisionsIsolateTenants() {
    DecisionRecord a = allowed(tenantA, "d-001", at(1));
    DecisionRecord b1 = blocked(tenantB, "d-001", at(1));
    DecisionRecord b2 = blocked(tenantB, "d-002", at(2));
    storage.decisions().append(a);
    storage.decisions().append(b1);
    storage.decisions().append(b2);
    assertEquals(List.of(a), storage.decisions().recent(tenantA, 10));
    assertEquals(List.of(b2, b1), storage.decisions().recent(tenantB, 10));
    assertEquals(1, storage.decisions().count(tenantA));
    assertEquals(1, storage.decisions().count(tenantA, true));
    assertEquals(0, storage.decisions().count(tenantA, false));
    assertEquals(2, storage.decisions().count(tenantB, false));
  }

  // ===============================================================================================================
  // the journal of one command or read, appended at once

  @Test
  void appendJournalWritesTheSameRowsAsTheStoresOneByOne() {
    ActivityEntry e = entry(tenantA, "e-001", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE);
    OutboxEvent ev = event(tenantA, "ev-001", at(10));
    DecisionRecord d = allowed(tenantA, "d-001", at(10));
    tx(() -> {
      storage.appendJournal(d, e, ev);
      return null;
    });
    DecisionRecord read = blocked(tenantA, "d-002", at(20));
    storage.appendJournal(read, null, null);
    assertEquals(List.of(e), storage.activity().read(tenantA, query()));
    assertEquals(List.of(ev), tx(() -> storage.outbox().claimPending(tenantA, 10)));
    assertEquals(List.of(read, d), storage.decisions().recent(tenantA, 10));
  }

  @Test
  void appendJournalCommitsAndRollsBackWithItsUnitOfWork() {
    assertThrows(IllegalStateException.class, () -> tx(() -> {
      storage.appendJournal(allowed(tenantA, "d-001", at(10)),
          entry(tenantA, "e-001", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE),
          event(tenantA, "ev-001", at(10)));
      throw new IllegalStateException("the command failed after journaling");
    }));
    assertEquals(0, storage.decisions().count(tenantA));
    assertEquals(0, storage.activity().count(tenantA, query()));
    assertEquals(0, storage.outbox().countPending(tenantA));
  }

  @Test
  void appendJournalWithATakenKeyConflictsAndKeepsNothingOfItsUnitOfWork() {
    storage.decisions().append(allowed(tenantA, "d-001", at(1)));
    assertThrows(VersionConflictException.class, () -> tx(() -> {
      storage.appendJournal(blocked(tenantA, "d-001", at(2)), null, null);
      return null;
    }));
    assertEquals(1, storage.decisions().count(tenantA));
    assertEquals(0, storage.decisions().count(tenantA, false));
  }

  // ===============================================================================================================
  // outbox

  @Test
  void outboxAppendedEventIsPendingAndRoundTrips() {
    OutboxEvent e = event(tenantA, "ev-001", at(10));
    storage.outbox().append(e);
    assertEquals(1, storage.outbox().countPending(tenantA));
    assertEquals(List.of(e), tx(() -> storage.outbox().claimPending(tenantA, 10)));
  }

  @Test
  void outboxClaimsOldestFirstUpToTheLimit() {
    storage.outbox().append(event(tenantA, "ev-003", at(300)));
    storage.outbox().append(event(tenantA, "ev-002", at(100)));
    storage.outbox().append(event(tenantA, "ev-001", at(100)));
    storage.outbox().append(event(tenantA, "ev-000", at(200)));
    storage.outbox().append(event(tenantA, "ev-004", at(50)));
    List<String> claimed = tx(() -> storage.outbox().claimPending(tenantA, 3)).stream()
        .map(OutboxEvent::eventId).toList();
    assertEquals(List.of("ev-004", "ev-001", "ev-002"), claimed);
    List<String> all = tx(() -> storage.outbox().claimPending(tenantA, 100)).stream()
        .map(OutboxEvent::eventId).toList();
    assertEquals(List.of("ev-004", "ev-001", "ev-002", "ev-000", "ev-003"), all);
  }

  @Test
  void outboxMarkPublishedRemovesFromPending() {
    storage.outbox().append(event(tenantA, "ev-001", at(1)));
    storage.outbox().append(event(tenantA, "ev-002", at(2)));
    storage.outbox().append(event(tenantA, "ev-003", at(3)));
    tx(() -> {
      for (OutboxEvent e : storage.outbox().claimPending(tenantA, 2)) {
        storage.outbox().markPublished(tenantA, e.eventId(), at(1_000));
      }
      return null;
    });
    assertEquals(1, storage.outbox().countPending(tenantA));
    assertEquals(List.of(event(tenantA, "ev-003", at(3))), tx(() -> storage.outbox().claimPending(tenantA, 10)));
  }

  @Test
  void outboxDoubleMarkPublishedConflicts() {
    storage.outbox().append(event(tenantA, "ev-001", at(1)));
    storage.outbox().markPublished(tenantA, "ev-001", at(5));
    assertConflict("outbox_event", "ev-001", () -> storage.outbox().markPublished(tenantA, "ev-001", at(6)));
    assertConflict("outbox_event", "ev-none", () -> storage.outbox().markPublished(tenantA, "ev-none", at(6)));
    assertEquals(0, storage.outbox().countPending(tenantA));
    assertEquals(List.of(), tx(() -> storage.outbox().claimPending(tenantA, 10)));
  }

  @Test
  void outboxDuplicateEventIdConflicts() {
    OutboxEvent e = event(tenantA, "ev-001", at(1));
    storage.outbox().append(e);
    assertConflict("outbox_event", "ev-001", () -> storage.outbox().append(event(tenantA, "ev-001", at(9))));
    assertEquals(1, storage.outbox().countPending(tenantA));
    assertEquals(List.of(e), tx(() -> storage.outbox().claimPending(tenantA, 10)));
  }

  @Test
  void outboxIsolatesTenants() {
    OutboxEvent a = event(tenantA, "ev-001", at(1));
    OutboxEvent b1 = event(tenantB, "ev-001", at(1));
    OutboxEvent b2 = event(tenantB, "ev-002", at(2));
    storage.outbox().append(a);
    storage.outbox().append(b1); // same id, other tenant: no conflict
    storage.outbox().append(b2);
    assertEquals(1, storage.outbox().countPending(tenantA));
    assertEquals(2, storage.outbox().countPending(tenantB));
    assertEquals(List.of(a), tx(() -> storage.outbox().claimPending(tenantA, 10)));

    storage.outbox().markPublished(tenantB, "ev-001", at(5)); // publishes B's event, not A's
    assertEquals(List.of(a), tx(() -> storage.outbox().claimPending(tenantA, 10)));
    assertEquals(List.of(b2), tx(() -> storage.outbox().claimPending(tenantB, 10)));
    assertConflict("outbox_event", "ev-002", () -> storage.outbox().markPublished(tenantA, "ev-002", at(6)));
    assertEquals(1, storage.outbox().countPending(tenantB));
  }

  // ===============================================================================================================
  // idempotency

  private static IdempotencyRecord completed(IdempotencyRecord claim) {
    return ImmutableIdempotencyRecord.copyOf(claim).withOutcome(outcome(claim.key()));
  }

  @Test
  void idempotencyClaimHasNoOutcomeUntilCompleted() {
    IdempotencyRecord claim = claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa");
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
    storage.idempotency().claim(claim);
    assertEquals(Optional.of(claim), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001").orElseThrow().outcome());
    storage.idempotency().complete(tenantA, DANA_KEY, "cmd-001", outcome("cmd-001"));
    assertEquals(Optional.of(completed(claim)), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, DANA_KEY, "cmd-002"));
  }

  @Test
  void idempotencyClaimAndCompleteInOneUnitOfWork() {
    IdempotencyRecord claim = claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa");
    Optional<String> inside = tx(() -> {
      storage.idempotency().claim(claim);
      Optional<String> before = storage.idempotency().find(tenantA, DANA_KEY, "cmd-001").orElseThrow().outcome();
      storage.idempotency().complete(tenantA, DANA_KEY, "cmd-001", outcome("cmd-001"));
      return before;
    });
    assertEquals(Optional.empty(), inside);
    assertEquals(Optional.of(completed(claim)), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
  }

  @Test
  void idempotencyCompleteSetsTheOutcomeOnce() {
    IdempotencyRecord claim = claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa");
    storage.idempotency().claim(claim);
    storage.idempotency().complete(tenantA, DANA_KEY, "cmd-001", outcome("cmd-001"));
    assertConflict("idempotency_record", "cmd-001",
        () -> storage.idempotency().complete(tenantA, DANA_KEY, "cmd-001", "{\"second\":true}"));
    assertEquals(Optional.of(completed(claim)), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
  }

  @Test
  void idempotencyCompleteWithoutAClaimConflicts() {
    assertConflict("idempotency_record", "cmd-none",
        () -> storage.idempotency().complete(tenantA, DANA_KEY, "cmd-none", outcome("cmd-none")));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, DANA_KEY, "cmd-none"));
  }

  @Test
  void idempotencyDuplicateClaimConflictsAndKeepsTheFirst() {
    IdempotencyRecord first = claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa");
    storage.idempotency().claim(first);
    IdempotencyRecord second = claim(tenantA, DANA_KEY, "cmd-001", "sha256-bbbb");
    VersionConflictException e = assertConflict("idempotency_record", "cmd-001",
        () -> storage.idempotency().claim(second));
    assertEquals(-1, e.expectedVersion());
    storage.idempotency().complete(tenantA, DANA_KEY, "cmd-001", outcome("cmd-001"));
    assertConflict("idempotency_record", "cmd-001", () -> storage.idempotency().claim(second));
    assertEquals(Optional.of(completed(first)), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
  }

  @Test
  void idempotencyTwoActorsUsingTheSameKeyDoNotCollide() {
    IdempotencyRecord dana = claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa");
    IdempotencyRecord maya = claim(tenantA, MAYA_KEY, "cmd-001", "sha256-bbbb");
    storage.idempotency().claim(dana);
    storage.idempotency().claim(maya); // same key, other actor: no conflict
    storage.idempotency().complete(tenantA, MAYA_KEY, "cmd-001", outcome("cmd-001"));
    assertEquals(Optional.of(dana), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
    assertEquals(Optional.of(completed(maya)), storage.idempotency().find(tenantA, MAYA_KEY, "cmd-001"));
    assertConflict("idempotency_record", "cmd-001",
        () -> storage.idempotency().complete(tenantA, MAYA_KEY, "cmd-001", outcome("cmd-001")));
    storage.idempotency().complete(tenantA, DANA_KEY, "cmd-001", "{\"dana\":true}");
    assertEquals(Optional.of("{\"dana\":true}"),
        storage.idempotency().find(tenantA, DANA_KEY, "cmd-001").orElseThrow().outcome());
    assertEquals(Optional.of(completed(maya)), storage.idempotency().find(tenantA, MAYA_KEY, "cmd-001"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, "integration:ip-acme-sync", "cmd-001"));
  }

  @Test
  void idempotencySameKeyInAnotherTenantIsIndependent() {
    IdempotencyRecord a = claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa");
    IdempotencyRecord b = claim(tenantB, DANA_KEY, "cmd-001", "sha256-bbbb");
    storage.idempotency().claim(a);
    storage.idempotency().claim(b);
    storage.idempotency().complete(tenantB, DANA_KEY, "cmd-001", outcome("cmd-001"));
    assertEquals(Optional.of(a), storage.idempotency().find(tenantA, DANA_KEY, "cmd-001"));
    assertEquals(Optional.of(completed(b)), storage.idempotency().find(tenantB, DANA_KEY, "cmd-001"));
    storage.idempotency().claim(claim(tenantB, DANA_KEY, "cmd-002", "sha256-cccc"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, DANA_KEY, "cmd-002"));
    assertConflict("idempotency_record", "cmd-002",
        () -> storage.idempotency().complete(tenantA, DANA_KEY, "cmd-002", outcome("cmd-002")));
  }
}
