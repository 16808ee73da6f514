package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.ACME;
import static dev.partnerkit.tck.Fixtures.CODEC;
import static dev.partnerkit.tck.Fixtures.DANA_KEY;
import static dev.partnerkit.tck.Fixtures.OCCASION;
import static dev.partnerkit.tck.Fixtures.OTHER_OCCASION;
import static dev.partnerkit.tck.Fixtures.RECEPTION;
import static dev.partnerkit.tck.Fixtures.VENUE;
import static dev.partnerkit.tck.Fixtures.allowed;
import static dev.partnerkit.tck.Fixtures.at;
import static dev.partnerkit.tck.Fixtures.claim;
import static dev.partnerkit.tck.Fixtures.entitlements;
import static dev.partnerkit.tck.Fixtures.entry;
import static dev.partnerkit.tck.Fixtures.event;
import static dev.partnerkit.tck.Fixtures.fullPlacement;
import static dev.partnerkit.tck.Fixtures.grant;
import static dev.partnerkit.tck.Fixtures.internalEntry;
import static dev.partnerkit.tck.Fixtures.link;
import static dev.partnerkit.tck.Fixtures.machineGrant;
import static dev.partnerkit.tck.Fixtures.minimalPartner;
import static dev.partnerkit.tck.Fixtures.outcome;
import static dev.partnerkit.tck.Fixtures.partner;
import static dev.partnerkit.tck.Fixtures.relation;
import static dev.partnerkit.tck.Fixtures.revised;
import static dev.partnerkit.tck.Fixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.ImmutableOccasionEntitlements;
import dev.partnerkit.domain.ImmutablePartner;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.AccessFacts;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The storage contract: the directory, grants and entitlements, and the unit of work every store joins (commit,
 * rollback on an exception, an error or an escaping conflict, nesting, and the undo of every write of every store,
 * kernel records and links included).
 *
 * <p>Conflicts are checked for their record type ({@code access_grant}, {@code occasion_entitlements}, a record
 * type's wire name) and id.
 */
public abstract class StorageContract extends ContractSupport {
  // ===============================================================================================================
  // directory

  @Test
  void directoryTenantRoundTripAndReplace() {
    Tenant toni = Tenant.of(tenantA, "Toni Catering", ZoneId.of("America/Chicago"));
    assertEquals(Optional.empty(), storage.directory().findTenant(tenantA));
    storage.directory().saveTenant(toni);
    assertEquals(Optional.of(toni), storage.directory().findTenant(tenantA));

    Tenant renamed = Tenant.of(tenantA, "Toni Catering & Events", ZoneId.of("Europe/Berlin"));
    storage.directory().saveTenant(renamed);
    assertEquals(Optional.of(renamed), storage.directory().findTenant(tenantA));
    assertEquals(Optional.empty(), storage.directory().findTenant(tenantB));
  }

  @Test
  void directoryPartnerRoundTripWithAndWithoutOptionals() {
    Partner full = partner(tenantA, ACME, "Acme Rentals");
    Partner minimal = minimalPartner(tenantA, VENUE, "The Venue");
    storage.directory().savePartner(full);
    storage.directory().savePartner(minimal);
    assertEquals(Optional.of(full), storage.directory().findPartner(tenantA, ACME));
    assertEquals(Optional.of(minimal), storage.directory().findPartner(tenantA, VENUE));
    assertEquals(Optional.empty(), storage.directory().findPartner(tenantA, PartnerId.of("p-none")));
  }

  @Test
  void directorySavePartnerReplacesTheSameKey() {
    Partner full = partner(tenantA, ACME, "Acme Rentals");
    storage.directory().savePartner(full);
    Partner cleared = minimalPartner(tenantA, ACME, "Acme Rentals LLC");
    storage.directory().savePartner(cleared);
    assertEquals(Optional.of(cleared), storage.directory().findPartner(tenantA, ACME));
    assertEquals(List.of(cleared), storage.directory().listPartners(tenantA));
  }

  @Test
  void directoryListPartnersIsOrderedByPartnerId() {
    for (String id : List.of("p-c", "p-a", "p-d", "p-b")) {
      storage.directory().savePartner(minimalPartner(tenantA, PartnerId.of(id), "Partner " + id));
    }
    assertEquals(List.of("p-a", "p-b", "p-c", "p-d"),
        storage.directory().listPartners(tenantA).stream().map(p -> p.partnerId().value()).toList());
  }

  @Test
  void directoryIsolatesTenants() {
    Partner a = partner(tenantA, ACME, "Acme of A");
    Partner b = ImmutablePartner.copyOf(partner(tenantB, ACME, "Acme of B")).withTier("silver");
    Partner bOnly = minimalPartner(tenantB, VENUE, "Venue of B");
    storage.directory().savePartner(a);
    storage.directory().savePartner(b);
    storage.directory().savePartner(bOnly);
    storage.directory().saveTenant(Tenant.of(tenantB, "B", ZoneId.of("UTC")));

    assertEquals(Optional.of(a), storage.directory().findPartner(tenantA, ACME));
    assertEquals(Optional.of(b), storage.directory().findPartner(tenantB, ACME));
    assertEquals(Optional.empty(), storage.directory().findPartner(tenantA, VENUE));
    assertEquals(List.of(a), storage.directory().listPartners(tenantA));
    assertEquals(List.of(b, bOnly), storage.directory().listPartners(tenantB));
    assertEquals(Optional.empty(), storage.directory().findTenant(tenantA));
  }

  // ===============================================================================================================
  // grants

  @Test
  void grantsRoundTripEveryField() {
    AccessGrant people = grant(tenantA, "g-1", ACME);
    AccessGrant machine = machineGrant(tenantA, "g-2", ACME);
    storage.grants().insert(people);
    storage.grants().insert(machine);
    assertEquals(Optional.of(people), storage.grants().find(tenantA, people.grantId()));
    assertEquals(Optional.of(machine), storage.grants().find(tenantA, machine.grantId()));
    assertEquals(Optional.empty(), storage.grants().find(tenantA, GrantId.of("g-none")));
  }

  @Test
  void grantsUpdateStoresTheNextVersion() {
    AccessGrant g = grant(tenantA, "g-1", ACME);
    storage.grants().insert(g);
    AccessGrant suspended = g.moveTo(GrantStatus.SUSPENDED);
    storage.grants().update(suspended);
    assertEquals(Optional.of(suspended), storage.grants().find(tenantA, g.grantId()));
    AccessGrant narrowed = ImmutableAccessGrant.copyOf(suspended).withMembers(Set.of()).withValidUntil(Optional.empty())
        .withVersion(2);
    storage.grants().update(narrowed);
    assertEquals(Optional.of(narrowed), storage.grants().find(tenantA, g.grantId()));
    assertEquals(List.of(narrowed), storage.grants().findByPartner(tenantA, ACME));
  }

  @Test
  void grantsUpdateToAnotherPartnerMovesItBetweenPartnerLists() {
    AccessGrant g = grant(tenantA, "g-1", ACME);
    storage.grants().insert(g);
    storage.grants().insert(grant(tenantA, "g-2", ACME));
    AccessGrant moved = ImmutableAccessGrant.copyOf(g).withPartnerId(VENUE).withVersion(1);
    storage.grants().update(moved);
    assertEquals(List.of("g-2"),
        storage.grants().findByPartner(tenantA, ACME).stream().map(x -> x.grantId().value()).toList());
    assertEquals(List.of(moved), storage.grants().findByPartner(tenantA, VENUE));
    assertEquals(2, storage.grants().count(tenantA));
  }

  @Test
  void grantsStaleUpdateConflictsAndChangesNothing() {
    AccessGrant g = grant(tenantA, "g-1", ACME);
    storage.grants().insert(g);
    AccessGrant v1 = g.moveTo(GrantStatus.SUSPENDED);
    storage.grants().update(v1);
    AccessGrant staleWrite = g.moveTo(GrantStatus.REVOKED); // also version 1, but stored is 1 now
    VersionConflictException e = assertConflict("access_grant", "g-1", () -> storage.grants().update(staleWrite));
    assertEquals(0, e.expectedVersion());
    AccessGrant skipping = ImmutableAccessGrant.copyOf(v1).withVersion(3);
    assertConflict("access_grant", "g-1", () -> storage.grants().update(skipping));
    assertEquals(Optional.of(v1), storage.grants().find(tenantA, g.grantId()));
  }

  @Test
  void grantsUpdateOfMissingGrantConflicts() {
    AccessGrant ghost = grant(tenantA, "g-ghost", ACME).moveTo(GrantStatus.SUSPENDED);
    assertConflict("access_grant", "g-ghost", () -> storage.grants().update(ghost));
    assertEquals(Optional.empty(), storage.grants().find(tenantA, ghost.grantId()));
    assertEquals(0, storage.grants().count(tenantA));
  }

  @Test
  void grantsDuplicateInsertConflictsAndKeepsTheStoredGrant() {
    AccessGrant g = grant(tenantA, "g-1", ACME);
    storage.grants().insert(g);
    AccessGrant other = machineGrant(tenantA, "g-1", VENUE);
    VersionConflictException e = assertConflict("access_grant", "g-1", () -> storage.grants().insert(other));
    assertEquals(-1, e.expectedVersion());
    assertEquals(Optional.of(g), storage.grants().find(tenantA, g.grantId()));
    assertEquals(List.of(), storage.grants().findByPartner(tenantA, VENUE));
    assertEquals(1, storage.grants().count(tenantA));
  }

  @Test
  void grantsInsertRequiresVersionZero() {
    AccessGrant v1 = ImmutableAccessGrant.copyOf(grant(tenantA, "g-1", ACME)).withVersion(1);
    assertThrows(VersionConflictException.class, () -> storage.grants().insert(v1));
    assertEquals(Optional.empty(), storage.grants().find(tenantA, v1.grantId()));
  }

  @Test
  void grantsFindByPartnerIsFilteredAndOrderedByGrantId() {
    storage.grants().insert(grant(tenantA, "g-3", ACME));
    storage.grants().insert(grant(tenantA, "g-1", ACME));
    storage.grants().insert(grant(tenantA, "g-4", VENUE));
    storage.grants().insert(machineGrant(tenantA, "g-2", ACME));
    assertEquals(List.of("g-1", "g-2", "g-3"),
        storage.grants().findByPartner(tenantA, ACME).stream().map(g -> g.grantId().value()).toList());
    assertEquals(List.of(grant(tenantA, "g-4", VENUE)), storage.grants().findByPartner(tenantA, VENUE));
    assertEquals(List.of(), storage.grants().findByPartner(tenantA, PartnerId.of("p-none")));
    assertEquals(4, storage.grants().count(tenantA));
  }

  @Test
  void grantsIsolateTenantsForEveryRead() {
    AccessGrant a = grant(tenantA, "g-1", ACME);
    AccessGrant b1 = machineGrant(tenantB, "g-1", ACME); // same id, same partner, other tenant
    AccessGrant b2 = grant(tenantB, "g-2", ACME);
    storage.grants().insert(a);
    storage.grants().insert(b1);
    storage.grants().insert(b2);

    assertEquals(Optional.of(a), storage.grants().find(tenantA, a.grantId()));
    assertEquals(Optional.of(b1), storage.grants().find(tenantB, a.grantId()));
    assertEquals(Optional.empty(), storage.grants().find(tenantA, b2.grantId()));
    assertEquals(List.of(a), storage.grants().findByPartner(tenantA, ACME));
    assertEquals(List.of(b1, b2), storage.grants().findByPartner(tenantB, ACME));
    assertEquals(1, storage.grants().count(tenantA));
    assertEquals(2, storage.grants().count(tenantB));
  }

  @Test
  void grantsUpdateNeverReachesAnotherTenant() {
    AccessGrant a = grant(tenantA, "g-1", ACME);
    storage.grants().insert(a);
    AccessGrant bWrite = grant(tenantB, "g-1", ACME).moveTo(GrantStatus.REVOKED);
    assertConflict("access_grant", "g-1", () -> storage.grants().update(bWrite));
    assertEquals(Optional.of(a), storage.grants().find(tenantA, a.grantId()));
    assertEquals(Optional.empty(), storage.grants().find(tenantB, a.grantId()));

    AccessGrant b = grant(tenantB, "g-1", ACME);
    storage.grants().insert(b);
    storage.grants().update(b.moveTo(GrantStatus.REVOKED));
    assertEquals(Optional.of(a), storage.grants().find(tenantA, a.grantId()));
  }

  // ===============================================================================================================
  // entitlements

  @Test
  void accessFactsAreWhatTheStoresReturnOneByOne() {
    TenantId unknown = TenantId.of("tck-unknown-" + tenantA.value().substring(6));
    assertEquals(AccessFacts.builder().build(), tx(() -> storage.accessFacts(unknown, OCCASION, Optional.of(ACME))));
    storage.directory().saveTenant(Tenant.of(tenantA, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().saveTenant(Tenant.of(tenantB, "B", ZoneId.of("UTC")));
    storage.directory().savePartner(partner(tenantA, ACME, "Acme Rentals"));
    storage.directory().savePartner(partner(tenantB, ACME, "Acme elsewhere"));
    storage.entitlements().save(entitlements(tenantA, OCCASION, "feature.multi_user_support"));
    storage.grants().insert(grant(tenantA, "g-2", ACME));
    storage.grants().insert(grant(tenantA, "g-1", ACME));
    storage.grants().insert(grant(tenantA, "g-3", VENUE));
    storage.grants().insert(grant(tenantB, "g-1", ACME));
    for (Optional<PartnerId> partner : List.of(Optional.of(ACME), Optional.of(VENUE), Optional.<PartnerId>empty())) {
      for (OccasionId occasion : List.of(OCCASION, OTHER_OCCASION)) {
        AccessFacts expected = AccessFacts.builder().tenant(storage.directory().findTenant(tenantA))
            .entitlements(storage.entitlements().find(tenantA, occasion))
            .partner(partner.flatMap(p -> storage.directory().findPartner(tenantA, p)))
            .grants(partner.map(p -> storage.grants().findByPartner(tenantA, p)).orElse(List.of())).build();
        assertEquals(expected, tx(() -> storage.accessFacts(tenantA, occasion, partner)), partner + " " + occasion);
        assertEquals(expected, storage.accessFacts(tenantA, occasion, partner), "outside a unit of work too");
      }
    }
    AccessFacts acme = storage.accessFacts(tenantA, OCCASION, Optional.of(ACME));
    assertEquals(List.of("g-1", "g-2"), acme.grants().stream().map(g -> g.grantId().value()).toList());
    assertTrue(acme.entitlements().isPresent() && acme.partner().isPresent() && acme.tenant().isPresent());
  }

  @Test
  void entitlementsInsertThenReplaceVersionByVersion() {
    assertEquals(Optional.empty(), storage.entitlements().find(tenantA, OCCASION));
    OccasionEntitlements v0 = entitlements(tenantA, OCCASION, "feature.multi_user_support", "feature.documents");
    storage.entitlements().save(v0);
    assertEquals(Optional.of(v0), storage.entitlements().find(tenantA, OCCASION));

    OccasionEntitlements v1 = ImmutableOccasionEntitlements.copyOf(v0)
        .withEntitlements(Set.of(Entitlement.MULTI_USER_SUPPORT)).withVersion(1);
    storage.entitlements().save(v1);
    OccasionEntitlements v2 = ImmutableOccasionEntitlements.copyOf(v1).withEntitlements(Set.of()).withVersion(2);
    storage.entitlements().save(v2);
    assertEquals(Optional.of(v2), storage.entitlements().find(tenantA, OCCASION));
    assertEquals(Optional.empty(), storage.entitlements().find(tenantA, OTHER_OCCASION));
  }

  @Test
  void entitlementsVersionZeroOverExistingRowConflicts() {
    OccasionEntitlements v0 = entitlements(tenantA, OCCASION, "feature.multi_user_support");
    storage.entitlements().save(v0);
    OccasionEntitlements again = entitlements(tenantA, OCCASION, "feature.other");
    assertConflict("occasion_entitlements", OCCASION.value(), () -> storage.entitlements().save(again));
    assertEquals(Optional.of(v0), storage.entitlements().find(tenantA, OCCASION));
  }

  @Test
  void entitlementsStaleOrMissingVersionConflicts() {
    OccasionEntitlements v0 = entitlements(tenantA, OCCASION, "feature.multi_user_support");
    OccasionEntitlements v1 = ImmutableOccasionEntitlements.copyOf(v0).withVersion(1);
    assertConflict("occasion_entitlements", OCCASION.value(), () -> storage.entitlements().save(v1));
    assertEquals(Optional.empty(), storage.entitlements().find(tenantA, OCCASION));

    storage.entitlements().save(v0);
    storage.entitlements().save(v1);
    OccasionEntitlements staleV1 = ImmutableOccasionEntitlements.copyOf(v0).withEntitlements(Set.of()).withVersion(1);
    VersionConflictException e = assertConflict("occasion_entitlements", OCCASION.value(),
        () -> storage.entitlements().save(staleV1));
    assertEquals(0, e.expectedVersion());
    OccasionEntitlements v3 = ImmutableOccasionEntitlements.copyOf(v0).withVersion(3);
    assertConflict("occasion_entitlements", OCCASION.value(), () -> storage.entitlements().save(v3));
    assertEquals(Optional.of(v1), storage.entitlements().find(tenantA, OCCASION));
  }

  @Test
  void entitlementsIsolateTenants() {
    OccasionEntitlements a = entitlements(tenantA, OCCASION, "feature.a");
    OccasionEntitlements b = entitlements(tenantB, OCCASION, "feature.b");
    storage.entitlements().save(a);
    storage.entitlements().save(b); // same occasion, other tenant: no conflict
    assertEquals(Optional.of(a), storage.entitlements().find(tenantA, OCCASION));
    assertEquals(Optional.of(b), storage.entitlements().find(tenantB, OCCASION));
    storage.entitlements().save(ImmutableOccasionEntitlements.copyOf(b).withVersion(1));
    assertEquals(Optional.of(a), storage.entitlements().find(tenantA, OCCASION));
  }

  // ===============================================================================================================
  // unit of work

  /** One row of every store under tenant A, before the unit of work under test. */
  private final class Seed {
    final AccessGrant grant = grant(tenantA, "g-old", ACME);
    final List<TypedRecord<?, ?>> records = new ArrayList<>();
    final List<RecordLink> links = new ArrayList<>();

    Seed() {
      storage.grants().insert(grant);
      for (RecordType<?, ?> type : recordTypes()) {
        TypedRecord<?, ?> old = typed(type, tenantA, "r-old", fullPlacement(OCCASION, ACME));
        storage.records().insert(CODEC.encode(old));
        RecordLink toEvent = link(tenantA, old.ref(), "concerns", RecordRef.of("event", RECEPTION.value()));
        storage.records().link(toEvent);
        records.add(old);
        links.add(toEvent);
      }
      storage.outbox().append(event(tenantA, "ev-old", at(1)));
      storage.idempotency().claim(claim(tenantA, DANA_KEY, "cmd-old", "sha256-old"));
    }

    /** @return the next version of the seeded grant: revoked, and with another partner */
    AccessGrant movedGrant() {
      return ImmutableAccessGrant.copyOf(grant.moveTo(GrantStatus.REVOKED)).withPartnerId(VENUE);
    }

    /** @return the next version of a seeded record: in another occasion, with another partner */
    TypedRecord<?, ?> movedRecord(TypedRecord<?, ?> old) {
      return old.withPlacement(fullPlacement(OTHER_OCCASION, VENUE), at(20));
    }

    /** Writes into every store under tenant A: inserts, updates, links, unlinks, appends, completes. */
    void writeEverything() {
      storage.grants().insert(grant(tenantA, "g-new", ACME));
      storage.grants().update(movedGrant());
      for (int i = 0; i < records.size(); i++) {
        TypedRecord<?, ?> old = records.get(i);
        TypedRecord<?, ?> fresh = typed(old.type(), tenantA, "r-new", Placement.inOccasion(OCCASION));
        storage.records().insert(CODEC.encode(fresh));
        storage.records().update(CODEC.encode(movedRecord(old)));
        storage.records().link(link(tenantA, fresh.ref(), relation(old.type()), old.ref()));
        RecordLink seeded = links.get(i);
        assertTrue(storage.records().unlink(tenantA, seeded.from(), seeded.relation(), seeded.to()));
      }
      storage.entitlements().save(entitlements(tenantA, OCCASION, "feature.multi_user_support"));
      storage.activity().append(entry(tenantA, "e-new", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE));
      storage.decisions().append(allowed(tenantA, "d-new", at(10)));
      storage.outbox().append(event(tenantA, "ev-new", at(10)));
      storage.outbox().markPublished(tenantA, "ev-old", at(11));
      storage.idempotency().claim(claim(tenantA, DANA_KEY, "cmd-new", "sha256-new"));
      storage.idempotency().complete(tenantA, DANA_KEY, "cmd-old", outcome("cmd-old"));
      storage.directory().savePartner(partner(tenantA, ACME, "Acme Rentals"));
      storage.directory().saveTenant(Tenant.of(tenantA, "Toni Catering", ZoneId.of("UTC")));
    }

    /** Asserts that the stores hold the seed and nothing of {@link #writeEverything()}. */
    void assertUntouched() {
      assertEquals(Optional.empty(), storage.grants().find(tenantA, GrantId.of("g-new")));
      assertEquals(Optional.of(grant), storage.grants().find(tenantA, grant.grantId()));
      assertEquals(List.of(grant), storage.grants().findByPartner(tenantA, ACME));
      assertEquals(List.of(), storage.grants().findByPartner(tenantA, VENUE));
      assertEquals(1, storage.grants().count(tenantA));
      for (int i = 0; i < records.size(); i++) {
        TypedRecord<?, ?> old = records.get(i);
        String type = old.type().wireName();
        assertEquals(Optional.empty(), storage.records().find(tenantA, old.type().ref("r-new")), type);
        assertEquals(Optional.of(old), found(tenantA, old.ref()),
            type);
        RecordQuery all = RecordQuery.of(type, OCCASION).build();
        assertEquals(List.of(old), decode(storage.records().list(tenantA, all)), type);
        assertEquals(Map.of(old.status().wireName(), 1L), storage.records().countByStatus(tenantA, all), type);
        assertEquals(List.of(), storage.records().list(tenantA, RecordQuery.of(type, OTHER_OCCASION).build()), type);
        assertEquals(List.of(links.get(i)), storage.records().links(tenantA, old.ref(), Optional.empty()), type);
        assertEquals(List.of(), storage.records().backlinks(tenantA, old.ref(), Optional.empty()), type);
        assertEquals(List.of(), storage.records().links(tenantA, old.type().ref("r-new"), Optional.empty()), type);
      }
      assertEquals(Optional.empty(), storage.entitlements().find(tenantA, OCCASION));
      assertEquals(List.of(), storage.activity().read(tenantA, ActivityQuery.builder().build()));
      assertEquals(0, storage.activity().count(tenantA, ActivityQuery.builder().build()));
      assertEquals(List.of(), storage.decisions().recent(tenantA, 10));
      assertEquals(0, storage.decisions().count(tenantA));
      assertEquals(1, storage.outbox().countPending(tenantA));
      assertEquals(List.of(event(tenantA, "ev-old", at(1))), tx(() -> storage.outbox().claimPending(tenantA, 10)));
      assertEquals(Optional.empty(), storage.idempotency().find(tenantA, DANA_KEY, "cmd-new"));
      assertEquals(Optional.of(claim(tenantA, DANA_KEY, "cmd-old", "sha256-old")),
          storage.idempotency().find(tenantA, DANA_KEY, "cmd-old"));
      assertEquals(List.of(), storage.directory().listPartners(tenantA));
      assertEquals(Optional.empty(), storage.directory().findTenant(tenantA));
    }
  }

  @Test
  void unitOfWorkCommitsEverythingTogether() {
    Seed seed = new Seed();
    String result = tx(() -> {
      seed.writeEverything();
      return "done";
    });
    assertEquals("done", result);
    assertEquals(2, storage.grants().count(tenantA));
    assertEquals(Optional.of(seed.movedGrant()), storage.grants().find(tenantA, seed.grant.grantId()));
    assertEquals(List.of("g-new"),
        storage.grants().findByPartner(tenantA, ACME).stream().map(g -> g.grantId().value()).toList());
    for (TypedRecord<?, ?> old : seed.records) {
      String type = old.type().wireName();
      assertEquals(Optional.of(seed.movedRecord(old)), found(tenantA, old.ref()), type);
      assertEquals(List.of("r-new"), storage.records().list(tenantA, RecordQuery.of(type, OCCASION).build())
          .stream().map(r -> r.ref().id()).toList(), type);
      assertEquals(List.of(seed.movedRecord(old)),
          decode(storage.records().list(tenantA, RecordQuery.of(type, OTHER_OCCASION).build())), type);
      assertEquals(List.of(old.type().ref("r-new")), storage.records().backlinks(tenantA, old.ref(), Optional.empty())
          .stream().map(RecordLink::from).toList(), type);
      assertEquals(List.of(), storage.records().links(tenantA, old.ref(), Optional.empty()), type);
    }
    assertTrue(storage.entitlements().find(tenantA, OCCASION).isPresent());
    assertEquals(1, storage.activity().count(tenantA, ActivityQuery.builder().build()));
    assertEquals(1, storage.decisions().count(tenantA));
    assertEquals(List.of("ev-new"),
        tx(() -> storage.outbox().claimPending(tenantA, 10)).stream().map(OutboxEvent::eventId).toList());
    assertTrue(storage.idempotency().find(tenantA, DANA_KEY, "cmd-new").isPresent());
    assertEquals(Optional.of(outcome("cmd-old")),
        storage.idempotency().find(tenantA, DANA_KEY, "cmd-old").orElseThrow().outcome());
    assertEquals(1, storage.directory().listPartners(tenantA).size());
    assertTrue(storage.directory().findTenant(tenantA).isPresent());
  }

  /** Asserts that work which writes everything and then throws {@code failure} rolls it all back. */
  private void assertRollsBackWhenWorkThrows(Throwable failure) {
    Seed seed = new Seed();
    Throwable thrown = assertThrows(Throwable.class, () -> tx(() -> {
      seed.writeEverything();
      if (failure instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) failure;
    }));
    assertSame(failure, thrown);
    seed.assertUntouched();
  }

  @Test
  void unitOfWorkRollsEverythingBackWhenWorkThrows() {
    assertRollsBackWhenWorkThrows(new IllegalStateException("boom after every write"));
  }

  @Test
  void unitOfWorkRollsBackOnAnError() {
    assertRollsBackWhenWorkThrows(new AssertionError("an Error, not an exception"));
  }

  @Test
  void unitOfWorkRollsBackEarlierWritesWhenAConflictEscapes() {
    Seed seed = new Seed();
    VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> tx(() -> {
      seed.writeEverything();
      storage.grants().insert(machineGrant(tenantA, "g-old", VENUE)); // duplicate
      return null;
    }));
    assertEquals("access_grant", conflict.recordType());
    seed.assertUntouched();
  }

  @Test
  void unitOfWorkNestedCallsJoinTheOuterOne() {
    Seed seed = new Seed();
    RuntimeException boom = new IllegalArgumentException("outer fails after the inner one returned");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> tx(() -> {
      String inner = tx(() -> {
        seed.writeEverything();
        return "inner";
      });
      assertEquals("inner", inner);
      assertTrue(storage.grants().find(tenantA, GrantId.of("g-new")).isPresent(), "inner writes visible to outer");
      throw boom;
    }));
    assertSame(boom, thrown);
    seed.assertUntouched();
  }

  @Test
  void unitOfWorkNestedSuccessCommitsWithTheOuter() {
    tx(() -> {
      storage.grants().insert(grant(tenantA, "g-1", ACME));
      tx(() -> {
        storage.grants().insert(grant(tenantA, "g-2", ACME));
        return null;
      });
      storage.grants().insert(grant(tenantA, "g-3", ACME));
      return null;
    });
    assertEquals(3, storage.grants().count(tenantA));
  }

  @Test
  void unitOfWorkSeesItsOwnWritesBeforeCommit() {
    List<String> seen = tx(() -> {
      List<String> out = new ArrayList<>();
      for (RecordType<?, ?> type : recordTypes()) {
        TypedRecord<?, ?> r = typed(type, tenantA, "r-1", Placement.inOccasion(OCCASION));
        storage.records().insert(CODEC.encode(r));
        storage.records().update(CODEC.encode(revised(r, at(2))));
        out.add(type.wireName() + "@" + storage.records().find(tenantA, r.ref()).orElseThrow().version());
      }
      storage.activity().append(internalEntry(tenantA, "e-001", at(1)));
      storage.idempotency().claim(claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa"));
      out.add(String.valueOf(storage.activity().count(tenantA, ActivityQuery.builder().build())));
      out.add(String.valueOf(storage.idempotency().find(tenantA, DANA_KEY, "cmd-001").orElseThrow().outcome()));
      return out;
    });
    List<String> expected = new ArrayList<>(recordTypes().stream().map(t -> t.wireName() + "@1").toList());
    expected.add("1");
    expected.add("Optional.empty");
    assertEquals(expected, seen);
  }

  @Test
  void unitOfWorkStorageIsUsableAfterARollback() {
    assertThrows(IllegalStateException.class, () -> tx(() -> {
      storage.grants().insert(grant(tenantA, "g-1", ACME));
      storage.idempotency().claim(claim(tenantA, DANA_KEY, "cmd-001", "sha256-aaaa"));
      for (RecordType<?, ?> type : recordTypes()) {
        storage.records().insert(Fixtures.record(type, tenantA, "r-1", Placement.inOccasion(OCCASION)));
        storage.records().link(link(tenantA, type.ref("r-1"), relation(type), type.ref("r-2")));
      }
      throw new IllegalStateException("rolled back");
    }));
    AccessGrant g = grant(tenantA, "g-1", ACME);
    storage.grants().insert(g); // the key is free again
    storage.idempotency().claim(claim(tenantA, DANA_KEY, "cmd-001", "sha256-bbbb"));
    assertEquals(Optional.of(g), storage.grants().find(tenantA, g.grantId()));
    assertEquals("sha256-bbbb", storage.idempotency().find(tenantA, DANA_KEY, "cmd-001").orElseThrow().fingerprint());
    for (RecordType<?, ?> type : recordTypes()) {
      StoredRecord again = Fixtures.record(type, tenantA, "r-1", fullPlacement(OTHER_OCCASION, VENUE));
      storage.records().insert(again);
      storage.records().link(link(tenantA, type.ref("r-1"), relation(type), type.ref("r-2")));
      assertEquals(Optional.of(decode(again)), found(tenantA, type.ref("r-1")));
      assertEquals(List.of(), storage.records().list(tenantA, RecordQuery.of(type.wireName(), OCCASION).build()));
      assertEquals(1, storage.records().links(tenantA, type.ref("r-1"), Optional.empty()).size());
    }
  }

  @Test
  void unitOfWorkRollbackLeavesOtherTenantsCommittedRowsAlone() {
    AccessGrant b = grant(tenantB, "g-1", ACME);
    storage.grants().insert(b);
    assertThrows(IllegalStateException.class, () -> tx(() -> {
      storage.grants().insert(grant(tenantA, "g-1", ACME));
      storage.grants().update(b.moveTo(GrantStatus.SUSPENDED));
      throw new IllegalStateException("rolled back");
    }));
    assertEquals(Optional.of(b), storage.grants().find(tenantB, b.grantId()));
    assertEquals(0, storage.grants().count(tenantA));
    Set<String> bIds = new HashSet<>();
    storage.grants().findByPartner(tenantB, ACME).forEach(x -> bIds.add(x.grantId().value()));
    assertEquals(Set.of("g-1"), bIds);
  }
}
