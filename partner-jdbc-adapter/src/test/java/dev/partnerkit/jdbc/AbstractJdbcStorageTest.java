package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.Samples.ACME;
import static dev.partnerkit.jdbc.Samples.OCCASION;
import static dev.partnerkit.jdbc.Samples.OTHER_OCCASION;
import static dev.partnerkit.jdbc.Samples.T0;
import static dev.partnerkit.jdbc.Samples.VENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.ImmutableActivityQuery;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.domain.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's own tests, run once per database by the subclasses. Every test works in a fresh tenant of a shared
 * database, so tests never see each other's rows.
 */
abstract class AbstractJdbcStorageTest {
  /** Every table that holds tenant rows. */
  static final List<String> TABLES = List.of("pk_tenant", "pk_partner", "pk_access_grant", "pk_record",
      "pk_record_link", "pk_occasion_entitlements", "pk_activity_entry", "pk_decision_record", "pk_outbox_event",
      "pk_idempotency_record");

  protected TenantId tenant;
  protected PartnerkitStorage storage;

  /** @return the shared database, schema installed */
  protected abstract DataSource dataSource();

  /** @return a new, empty database */
  protected abstract DataSource freshDataSource();

  /** @return the dialect the database should be detected as */
  protected abstract JdbcDialect expectedDialect();

  @BeforeEach
  void setUp() {
    tenant = Samples.freshTenant();
    storage = JdbcStorage.builder(dataSource()).build();
  }

  // ---------------------------------------------------------------- dialect, installer, time zone

  @Test
  void detectsTheDialectAndAcceptsAnOverride() {
    assertEquals(expectedDialect(), ((JdbcStorage) storage).dialect());
    assertEquals(expectedDialect(), JdbcDialect.detect(dataSource()));
    assertEquals(expectedDialect(), JdbcStorage.builder(dataSource()).dialect(expectedDialect()).build().dialect());
  }

  @Test
  void installerIsIdempotentAndCreatesUsableTables() {
    DataSource fresh = freshDataSource();
    assertEquals(0, SchemaInstaller.installedVersion(fresh));
    assertTrue(SchemaInstaller.install(fresh));
    assertEquals(SchemaInstaller.CURRENT_VERSION, SchemaInstaller.installedVersion(fresh));
    assertFalse(SchemaInstaller.install(fresh));
    assertFalse(SchemaInstaller.install(fresh, expectedDialect()));
    assertEquals(expectedDialect().schemaScripts().size(),
        count(fresh, "select count(*) from partnerkit_schema_version"));
    PartnerkitStorage other = JdbcStorage.builder(fresh).build();
    other.grants().insert(Samples.grant(tenant, "g-1"));
    assertEquals(1, other.grants().count(tenant));
  }

  @Test
  void sessionTimeZoneIsNotUtcAndInstantsAreStoredAsUtc() throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(
            "select cast(timestamp with time zone '2026-11-10 15:00:00+00' as timestamp)");
        ResultSet r = s.executeQuery()) {
      assertTrue(r.next());
      assertEquals(LocalDateTime.parse("2026-11-10T09:00:00"), r.getObject(1, LocalDateTime.class),
          "the test connections must speak America/Chicago");
    }
    storage.activity().append(Samples.entry(tenant, "e-1", T0, Visibility.INTERNAL_ONLY, ACME));
    assertEquals(1, count(dataSource(), "select count(*) from pk_activity_entry where tenant_id = '"
        + tenant.value() + "' and occurred_at = timestamp with time zone '2026-11-10 15:00:00.123456+00'"));
    assertEquals(T0, storage.activity().read(tenant, ActivityQuery.builder().build()).get(0).occurredAt());
  }

  @Test
  void instantsAreTruncatedToMicroseconds() {
    Instant nanos = Instant.parse("2026-11-10T15:00:00.123456789Z");
    storage.activity().append(Samples.entry(tenant, "e-1", nanos, Visibility.INTERNAL_ONLY, ACME));
    assertEquals(Instant.parse("2026-11-10T15:00:00.123456Z"),
        storage.activity().read(tenant, ActivityQuery.builder().build()).get(0).occurredAt());
  }

  // ---------------------------------------------------------------- directory

  @Test
  void directoryRoundTripsAndReplaces() {
    assertEquals(Optional.empty(), storage.directory().findTenant(tenant));
    Tenant t = Tenant.of(tenant, "Toni Catering", ZoneId.of("America/Chicago"));
    storage.directory().saveTenant(t);
    assertEquals(Optional.of(t), storage.directory().findTenant(tenant));
    Tenant renamed = Tenant.of(tenant, "Toni Catering & Events", ZoneId.of("Europe/Berlin"));
    storage.directory().saveTenant(renamed);
    assertEquals(Optional.of(renamed), storage.directory().findTenant(tenant));

    Partner full = Partner.builder().tenantId(tenant).partnerId(VENUE).name("Grand Hall \u05e9\u05dc\u05d5\u05dd")
        .kind(PartnerKind.VENUE).status(PartnerStatus.INACTIVE).tier("gold").region("Midwest")
        .ownerUserId(UserId.of("u-maya")).build();
    Partner bare = Partner.builder().tenantId(tenant).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build();
    Partner upper = Partner.builder().tenantId(tenant).partnerId(PartnerId.of("P-Zulu")).name("Zulu")
        .kind(PartnerKind.OTHER).build();
    storage.directory().savePartner(full);
    storage.directory().savePartner(bare);
    storage.directory().savePartner(upper);
    assertEquals(Optional.of(full), storage.directory().findPartner(tenant, VENUE));
    assertEquals(Optional.of(bare), storage.directory().findPartner(tenant, ACME));
    assertEquals(Optional.empty(), storage.directory().findPartner(tenant, PartnerId.of("p-none")));
    // ordered as Java orders the ids: "P-Zulu" < "p-acme" < "p-venue"
    assertEquals(List.of(upper, bare, full), storage.directory().listPartners(tenant));

    Partner changed = Partner.builder().from(full).name("Grand Hall").tier(Optional.empty()).build();
    storage.directory().savePartner(changed);
    assertEquals(Optional.of(changed), storage.directory().findPartner(tenant, VENUE));
    assertEquals(3, storage.directory().listPartners(tenant).size());
  }

  // ---------------------------------------------------------------- grants

  @Test
  void grantsRoundTripExactly() {
    AccessGrant full = Samples.grant(tenant, "g-1");
    AccessGrant bare = Samples.bareGrant(tenant, "g-2", ACME);
    storage.grants().insert(full);
    storage.grants().insert(bare);
    assertEquals(Optional.of(full), storage.grants().find(tenant, full.grantId()));
    assertEquals(Optional.of(bare), storage.grants().find(tenant, bare.grantId()));
    assertEquals(Optional.empty(), storage.grants().find(tenant, GrantId.of("g-none")));
    AccessGrant principal = ImmutableAccessGrant.copyOf(Samples.bareGrant(tenant, "g-3", ACME)).withIntegrationPrincipal(
        dev.partnerkit.domain.IntegrationPrincipalId.of("ip-acme-sync"));
    storage.grants().insert(principal);
    assertEquals(Optional.of(principal), storage.grants().find(tenant, principal.grantId()));
  }

  @Test
  void grantsAreFoundByPartnerInGrantIdOrder() {
    storage.grants().insert(Samples.bareGrant(tenant, "g-b", ACME));
    storage.grants().insert(Samples.bareGrant(tenant, "G-z", ACME));
    storage.grants().insert(Samples.bareGrant(tenant, "g-a", ACME));
    storage.grants().insert(Samples.bareGrant(tenant, "g-c", VENUE));
    List<String> ids = new ArrayList<>();
    storage.grants().findByPartner(tenant, ACME).forEach(g -> ids.add(g.grantId().value()));
    assertEquals(List.of("G-z", "g-a", "g-b"), ids);
    assertEquals(1, storage.grants().findByPartner(tenant, VENUE).size());
    assertEquals(List.of(), storage.grants().findByPartner(tenant, PartnerId.of("p-none")));
    assertEquals(4, storage.grants().count(tenant));
  }

  @Test
  void grantUpdatesAreOptimistic() {
    AccessGrant v0 = Samples.grant(tenant, "g-1");
    storage.grants().insert(v0);
    AccessGrant v1 = v0.moveTo(GrantStatus.SUSPENDED);
    storage.grants().update(v1);
    assertEquals(Optional.of(v1), storage.grants().find(tenant, v0.grantId()));

    VersionConflictException stale = assertThrows(VersionConflictException.class, () -> storage.grants().update(v1));
    assertConflict(stale, "access_grant", "g-1", 0);
    assertEquals(Optional.of(v1), storage.grants().find(tenant, v0.grantId()));

    AccessGrant missing = ImmutableAccessGrant.copyOf(Samples.grant(tenant, "g-none")).withVersion(3);
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.grants().update(missing)),
        "access_grant", "g-none", 2);
  }

  @Test
  void duplicateGrantInsertsConflictAndChangeNothing() {
    AccessGrant v0 = Samples.grant(tenant, "g-1");
    storage.grants().insert(v0);
    AccessGrant other = Samples.bareGrant(tenant, "g-1", VENUE);
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.grants().insert(other)),
        "access_grant", "g-1", -1);
    assertEquals(Optional.of(v0), storage.grants().find(tenant, v0.grantId()));
    assertThrows(VersionConflictException.class,
        () -> storage.grants().insert(ImmutableAccessGrant.copyOf(v0).withGrantId(GrantId.of("g-9")).withVersion(1)));
    assertEquals(1, storage.grants().count(tenant));
  }

  // ---------------------------------------------------------------- records (more in JdbcRecordStoreTest)

  @Test
  void recordsAreStoredThroughTheStorage() {
    storage.records().insert(Samples.task(tenant, "t-1"));
    assertEquals(1, taskCount(tenant));
    assertEquals(Samples.task(tenant, "t-1").placement(),
        storage.records().find(tenant, RecordRef.of(Samples.TASK, "t-1")).orElseThrow().placement());
  }

  // ---------------------------------------------------------------- entitlements

  @Test
  void entitlementsAreVersioned() {
    assertEquals(Optional.empty(), storage.entitlements().find(tenant, OCCASION));
    OccasionEntitlements v0 = Samples.entitlements(tenant, OCCASION, 0, "feature.multi_user_support", "plan.pro");
    storage.entitlements().save(v0);
    assertEquals(Optional.of(v0), storage.entitlements().find(tenant, OCCASION));
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.entitlements().save(v0)),
        "occasion_entitlements", OCCASION.value(), -1);

    OccasionEntitlements v1 = Samples.entitlements(tenant, OCCASION, 1);
    storage.entitlements().save(v1);
    assertEquals(Optional.of(v1), storage.entitlements().find(tenant, OCCASION));
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.entitlements().save(v1)),
        "occasion_entitlements", OCCASION.value(), 0);
    assertConflict(assertThrows(VersionConflictException.class,
        () -> storage.entitlements().save(Samples.entitlements(tenant, OTHER_OCCASION, 5))),
        "occasion_entitlements", OTHER_OCCASION.value(), 4);
    assertEquals(Optional.empty(), storage.entitlements().find(tenant, OTHER_OCCASION));
  }

  // ---------------------------------------------------------------- activity

  @Test
  void activityIsOrderedFilteredAndKeysetPaged() {
    // three entries share one instant: the entry id breaks the tie
    List<ActivityEntry> all = List.of(
        Samples.entry(tenant, "e-1", T0, Visibility.PARTNER_VISIBLE, ACME),
        Samples.entry(tenant, "e-2", T0.plusSeconds(1), Visibility.INTERNAL_ONLY, ACME),
        Samples.entry(tenant, "e-3a", T0.plusSeconds(2), Visibility.PARTNER_VISIBLE, VENUE),
        Samples.entry(tenant, "e-3b", T0.plusSeconds(2), Visibility.PARTNER_VISIBLE, ACME),
        Samples.entry(tenant, "e-3c", T0.plusSeconds(2), Visibility.PARTNER_VISIBLE, ACME),
        Samples.entry(tenant, "e-4", T0.plusSeconds(3), Visibility.PARTNER_VISIBLE, ACME),
        ActivityEntry.builder().from(Samples.entry(tenant, "e-5", T0.plusSeconds(4), Visibility.PARTNER_VISIBLE,
            ACME)).occasionId(OTHER_OCCASION).partnerId(Optional.empty()).eventId(Optional.empty()).resourceId(Optional.empty())
            .record(Optional.empty()).eventType("grant.suspended").build());
    for (int i = all.size() - 1; i >= 0; i--) {
      storage.activity().append(all.get(i));
    }
    ActivityQuery everything = ActivityQuery.builder().limit(2).build();
    assertEquals(all, readAllPages(everything));
    assertEquals(7, storage.activity().count(tenant, everything));
    assertEquals(7, storage.activity().count(tenant, after(everything, all.get(3))));
    assertEquals(all.subList(4, 6), storage.activity().read(tenant, after(everything, all.get(3))));

    ActivityQuery occasion = ActivityQuery.builder().occasionId(OCCASION).limit(4).build();
    assertEquals(all.subList(0, 6), readAllPages(occasion));
    assertEquals(6, storage.activity().count(tenant, occasion));

    ActivityQuery acmePortal = ActivityQuery.builder().partnerView(ACME).limit(1).build();
    List<ActivityEntry> acme = List.of(all.get(0), all.get(3), all.get(4), all.get(5));
    assertEquals(acme, readAllPages(acmePortal));
    assertEquals(4, storage.activity().count(tenant, acmePortal));
    assertEquals(List.of(all.get(2)), storage.activity().read(tenant, ActivityQuery.builder().partnerView(VENUE)
        .occasionId(OCCASION).build()));

    assertConflict(assertThrows(VersionConflictException.class, () -> storage.activity().append(all.get(0))),
        "activity_entry", "e-1", -1);
  }

  private List<ActivityEntry> readAllPages(ActivityQuery first) {
    List<ActivityEntry> seen = new ArrayList<>();
    ActivityQuery query = first;
    for (int pages = 0; pages < 20; pages++) {
      List<ActivityEntry> page = storage.activity().read(tenant, query);
      assertTrue(page.size() <= first.limit());
      if (page.isEmpty()) {
        return seen;
      }
      seen.addAll(page);
      query = after(query, page.get(page.size() - 1));
    }
    throw new AssertionError("paging did not end");
  }

  /**
   * The page after {@code last}. Not {@link ActivityQuery#after}: in the SPI as it stands, that method sets the two
   * cursor fields one {@code with*} call at a time, and the first call already fails the "given together" check
   * whenever the query has no cursor yet.
   */
  private static ActivityQuery after(ActivityQuery query, ActivityEntry last) {
    return ImmutableActivityQuery.builder().from(query).afterOccurredAt(last.occurredAt()).afterEntryId(last.entryId())
        .build();
  }

  // ---------------------------------------------------------------- decisions

  @Test
  void decisionsKeepEveryFieldAndComeNewestFirst() {
    DecisionRecord a = Samples.allowed(tenant, "d-1", T0);
    DecisionRecord b = Samples.blocked(tenant, "d-2", T0.plusSeconds(5));
    DecisionRecord c = Samples.blocked(tenant, "d-3", T0.plusSeconds(5));
    storage.decisions().append(a);
    storage.decisions().append(b);
    storage.decisions().append(c);
    assertEquals(List.of(c, b, a), storage.decisions().recent(tenant, 10));
    assertEquals(List.of(c, b), storage.decisions().recent(tenant, 2));
    assertEquals(3, storage.decisions().count(tenant));
    assertEquals(1, storage.decisions().count(tenant, true));
    assertEquals(2, storage.decisions().count(tenant, false));
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.decisions().append(a)),
        "decision_record", "d-1", -1);
    assertThrows(InvalidValueException.class, () -> storage.decisions().recent(tenant, 0));
  }

  // ---------------------------------------------------------------- outbox

  @Test
  void outboxClaimsOldestFirstAndPublishesOnce() {
    OutboxEvent e1 = Samples.event(tenant, "ev-1", T0);
    OutboxEvent e2 = Samples.event(tenant, "ev-2", T0.plusSeconds(1));
    OutboxEvent e0 = Samples.event(tenant, "ev-0", T0.plusSeconds(1));
    OutboxEvent e3 = Samples.event(tenant, "ev-3", T0.plusSeconds(2));
    for (OutboxEvent e : List.of(e3, e2, e1, e0)) {
      storage.outbox().append(e);
    }
    assertEquals(4, storage.outbox().countPending(tenant));
    List<OutboxEvent> claimed = storage.unitOfWork().inTransaction(() -> storage.outbox().claimPending(tenant, 3));
    assertEquals(List.of(e1, e0, e2), claimed);

    Instant published = T0.plusSeconds(60);
    storage.unitOfWork().inTransaction(() -> {
      for (OutboxEvent e : storage.outbox().claimPending(tenant, 2)) {
        storage.outbox().markPublished(tenant, e.eventId(), published);
      }
      return null;
    });
    assertEquals(2, storage.outbox().countPending(tenant));
    assertEquals(List.of(e2, e3), storage.outbox().claimPending(tenant, 10));
    assertConflict(assertThrows(VersionConflictException.class,
        () -> storage.outbox().markPublished(tenant, "ev-1", published)), "outbox_event", "ev-1", 0);
    assertConflict(assertThrows(VersionConflictException.class,
        () -> storage.outbox().markPublished(tenant, "ev-none", published)), "outbox_event", "ev-none", 0);
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.outbox().append(e1)),
        "outbox_event", "ev-1", -1);
    OutboxEvent alreadyPublished = OutboxEvent.builder().from(Samples.event(tenant, "ev-9", T0))
        .publishedAt(published).build();
    storage.outbox().append(alreadyPublished);
    assertEquals(2, storage.outbox().countPending(tenant));
    assertThrows(InvalidValueException.class, () -> storage.outbox().claimPending(tenant, 0));
  }

  // ---------------------------------------------------------------- idempotency

  @Test
  void idempotencyKeysAreClaimedThenCompletedOncePerActorAndTenant() {
    IdempotencyRecord claim = Samples.claim(tenant, "cmd-1");
    String dana = claim.actorKey();
    storage.idempotency().claim(claim);
    assertEquals(Optional.of(claim), storage.idempotency().find(tenant, dana, "cmd-1"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenant, dana, "cmd-2"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenant, Samples.MAYA_KEY, "cmd-1"));
    IdempotencyRecord retry = IdempotencyRecord.builder().from(claim).fingerprint("sha256-other").build();
    assertConflict(assertThrows(VersionConflictException.class, () -> storage.idempotency().claim(retry)),
        "idempotency_record", "cmd-1", -1);
    assertEquals(Optional.of(claim), storage.idempotency().find(tenant, dana, "cmd-1"));

    storage.idempotency().complete(tenant, dana, "cmd-1", "{\"status\":\"moved\"}");
    IdempotencyRecord completed = IdempotencyRecord.builder().from(claim).outcome("{\"status\":\"moved\"}").build();
    assertEquals(Optional.of(completed), storage.idempotency().find(tenant, dana, "cmd-1"));
    assertConflict(assertThrows(VersionConflictException.class,
        () -> storage.idempotency().complete(tenant, dana, "cmd-1", "{}")), "idempotency_record", "cmd-1", 0);
    assertConflict(assertThrows(VersionConflictException.class,
        () -> storage.idempotency().complete(tenant, dana, "cmd-none", "{}")), "idempotency_record", "cmd-none", 0);
    assertEquals(Optional.of(completed), storage.idempotency().find(tenant, dana, "cmd-1"));
    assertThrows(InvalidValueException.class, () -> storage.idempotency().claim(completed));
    assertThrows(InvalidValueException.class, () -> storage.idempotency().complete(tenant, dana, "cmd-1", null));

    // the same key is another actor's own key, and another tenant's
    IdempotencyRecord maya = IdempotencyRecord.builder().from(claim).actorKey(Samples.MAYA_KEY).build();
    storage.idempotency().claim(maya);
    assertEquals(Optional.of(maya), storage.idempotency().find(tenant, Samples.MAYA_KEY, "cmd-1"));
    TenantId other = Samples.freshTenant();
    IdempotencyRecord elsewhere = IdempotencyRecord.builder().from(claim).tenantId(other).build();
    storage.idempotency().claim(elsewhere);
    assertEquals(Optional.of(elsewhere), storage.idempotency().find(other, dana, "cmd-1"));
    assertEquals(Optional.of(completed), storage.idempotency().find(tenant, dana, "cmd-1"));
  }

  @Test
  void aClaimInsideAUnitOfWorkIsSeenWithoutOutcomeThenWithIt() {
    IdempotencyRecord claim = Samples.claim(tenant, "cmd-1");
    storage.unitOfWork().inTransaction(() -> {
      storage.idempotency().claim(claim);
      assertEquals(Optional.empty(), storage.idempotency().find(tenant, claim.actorKey(), "cmd-1").orElseThrow()
          .outcome());
      assertThrows(VersionConflictException.class, () -> storage.idempotency().claim(claim));
      storage.idempotency().complete(tenant, claim.actorKey(), "cmd-1", "{\"ok\":true}");
      return null;
    });
    assertEquals(Optional.of("{\"ok\":true}"),
        storage.idempotency().find(tenant, claim.actorKey(), "cmd-1").orElseThrow().outcome());
  }

  // ---------------------------------------------------------------- tenant isolation

  @Test
  void tenantsNeverSeeEachOther() {
    TenantId other = Samples.freshTenant();
    writeOneOfEach(tenant, "x");
    assertEquals(0, rowsOf(other));
    assertEquals(Optional.empty(), storage.directory().findTenant(other));
    assertEquals(Optional.empty(), storage.directory().findPartner(other, ACME));
    assertEquals(List.of(), storage.directory().listPartners(other));
    assertEquals(Optional.empty(), storage.grants().find(other, GrantId.of("g-x")));
    assertEquals(List.of(), storage.grants().findByPartner(other, ACME));
    assertEquals(0, storage.grants().count(other));
    assertEquals(Optional.empty(), storage.records().find(other, RecordRef.of(Samples.TASK, "t-x")));
    assertEquals(List.of(), storage.records().list(other, RecordQuery.of(Samples.TASK, OCCASION).build()));
    assertEquals(0, taskCount(other));
    assertEquals(Optional.empty(), storage.entitlements().find(other, OCCASION));
    assertEquals(List.of(), storage.activity().read(other, ActivityQuery.builder().build()));
    assertEquals(0, storage.activity().count(other, ActivityQuery.builder().build()));
    assertEquals(List.of(), storage.decisions().recent(other, 10));
    assertEquals(0, storage.decisions().count(other));
    assertEquals(List.of(), storage.outbox().claimPending(other, 10));
    assertEquals(0, storage.outbox().countPending(other));
    assertEquals(Optional.empty(), storage.idempotency().find(other, Samples.claim(other, "k-x").actorKey(), "k-x"));

    // the same ids in another tenant are no conflict, and updates never cross tenants
    writeOneOfEach(other, "x");
    assertEquals(rowsOf(tenant), rowsOf(other));
    AccessGrant foreign = ImmutableAccessGrant.copyOf(Samples.grant(Samples.freshTenant(), "g-x")).withVersion(1);
    assertThrows(VersionConflictException.class, () -> storage.grants().update(foreign));
    assertConflict(assertThrows(VersionConflictException.class,
        () -> storage.outbox().markPublished(Samples.freshTenant(), "ev-x", T0)), "outbox_event", "ev-x", 0);
  }

  // ---------------------------------------------------------------- unit of work

  @Test
  void unitOfWorkCommitsOnReturn() {
    String result = storage.unitOfWork().inTransaction(() -> {
      writeOneOfEach(tenant, "x");
      return "done";
    });
    assertEquals("done", result);
    assertEquals(10, rowsOf(tenant));
  }

  @Test
  void unitOfWorkRollsBackOnAnyThrowableAndRethrowsItUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertSame(boom, assertThrows(IllegalStateException.class, () -> storage.unitOfWork().inTransaction(() -> {
      writeOneOfEach(tenant, "x");
      throw boom;
    })));
    assertEquals(0, rowsOf(tenant));

    AssertionError error = new AssertionError("an error, not an exception");
    assertSame(error, assertThrows(AssertionError.class, () -> storage.unitOfWork().inTransaction(() -> {
      writeOneOfEach(tenant, "x");
      throw error;
    })));
    assertEquals(0, rowsOf(tenant));

    VersionConflictException conflict = assertThrows(VersionConflictException.class,
        () -> storage.unitOfWork().inTransaction(() -> {
          storage.grants().insert(Samples.grant(tenant, "g-1"));
          storage.grants().insert(Samples.grant(tenant, "g-1"));
          return null;
        }));
    assertConflict(conflict, "access_grant", "g-1", -1);
    assertEquals(0, rowsOf(tenant));
  }

  @Test
  void nestedUnitsOfWorkJoinTheOuterOne() {
    assertThrows(IllegalStateException.class, () -> storage.unitOfWork().inTransaction(() -> {
      int inner = storage.unitOfWork().inTransaction(() -> {
        storage.grants().insert(Samples.grant(tenant, "g-1"));
        return 42;
      });
      assertEquals(42, inner);
      // the outer unit of work sees the inner write; nothing is committed yet
      assertEquals(1, storage.grants().count(tenant));
      throw new IllegalStateException("outer fails");
    }));
    assertEquals(0, rowsOf(tenant));

    storage.unitOfWork().inTransaction(() -> storage.unitOfWork().inTransaction(() -> {
      storage.records().insert(Samples.task(tenant, "t-1"));
      return null;
    }));
    assertEquals(1, taskCount(tenant));
  }

  @Test
  void aConflictInsideAUnitOfWorkLeavesItUsable() {
    storage.grants().insert(Samples.grant(tenant, "g-1"));
    storage.unitOfWork().inTransaction(() -> {
      storage.records().insert(Samples.task(tenant, "t-1"));
      assertThrows(VersionConflictException.class, () -> storage.grants().insert(Samples.grant(tenant, "g-1")));
      AccessGrant v0 = storage.grants().find(tenant, GrantId.of("g-1")).orElseThrow();
      assertThrows(VersionConflictException.class, () -> storage.grants().update(v0));
      storage.grants().update(v0.moveTo(GrantStatus.SUSPENDED));
      return null;
    });
    assertEquals(GrantStatus.SUSPENDED, storage.grants().find(tenant, GrantId.of("g-1")).orElseThrow().status());
    assertEquals(1, taskCount(tenant));
  }

  @Test
  void unitsOfWorkOfOtherStorageInstancesAreSeparate() {
    PartnerkitStorage second = JdbcStorage.builder(dataSource()).build();
    storage.unitOfWork().inTransaction(() -> {
      storage.grants().insert(Samples.grant(tenant, "g-1"));
      // another storage instance does not join this thread's unit of work of the first one
      assertEquals(0, second.grants().count(tenant));
      return null;
    });
    assertEquals(1, second.grants().count(tenant));
  }

  @Test
  void connectionsAreAlwaysReturnedWithAutoCommitRestored() {
    FailingDataSource counting = new FailingDataSource(dataSource(), 0, false);
    PartnerkitStorage s = JdbcStorage.builder(counting).build();
    writeOneOfEach(s, tenant, "x");
    s.grants().find(tenant, GrantId.of("g-x"));
    assertThrows(VersionConflictException.class, () -> s.grants().insert(Samples.grant(tenant, "g-x")));
    assertThrows(IllegalStateException.class, () -> s.unitOfWork().inTransaction(() -> {
      s.records().insert(Samples.task(tenant, "t-y"));
      throw new IllegalStateException("x");
    }));
    s.unitOfWork().inTransaction(() -> s.outbox().claimPending(tenant, 5));
    assertEquals(0, counting.open());
    assertEquals(0, counting.closedWithoutAutoCommit());
  }

  // ---------------------------------------------------------------- fault injection

  @Test
  void aFailureAtAnyStatementOfAUnitOfWorkLeavesNoRows() {
    FailingDataSource counting = new FailingDataSource(dataSource(), 0, false);
    TenantId probe = Samples.freshTenant();
    writeSeveral(JdbcStorage.builder(counting).dialect(expectedDialect()).build(), probe);
    int total = counting.executed();
    assertEquals(7, total, "grant + record + activity + decision + outbox + idempotency inserts and one update");
    assertEquals(6, rowsOf(probe));

    for (int n = 1; n <= total; n++) {
      TenantId t = Samples.freshTenant();
      FailingDataSource failing = new FailingDataSource(dataSource(), n, false);
      PartnerkitStorage s = JdbcStorage.builder(failing).dialect(expectedDialect()).build();
      int failAt = n;
      JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> writeSeveral(s, t),
          "statement " + failAt);
      assertTrue(e.getCause().getMessage().contains("injected failure at statement " + n), e::getMessage);
      assertEquals(0, rowsOf(t), "rows left after a failure at statement " + n);
      assertEquals(0, failing.open());
      assertEquals(0, failing.closedWithoutAutoCommit());
    }

    TenantId t = Samples.freshTenant();
    FailingDataSource commitFails = new FailingDataSource(dataSource(), 0, true);
    JdbcStorageException e = assertThrows(JdbcStorageException.class,
        () -> writeSeveral(JdbcStorage.builder(commitFails).dialect(expectedDialect()).build(), t));
    assertInstanceOf(SQLException.class, e.getCause());
    assertEquals(0, rowsOf(t));
    assertEquals(0, commitFails.open());
  }

  @Test
  void aUnitOfWorkThatSwallowsADatabaseFailureRollsBackInsteadOfCommitting() {
    for (int failAt : new int[] {2, 3}) {
      TenantId t = Samples.freshTenant();
      FailingDataSource failing = new FailingDataSource(dataSource(), failAt, false);
      PartnerkitStorage s = JdbcStorage.builder(failing).dialect(expectedDialect()).build();
      JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> s.unitOfWork().inTransaction(() -> {
        AccessGrant grant = Samples.grant(t, "g-1");
        s.grants().insert(grant); // statement 1
        try {
          s.records().insert(Samples.task(t, "t-1")); // statement 2, under a savepoint
          s.grants().update(grant.moveTo(GrantStatus.SUSPENDED)); // statement 3, no savepoint
        } catch (JdbcStorageException swallowed) {
          // the work goes on as if nothing happened
        }
        return "returned normally";
      }));
      assertTrue(e.getMessage().contains("rolled back"), e::getMessage);
      assertTrue(e.getCause().getMessage().contains("injected failure at statement " + failAt), e::getMessage);
      assertEquals(0, rowsOf(t));
      assertEquals(0, failing.open());
    }
  }

  private static void writeSeveral(PartnerkitStorage s, TenantId t) {
    s.unitOfWork().inTransaction(() -> {
      AccessGrant grant = Samples.grant(t, "g-1");
      s.grants().insert(grant);
      s.records().insert(Samples.task(t, "t-1"));
      s.activity().append(Samples.entry(t, "e-1", T0, Visibility.PARTNER_VISIBLE, ACME));
      s.decisions().append(Samples.allowed(t, "d-1", T0));
      s.outbox().append(Samples.event(t, "ev-1", T0));
      s.idempotency().claim(Samples.claim(t, "cmd-1"));
      s.grants().update(grant.moveTo(GrantStatus.SUSPENDED));
      return null;
    });
  }

  // ---------------------------------------------------------------- helpers

  private void writeOneOfEach(TenantId t, String suffix) {
    writeOneOfEach(storage, t, suffix);
  }

  private static void writeOneOfEach(PartnerkitStorage s, TenantId t, String suffix) {
    s.directory().saveTenant(Tenant.of(t, "Tenant " + suffix, ZoneId.of("UTC")));
    s.directory().savePartner(Partner.builder().tenantId(t).partnerId(ACME).name("Acme")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    s.grants().insert(Samples.grant(t, "g-" + suffix));
    s.records().insert(Samples.task(t, "t-" + suffix));
    s.entitlements().save(Samples.entitlements(t, OCCASION, 0, "plan.pro"));
    s.activity().append(Samples.entry(t, "e-" + suffix, T0, Visibility.PARTNER_VISIBLE, ACME));
    s.decisions().append(Samples.allowed(t, "d-" + suffix, T0));
    s.outbox().append(Samples.event(t, "ev-" + suffix, T0));
    s.idempotency().claim(Samples.claim(t, "k-" + suffix));
    s.records().link(RecordLink.builder().tenantId(t).from(RecordRef.of(Samples.TASK, "t-" + suffix))
        .relation("depends_on").to(RecordRef.of(Samples.TASK, "t-0")).createdAt(T0).build());
  }

  /** @return how many task records the tenant has in {@code OCCASION} */
  private long taskCount(TenantId t) {
    return storage.records().countByStatus(t, RecordQuery.of(Samples.TASK, OCCASION).build()).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /** @return the tenant's rows over every table, read directly */
  protected long rowsOf(TenantId t) {
    long rows = 0;
    for (String table : TABLES) {
      rows += count(dataSource(), "select count(*) from " + table + " where tenant_id = '" + t.value() + "'");
    }
    return rows;
  }

  static long count(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertConflict(VersionConflictException e, String type, String id, long expected) {
    assertEquals(type, e.recordType());
    assertEquals(id, e.recordId());
    assertEquals(expected, e.expectedVersion());
  }
}
