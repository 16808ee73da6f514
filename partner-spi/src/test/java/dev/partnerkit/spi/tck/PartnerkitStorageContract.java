package dev.partnerkit.spi.tck;

import static dev.partnerkit.spi.tck.StorageFixtures.ACME;
import static dev.partnerkit.spi.tck.StorageFixtures.OCCASION;
import static dev.partnerkit.spi.tck.StorageFixtures.OTHER_OCCASION;
import static dev.partnerkit.spi.tck.StorageFixtures.VENUE;
import static dev.partnerkit.spi.tck.StorageFixtures.allowed;
import static dev.partnerkit.spi.tck.StorageFixtures.at;
import static dev.partnerkit.spi.tck.StorageFixtures.blocked;
import static dev.partnerkit.spi.tck.StorageFixtures.entitlements;
import static dev.partnerkit.spi.tck.StorageFixtures.entry;
import static dev.partnerkit.spi.tck.StorageFixtures.event;
import static dev.partnerkit.spi.tck.StorageFixtures.grant;
import static dev.partnerkit.spi.tck.StorageFixtures.idempotency;
import static dev.partnerkit.spi.tck.StorageFixtures.internalEntry;
import static dev.partnerkit.spi.tck.StorageFixtures.machineGrant;
import static dev.partnerkit.spi.tck.StorageFixtures.minimalPartner;
import static dev.partnerkit.spi.tck.StorageFixtures.minimalTask;
import static dev.partnerkit.spi.tck.StorageFixtures.partner;
import static dev.partnerkit.spi.tck.StorageFixtures.task;
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
import dev.partnerkit.domain.ImmutablePartnerTask;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.domain.Visibility;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract test kit of the storage SPI: every {@link PartnerkitStorage} implementation proves itself by extending
 * this class.
 *
 * <pre>{@code
 * class H2StorageContractTest extends PartnerkitStorageContract {
 *   protected PartnerkitStorage newStorage() {
 *     return JdbcStorage.create(h2DataSource);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test works under two tenants of its own with random ids, so the storage may be shared by all tests (one
 * database); leftovers of other tests never matter. Instants carry microseconds, never nanoseconds, and identifiers
 * that are compared for order share one shape, so ordering does not depend on a database collation. Conflicts are
 * checked for their record type ({@code access_grant}, {@code partner_task}, {@code occasion_entitlements},
 * {@code activity_entry}, {@code decision_record}, {@code outbox_event}, {@code idempotency_record}) and id.
 */
public abstract class PartnerkitStorageContract {
  /** The storage under test, from {@link #newStorage()} before each test. */
  protected PartnerkitStorage storage;
  /** The tenant a test works in. */
  protected TenantId tenantA;
  /** A second tenant that uses the very same record ids as {@link #tenantA}. */
  protected TenantId tenantB;

  /**
   * @return the storage to test: a fresh empty one, or a shared one (every test uses tenants of its own)
   */
  protected abstract PartnerkitStorage newStorage();

  /** Creates the storage and two fresh tenant ids. */
  @BeforeEach
  protected void setUpStorage() {
    storage = newStorage();
    String run = UUID.randomUUID().toString().substring(0, 8);
    tenantA = TenantId.of("tck-a-" + run);
    tenantB = TenantId.of("tck-b-" + run);
  }

  /** Asserts a version conflict naming the record type and id. */
  protected static VersionConflictException assertConflict(String recordType, String recordId, Executable write) {
    VersionConflictException e = assertThrows(VersionConflictException.class, write);
    assertEquals(recordType, e.recordType(), "record type of " + e.getMessage());
    assertEquals(recordId, e.recordId(), "record id of " + e.getMessage());
    return e;
  }

  private <T> T tx(java.util.function.Supplier<T> work) {
    return storage.unitOfWork().inTransaction(work);
  }

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
  // tasks

  @Test
  void tasksRoundTripWithAndWithoutOptionals() {
    PartnerTask full = task(tenantA, "task-1", ACME, OCCASION);
    PartnerTask minimal = minimalTask(tenantA, "task-2", ACME, OCCASION);
    storage.tasks().insert(full);
    storage.tasks().insert(minimal);
    assertEquals(Optional.of(full), storage.tasks().find(tenantA, full.taskId()));
    assertEquals(Optional.of(minimal), storage.tasks().find(tenantA, minimal.taskId()));
    assertEquals(TaskStatus.TO_DO, storage.tasks().find(tenantA, minimal.taskId()).orElseThrow().status());
    assertEquals(Optional.empty(), storage.tasks().find(tenantA, TaskId.of("task-none")));
  }

  @Test
  void tasksUpdateStoresTheNextVersion() {
    PartnerTask t = task(tenantA, "task-1", ACME, OCCASION);
    storage.tasks().insert(t);
    PartnerTask moved = ImmutablePartnerTask.copyOf(t).withStatus(TaskStatus.SUBMITTED).withAssignee(Optional.empty())
        .withDescription(Optional.empty()).withDependencies(Set.of()).withVersion(1);
    storage.tasks().update(moved);
    assertEquals(Optional.of(moved), storage.tasks().find(tenantA, t.taskId()));
    assertEquals(List.of(moved), storage.tasks().findByOccasion(tenantA, OCCASION));
    assertEquals(List.of(moved), storage.tasks().findByPartner(tenantA, ACME, OCCASION));
  }

  @Test
  void tasksUpdateToAnotherOccasionAndPartnerMovesItBetweenLists() {
    PartnerTask t = task(tenantA, "task-1", ACME, OCCASION);
    storage.tasks().insert(t);
    PartnerTask moved = ImmutablePartnerTask.copyOf(t).withOccasionId(OTHER_OCCASION).withPartnerId(VENUE)
        .withVersion(1);
    storage.tasks().update(moved);
    assertEquals(List.of(), storage.tasks().findByOccasion(tenantA, OCCASION));
    assertEquals(List.of(), storage.tasks().findByPartner(tenantA, ACME, OCCASION));
    assertEquals(List.of(moved), storage.tasks().findByOccasion(tenantA, OTHER_OCCASION));
    assertEquals(List.of(moved), storage.tasks().findByPartner(tenantA, VENUE, OTHER_OCCASION));
    assertEquals(List.of(), storage.tasks().findByPartner(tenantA, ACME, OTHER_OCCASION));
    assertEquals(1, storage.tasks().count(tenantA));
  }

  @Test
  void tasksStaleUpdateConflictsAndChangesNothing() {
    PartnerTask t = task(tenantA, "task-1", ACME, OCCASION);
    storage.tasks().insert(t);
    PartnerTask v1 = ImmutablePartnerTask.copyOf(t).withStatus(TaskStatus.BLOCKED).withVersion(1);
    storage.tasks().update(v1);
    PartnerTask stale = ImmutablePartnerTask.copyOf(t).withStatus(TaskStatus.SUBMITTED).withVersion(1);
    VersionConflictException e = assertConflict("partner_task", "task-1", () -> storage.tasks().update(stale));
    assertEquals(0, e.expectedVersion());
    PartnerTask sameVersion = ImmutablePartnerTask.copyOf(v1).withTitle("Changed without a new version");
    assertConflict("partner_task", "task-1", () -> storage.tasks().update(sameVersion));
    assertEquals(Optional.of(v1), storage.tasks().find(tenantA, t.taskId()));
  }

  @Test
  void tasksUpdateOfMissingTaskConflicts() {
    PartnerTask ghost = ImmutablePartnerTask.copyOf(task(tenantA, "task-ghost", ACME, OCCASION)).withVersion(1);
    assertConflict("partner_task", "task-ghost", () -> storage.tasks().update(ghost));
    assertEquals(Optional.empty(), storage.tasks().find(tenantA, ghost.taskId()));
    assertEquals(0, storage.tasks().count(tenantA));
  }

  @Test
  void tasksDuplicateInsertConflictsAndKeepsTheStoredTask() {
    PartnerTask t = task(tenantA, "task-1", ACME, OCCASION);
    storage.tasks().insert(t);
    PartnerTask other = minimalTask(tenantA, "task-1", VENUE, OTHER_OCCASION);
    assertConflict("partner_task", "task-1", () -> storage.tasks().insert(other));
    assertEquals(Optional.of(t), storage.tasks().find(tenantA, t.taskId()));
    assertEquals(List.of(), storage.tasks().findByOccasion(tenantA, OTHER_OCCASION));
    assertEquals(1, storage.tasks().count(tenantA));
  }

  @Test
  void tasksInsertRequiresVersionZero() {
    PartnerTask v2 = ImmutablePartnerTask.copyOf(task(tenantA, "task-1", ACME, OCCASION)).withVersion(2);
    assertThrows(VersionConflictException.class, () -> storage.tasks().insert(v2));
    assertEquals(Optional.empty(), storage.tasks().find(tenantA, v2.taskId()));
  }

  @Test
  void tasksFindByPartnerAndOccasionAreFilteredAndOrderedByTaskId() {
    storage.tasks().insert(task(tenantA, "task-3", ACME, OCCASION));
    storage.tasks().insert(minimalTask(tenantA, "task-1", ACME, OCCASION));
    storage.tasks().insert(task(tenantA, "task-2", VENUE, OCCASION));
    storage.tasks().insert(task(tenantA, "task-4", ACME, OTHER_OCCASION));
    storage.tasks().insert(minimalTask(tenantA, "task-0", ACME, OCCASION));

    Function<List<PartnerTask>, List<String>> ids = l -> l.stream().map(t -> t.taskId().value()).toList();
    assertEquals(List.of("task-0", "task-1", "task-3"), ids.apply(storage.tasks().findByPartner(tenantA, ACME, OCCASION)));
    assertEquals(List.of("task-4"), ids.apply(storage.tasks().findByPartner(tenantA, ACME, OTHER_OCCASION)));
    assertEquals(List.of(), storage.tasks().findByPartner(tenantA, VENUE, OTHER_OCCASION));
    assertEquals(List.of("task-0", "task-1", "task-2", "task-3"),
        ids.apply(storage.tasks().findByOccasion(tenantA, OCCASION)));
    assertEquals(List.of(), storage.tasks().findByOccasion(tenantA, OccasionId.of("occ-none")));
    assertEquals(5, storage.tasks().count(tenantA));
  }

  @Test
  void tasksIsolateTenantsForEveryRead() {
    PartnerTask a = task(tenantA, "task-1", ACME, OCCASION);
    PartnerTask b1 = minimalTask(tenantB, "task-1", ACME, OCCASION); // same id, partner and occasion
    PartnerTask b2 = task(tenantB, "task-2", ACME, OCCASION);
    storage.tasks().insert(a);
    storage.tasks().insert(b1);
    storage.tasks().insert(b2);

    assertEquals(Optional.of(a), storage.tasks().find(tenantA, a.taskId()));
    assertEquals(Optional.of(b1), storage.tasks().find(tenantB, a.taskId()));
    assertEquals(Optional.empty(), storage.tasks().find(tenantA, b2.taskId()));
    assertEquals(List.of(a), storage.tasks().findByPartner(tenantA, ACME, OCCASION));
    assertEquals(List.of(a), storage.tasks().findByOccasion(tenantA, OCCASION));
    assertEquals(List.of(b1, b2), storage.tasks().findByOccasion(tenantB, OCCASION));
    assertEquals(1, storage.tasks().count(tenantA));
    assertEquals(2, storage.tasks().count(tenantB));

    PartnerTask bUpdate = ImmutablePartnerTask.copyOf(b1).withStatus(TaskStatus.APPROVED).withVersion(1);
    storage.tasks().update(bUpdate);
    assertEquals(Optional.of(a), storage.tasks().find(tenantA, a.taskId()));
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

  @Test
  void idempotencyInsertThenFind() {
    IdempotencyRecord r = idempotency(tenantA, "cmd-001", "sha256-aaaa");
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, "cmd-001"));
    storage.idempotency().insert(r);
    assertEquals(Optional.of(r), storage.idempotency().find(tenantA, "cmd-001"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, "cmd-002"));
  }

  @Test
  void idempotencyDuplicateKeyConflictsAndKeepsTheFirstOutcome() {
    IdempotencyRecord first = idempotency(tenantA, "cmd-001", "sha256-aaaa");
    storage.idempotency().insert(first);
    IdempotencyRecord second = idempotency(tenantA, "cmd-001", "sha256-bbbb");
    assertConflict("idempotency_record", "cmd-001", () -> storage.idempotency().insert(second));
    assertEquals(Optional.of(first), storage.idempotency().find(tenantA, "cmd-001"));
  }

  @Test
  void idempotencySameKeyInAnotherTenantIsIndependent() {
    IdempotencyRecord a = idempotency(tenantA, "cmd-001", "sha256-aaaa");
    IdempotencyRecord b = idempotency(tenantB, "cmd-001", "sha256-bbbb");
    storage.idempotency().insert(a);
    storage.idempotency().insert(b);
    assertEquals(Optional.of(a), storage.idempotency().find(tenantA, "cmd-001"));
    assertEquals(Optional.of(b), storage.idempotency().find(tenantB, "cmd-001"));
    storage.idempotency().insert(idempotency(tenantB, "cmd-002", "sha256-cccc"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, "cmd-002"));
  }

  // ===============================================================================================================
  // unit of work

  /** Writes one row into every store under tenant A (and updates one pre-existing grant and task). */
  private void writeEverything(AccessGrant existingGrant, PartnerTask existingTask) {
    storage.grants().insert(grant(tenantA, "g-new", ACME));
    storage.grants().update(existingGrant.moveTo(GrantStatus.REVOKED));
    storage.tasks().insert(task(tenantA, "task-new", ACME, OCCASION));
    storage.tasks().update(ImmutablePartnerTask.copyOf(existingTask).withStatus(TaskStatus.APPROVED).withVersion(1));
    storage.entitlements().save(entitlements(tenantA, OCCASION, "feature.multi_user_support"));
    storage.activity().append(entry(tenantA, "e-new", at(10), OCCASION, ACME, Visibility.PARTNER_VISIBLE));
    storage.decisions().append(allowed(tenantA, "d-new", at(10)));
    storage.outbox().append(event(tenantA, "ev-new", at(10)));
    storage.outbox().markPublished(tenantA, "ev-old", at(11));
    storage.idempotency().insert(idempotency(tenantA, "cmd-new", "sha256-aaaa"));
    storage.directory().savePartner(partner(tenantA, ACME, "Acme Rentals"));
  }

  private AccessGrant seedGrant() {
    AccessGrant g = grant(tenantA, "g-old", ACME);
    storage.grants().insert(g);
    return g;
  }

  private PartnerTask seedTask() {
    PartnerTask t = minimalTask(tenantA, "task-old", ACME, OCCASION);
    storage.tasks().insert(t);
    return t;
  }

  private void seedOutbox() {
    storage.outbox().append(event(tenantA, "ev-old", at(1)));
  }

  private void assertNothingOfWriteEverything(AccessGrant g, PartnerTask t) {
    assertEquals(Optional.empty(), storage.grants().find(tenantA, GrantId.of("g-new")));
    assertEquals(Optional.of(g), storage.grants().find(tenantA, g.grantId()));
    assertEquals(List.of(g), storage.grants().findByPartner(tenantA, ACME));
    assertEquals(1, storage.grants().count(tenantA));
    assertEquals(Optional.empty(), storage.tasks().find(tenantA, TaskId.of("task-new")));
    assertEquals(Optional.of(t), storage.tasks().find(tenantA, t.taskId()));
    assertEquals(List.of(t), storage.tasks().findByOccasion(tenantA, OCCASION));
    assertEquals(1, storage.tasks().count(tenantA));
    assertEquals(Optional.empty(), storage.entitlements().find(tenantA, OCCASION));
    assertEquals(List.of(), storage.activity().read(tenantA, query()));
    assertEquals(0, storage.activity().count(tenantA, query()));
    assertEquals(List.of(), storage.decisions().recent(tenantA, 10));
    assertEquals(0, storage.decisions().count(tenantA));
    assertEquals(1, storage.outbox().countPending(tenantA));
    assertEquals(List.of(event(tenantA, "ev-old", at(1))), tx(() -> storage.outbox().claimPending(tenantA, 10)));
    assertEquals(Optional.empty(), storage.idempotency().find(tenantA, "cmd-new"));
    assertEquals(List.of(), storage.directory().listPartners(tenantA));
  }

  @Test
  void unitOfWorkCommitsEverythingTogether() {
    AccessGrant g = seedGrant();
    PartnerTask t = seedTask();
    seedOutbox();
    String result = tx(() -> {
      writeEverything(g, t);
      return "done";
    });
    assertEquals("done", result);
    assertEquals(2, storage.grants().count(tenantA));
    assertEquals(GrantStatus.REVOKED, storage.grants().find(tenantA, g.grantId()).orElseThrow().status());
    assertEquals(2, storage.tasks().count(tenantA));
    assertEquals(1L, storage.tasks().find(tenantA, t.taskId()).orElseThrow().version());
    assertTrue(storage.entitlements().find(tenantA, OCCASION).isPresent());
    assertEquals(List.of("e-new"), ids(storage.activity().read(tenantA, query())));
    assertEquals(1, storage.decisions().count(tenantA));
    assertEquals(List.of("ev-new"),
        tx(() -> storage.outbox().claimPending(tenantA, 10)).stream().map(OutboxEvent::eventId).toList());
    assertTrue(storage.idempotency().find(tenantA, "cmd-new").isPresent());
    assertEquals(1, storage.directory().listPartners(tenantA).size());
  }

  @Test
  void unitOfWorkRollsEverythingBackWhenWorkThrows() {
    AccessGrant g = seedGrant();
    PartnerTask t = seedTask();
    seedOutbox();
    IllegalStateException boom = new IllegalStateException("boom after every write");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> tx(() -> {
      writeEverything(g, t);
      throw boom;
    }));
    assertSame(boom, thrown);
    assertNothingOfWriteEverything(g, t);
  }

  @Test
  void unitOfWorkRollsBackOnAnError() {
    AccessGrant g = seedGrant();
    PartnerTask t = seedTask();
    seedOutbox();
    AssertionError error = new AssertionError("an Error, not an exception");
    AssertionError thrown = assertThrows(AssertionError.class, () -> tx(() -> {
      writeEverything(g, t);
      throw error;
    }));
    assertSame(error, thrown);
    assertNothingOfWriteEverything(g, t);
  }

  @Test
  void unitOfWorkRollsBackEarlierWritesWhenAConflictEscapes() {
    AccessGrant g = seedGrant();
    PartnerTask t = seedTask();
    seedOutbox();
    VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> tx(() -> {
      writeEverything(g, t);
      storage.tasks().insert(minimalTask(tenantA, "task-old", VENUE, OTHER_OCCASION)); // duplicate
      return null;
    }));
    assertEquals("partner_task", conflict.recordType());
    assertNothingOfWriteEverything(g, t);
  }

  @Test
  void unitOfWorkNestedCallsJoinTheOuterOne() {
    AccessGrant g = seedGrant();
    PartnerTask t = seedTask();
    seedOutbox();
    RuntimeException boom = new IllegalArgumentException("outer fails after the inner one returned");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> tx(() -> {
      String inner = tx(() -> {
        writeEverything(g, t);
        return "inner";
      });
      assertEquals("inner", inner);
      assertTrue(storage.grants().find(tenantA, GrantId.of("g-new")).isPresent(), "inner writes visible to outer");
      throw boom;
    }));
    assertSame(boom, thrown);
    assertNothingOfWriteEverything(g, t);
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
      storage.tasks().insert(task(tenantA, "task-1", ACME, OCCASION));
      storage.tasks().update(ImmutablePartnerTask.copyOf(task(tenantA, "task-1", ACME, OCCASION)).withVersion(1));
      storage.activity().append(internalEntry(tenantA, "e-001", at(1)));
      List<String> out = new ArrayList<>();
      out.add(String.valueOf(storage.tasks().find(tenantA, TaskId.of("task-1")).orElseThrow().version()));
      out.add(String.valueOf(storage.activity().count(tenantA, query())));
      return out;
    });
    assertEquals(List.of("1", "1"), seen);
  }

  @Test
  void unitOfWorkStorageIsUsableAfterARollback() {
    assertThrows(IllegalStateException.class, () -> tx(() -> {
      storage.grants().insert(grant(tenantA, "g-1", ACME));
      storage.idempotency().insert(idempotency(tenantA, "cmd-001", "sha256-aaaa"));
      throw new IllegalStateException("rolled back");
    }));
    AccessGrant g = grant(tenantA, "g-1", ACME);
    storage.grants().insert(g); // the key is free again
    storage.idempotency().insert(idempotency(tenantA, "cmd-001", "sha256-bbbb"));
    assertEquals(Optional.of(g), storage.grants().find(tenantA, g.grantId()));
    assertEquals("sha256-bbbb", storage.idempotency().find(tenantA, "cmd-001").orElseThrow().fingerprint());
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
