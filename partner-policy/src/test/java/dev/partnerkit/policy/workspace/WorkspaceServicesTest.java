package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.GALA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VENUE;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VERA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.policy.surface.tasks.TaskBody;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The workspace services' own logic: what they load, check, journal and return around each decision. */
class WorkspaceServicesTest {
  private final Counting counting = new Counting(InMemoryStorage.create());
  private final WorkspaceWorld w = new WorkspaceWorld(counting.storage);

  // ---------------------------------------------------------------- loading facts and journaling

  @Test
  void aCommandOrReadLoadsItsFactsOncePerUnitOfWorkAndPrerequisitesOnlyWhenNeeded() {
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, RECEPTION);
    PartnerSession dana = w.session(DANA);
    counting.reset();
    assertTrue(dana.tasks().move(w.key(), task, TaskStatus.IN_PROGRESS).applied());
    assertEquals(1, counting.calls("accessFacts"), "gate, visibility and decision share one load");
    assertEquals(0, counting.calls("links"), "moving to in_progress needs no prerequisite closed");
    counting.reset();
    assertTrue(dana.tasks().move(w.key(), task, TaskStatus.SUBMITTED).applied());
    assertEquals(1, counting.calls("links"), "submitting needs the prerequisites");
    counting.reset();
    assertEquals(1, dana.records().get(Tasks.TYPE, task.value()).items().size());
    assertEquals(1, counting.calls("accessFacts"));
    counting.reset();
    assertEquals(1, dana.tasks().get(task).items().size());
    assertEquals(2, counting.calls("accessFacts"), "a task view reads its dependency links in a unit of work of"
        + " its own");
    counting.reset();
    dana.records().list(Tasks.TYPE, RecordQuery.of(Tasks.TYPE.wireName(), WEDDING).build());
    dana.records().list(Tasks.TYPE, RecordQuery.of(Tasks.TYPE.wireName(), WEDDING).build());
    assertEquals(2, counting.calls("accessFacts"), "each unit of work loads its own facts");
  }

  @Test
  void readsAndSessionOpeningsWriteTheirDecisionRow() {
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, RECEPTION);
    long before = w.storage.decisions().count(TENANT);
    PartnerSession dana = w.session(DANA);
    assertEquals(before + 1, w.storage.decisions().count(TENANT), "opening a session is logged");
    PartnerSessionOpening refused = w.opening(VERA, WEDDING);
    assertTrue(refused.session().isEmpty());
    assertEquals(ReasonCode.NO_GRANT, refused.decision().reason());
    assertEquals(before + 2, w.storage.decisions().count(TENANT), "a refused opening is logged too");
    w.clock.set(java.time.Instant.parse("2026-11-05T16:00:00Z"));
    dana.tasks().get(task);
    assertEquals(before + 3, w.storage.decisions().count(TENANT));
    DecisionRecord last = w.ops.recentDecisions(1).get(0);
    assertEquals(IntentKind.VIEW, last.intent());
    assertEquals(Optional.empty(), last.commandKey());
    assertEquals(1, w.ops.recentDecisions(1).size());
    assertTrue(w.ops.recentDecisions(500).size() > 3);
    assertThrows(InvalidValueException.class, () -> w.ops.recentDecisions(0));
    assertThrows(InvalidValueException.class, () -> w.ops.recentDecisions(1001));
    assertThrows(InvalidValueException.class, () -> w.ops.recentDecisions(-1));
  }

  @Test
  void aCommandResultSaysWhetherItsChangeWasApplied() {
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, RECEPTION);
    PartnerSession dana = w.session(DANA);
    CommandResult moved = dana.tasks().move(w.key(), task, TaskStatus.IN_PROGRESS);
    assertTrue(moved.applied());
    assertEquals(Optional.of(task.value()), moved.recordId());
    CommandResult refused = dana.tasks().move(w.key(), task, TaskStatus.APPROVED);
    assertFalse(refused.applied());
    assertEquals(Optional.empty(), refused.recordId());
    long journaled = w.storage.decisions().count(TENANT, false);
    assertTrue(journaled >= 1);
  }

  // ---------------------------------------------------------------- links

  @Test
  void linksAreCheckedMadeListedAndRemoved() {
    TaskId first = w.task(ACME, RECEPTION);
    TaskId second = w.task(ACME, RECEPTION);
    RecordCommands ops = w.ops.records();
    RecordRef firstRef = Tasks.TYPE.ref(first.value());
    CommandResult linked = ops.link(w.key(), Tasks.TYPE, second.value(), Tasks.DEPENDS_ON, firstRef);
    assertTrue(linked.applied(), linked.decision().render());
    assertEquals(List.of(firstRef), ops.links(Tasks.TYPE, second.value(), Optional.empty()).stream()
        .map(l -> l.to()).toList());
    assertEquals(1, ops.links(Tasks.TYPE, second.value(), Optional.of(Tasks.DEPENDS_ON)).size());
    assertThrows(InvalidValueException.class, () -> ops.link(w.key(), Tasks.TYPE, second.value(), "blocks", firstRef));
    assertThrows(RecordNotFoundException.class, () -> ops.link(w.key(), Tasks.TYPE, second.value(), Tasks.DEPENDS_ON,
        Tasks.TYPE.ref("t-none")));
    assertThrows(RecordNotFoundException.class, () -> ops.link(w.key(), Tasks.TYPE, "t-none", Tasks.DEPENDS_ON,
        firstRef));
    assertTrue(ops.link(w.key(), Tasks.TYPE, second.value(), Tasks.DEPENDS_ON, RecordRef.of("job", "j-7")).applied(),
        "a host entity is taken as named");
    long activity = w.activityCount();
    CommandResult unlinked = ops.unlink(w.key(), Tasks.TYPE, second.value(), Tasks.DEPENDS_ON, firstRef);
    assertTrue(unlinked.applied());
    assertEquals(activity + 1, w.activityCount());
    assertEquals(List.of(RecordRef.of("job", "j-7")), ops.links(Tasks.TYPE, second.value(), Optional.empty())
        .stream().map(l -> l.to()).toList());
    assertTrue(ops.unlink(w.key(), Tasks.TYPE, second.value(), Tasks.DEPENDS_ON, firstRef).applied(),
        "removing a link that is not there changes nothing but the journal");
    List<ActivityEntry> entries = w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items();
    assertEquals(2, entries.stream().filter(e -> e.eventType().equals("partner_task.unlinked")
        && e.summary().contains("unlinked task 'Deliver linen' from partner task")).count());
    assertEquals(2, entries.stream().filter(e -> e.eventType().equals("partner_task.linked")
        && e.summary().contains("linked task 'Deliver linen' to ")).count());

    w.wideGrant(ACME);
    CommandResult partnerLink = w.session(DANA).records().link(w.key(), Tasks.TYPE, second.value(),
        Tasks.DEPENDS_ON, firstRef);
    assertFalse(partnerLink.applied());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, partnerLink.decision().reason());
    assertThrows(RecordNotFoundException.class, () -> w.session(DANA).records().links(Tasks.TYPE, "t-none",
        Optional.empty()));
  }

  // ---------------------------------------------------------------- revisions and transitions

  @Test
  void aRevisionReplacesTheBodyAndMayMoveTheRecordToAnotherPartner() {
    TaskId task = w.task(ACME, RECEPTION);
    RecordCommands ops = w.ops.records();
    TaskBody body = TaskBody.builder().title("Deliver linen and napkins").build();
    CommandResult revised = ops.revise(w.key(), Tasks.TYPE, task.value(), body, 0L);
    assertTrue(revised.applied(), revised.decision().render());
    assertEquals(Optional.of(1L), revised.recordVersion());
    TypedRecord<TaskBody, TaskStatus> now = ops.get(Tasks.TYPE, task.value()).items().get(0);
    assertEquals("Deliver linen and napkins", now.body().title());
    assertEquals(Optional.of(ACME), now.placement().partnerId());
    assertThrows(VersionConflictException.class, () -> ops.revise(w.key(), Tasks.TYPE, task.value(), body, 0L));
    assertThrows(InvalidValueException.class, () -> ops.revise(w.key(), Tasks.TYPE, task.value(), body, -1L));
    CommandResult moved = ops.revise(w.key(), Tasks.TYPE, task.value(), b -> b, Map.of("partner", "venue"),
        Optional.of(VENUE), null);
    assertTrue(moved.applied());
    TypedRecord<TaskBody, TaskStatus> atVenue = ops.get(Tasks.TYPE, task.value()).items().get(0);
    assertEquals(Optional.of(VENUE), atVenue.placement().partnerId());
    List<ActivityEntry> entries = w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items();
    assertEquals(1, entries.stream().filter(e -> e.summary().contains("and moved it to partner p-venue")).count());
    assertEquals(1, entries.stream().filter(e -> e.summary().endsWith("revised task 'Deliver linen and napkins'."))
        .count());
    w.wideGrant(ACME);
    assertThrows(InvalidValueException.class, () -> w.session(DANA).records().revise(w.key(), Tasks.TYPE,
        task.value(), b -> b, Map.of(), Optional.of(ACME), null), "only operators move a record to another partner");
  }

  @Test
  void aTransitionComparesTheExpectedVersionAfterVisibility() {
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, RECEPTION);
    TaskId venues = w.task(VENUE, RECEPTION);
    PartnerSession dana = w.session(DANA);
    assertThrows(InvalidValueException.class, () -> dana.tasks().move(w.key(), task, TaskStatus.IN_PROGRESS, -1));
    assertThrows(VersionConflictException.class, () -> dana.tasks().move(w.key(), task, TaskStatus.IN_PROGRESS, 3));
    assertThrows(RecordNotFoundException.class, () -> dana.tasks().move(w.key(), venues, TaskStatus.IN_PROGRESS, 3),
        "not visible comes before stale");
    assertTrue(dana.tasks().move(w.key(), task, TaskStatus.IN_PROGRESS, 0).applied());
    TaskId dependent = w.task(ACME, RECEPTION, task);
    assertTrue(dana.tasks().move(w.key(), dependent, TaskStatus.IN_PROGRESS).applied());
    CommandResult early = dana.tasks().move(w.key(), dependent, TaskStatus.SUBMITTED);
    assertEquals(ReasonCode.PREREQUISITES_OPEN, early.decision().reason());
    assertTrue(dana.tasks().move(w.key(), task, TaskStatus.SUBMITTED).applied());
    assertTrue(w.ops.tasks().approve(w.key(), task).applied());
    assertTrue(dana.tasks().move(w.key(), dependent, TaskStatus.SUBMITTED).applied(), "its prerequisite is closed");
    List<ActivityEntry> entries = w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items();
    assertTrue(entries.stream().anyMatch(e -> e.summary().contains("from submitted to approved (approval is evidence;"
        + " job readiness unchanged)")));
    assertTrue(entries.stream().anyMatch(e -> e.summary().contains("from to do to in progress.")));
  }

  // ---------------------------------------------------------------- creating and listing

  @Test
  void aPartnerCreatesOnlyInItsSessionForItselfAndListsOnlyItsOccasion() {
    w.wideGrant(ACME);
    RecordCommands dana = w.session(DANA).records();
    TaskBody body = TaskBody.builder().title("Bring ladders").build();
    Placement forVenue = Placement.builder().occasionId(WEDDING).partnerId(VENUE).build();
    Placement atGala = Placement.builder().occasionId(GALA).partnerId(ACME).build();
    Placement none = Placement.builder().occasionId(WEDDING).build();
    for (Placement wrong : List.of(forVenue, atGala, none)) {
      assertThrows(InvalidValueException.class, () -> dana.create(w.key(), Tasks.TYPE, wrong,
          Visibility.PARTNER_VISIBLE, body, List.of()), wrong::toString);
    }
    CommandResult refused = dana.create(w.key(), Tasks.TYPE, Placement.builder().occasionId(WEDDING).partnerId(ACME)
        .build(), Visibility.PARTNER_VISIBLE, body, List.of());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, refused.decision().reason(), "only operators create tasks");
    assertThrows(InvalidValueException.class, () -> w.ops.records().create(w.key(), Tasks.TYPE, none,
        Visibility.PARTNER_VISIBLE, body, List.of(new RecordCommands.NewLink("blocks", RecordRef.of("job", "j")))));
    assertThrows(InvalidValueException.class, () -> dana.list(Tasks.TYPE, RecordQuery.of(Tasks.TYPE.wireName(), GALA)
        .build()));
    assertThrows(InvalidValueException.class, () -> dana.list(Tasks.TYPE, RecordQuery.of("field_note", WEDDING)
        .build()));
    CommandResult created = w.ops.records().create(w.key(), Tasks.TYPE, Placement.builder().occasionId(WEDDING)
        .partnerId(ACME).build(), Visibility.INTERNAL_ONLY, body, List.of());
    assertTrue(created.applied());
    assertEquals(0, dana.list(Tasks.TYPE, RecordQuery.of(Tasks.TYPE.wireName(), WEDDING).build()).items().size(),
        "an internal-only record is not the partner's to see");
    assertThrows(RecordNotFoundException.class, () -> dana.get(Tasks.TYPE, created.recordId().orElseThrow()));
  }

  @Test
  void listingsPageOnTheStoresRows() {
    w.wideGrant(ACME);
    for (int i = 0; i < 3; i++) {
      w.task(ACME, RECEPTION);
    }
    RecordCommands dana = w.session(DANA).records();
    ReadResult<TypedRecord<TaskBody, TaskStatus>> first = dana.list(Tasks.TYPE, RecordQuery.of(Tasks.TYPE.wireName(),
        WEDDING).limit(2).build());
    assertEquals(2, first.items().size());
    assertEquals(Optional.of(first.items().get(1).id()), first.nextCursor());
    ReadResult<TypedRecord<TaskBody, TaskStatus>> rest = dana.list(Tasks.TYPE, RecordQuery.of(Tasks.TYPE.wireName(),
        WEDDING).limit(2).afterId(first.nextCursor().orElseThrow()).build());
    assertEquals(1, rest.items().size());
    assertEquals(Optional.empty(), rest.nextCursor());
    assertEquals("ReadResult[allowed_by_grant, 1 items]", rest.toString());
    assertThrows(IllegalArgumentException.class, () -> rest.map(List.of()));
    assertEquals(List.of("x"), rest.map(List.of("x")).items());
    assertEquals(rest.nextCursor(), rest.map(List.of("x")).nextCursor());
    ReadResult<PartnerTask> tasks = w.session(DANA).tasks().list();
    assertEquals(3, tasks.items().size());
    ReadResult<TypedRecord<TaskBody, TaskStatus>> operators = w.ops.records().list(Tasks.TYPE,
        RecordQuery.of(Tasks.TYPE.wireName(), WEDDING).limit(3).build());
    assertEquals(3, operators.items().size());
    assertTrue(operators.nextCursor().isPresent(), "a full page may have more");
  }

  // ---------------------------------------------------------------- operator console

  @Test
  void notesNameTheirPartnerAndVisibility() {
    w.wideGrant(ACME);
    assertTrue(w.ops.addNote(w.key(), WEDDING, Optional.of(ACME), "Chairs arrive at nine", Visibility.PARTNER_VISIBLE)
        .applied());
    assertTrue(w.ops.addNote(w.key(), WEDDING, Optional.empty(), "Internal: check the invoice",
        Visibility.INTERNAL_ONLY).applied());
    List<ActivityEntry> all = w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items();
    ActivityEntry shared = all.stream().filter(e -> e.summary().equals("Chairs arrive at nine")).findFirst()
        .orElseThrow();
    ActivityEntry internal = all.stream().filter(e -> e.summary().startsWith("Internal")).findFirst().orElseThrow();
    assertEquals(Optional.of(ACME), shared.partnerId());
    assertEquals(Visibility.PARTNER_VISIBLE, shared.visibility());
    assertEquals(Optional.empty(), internal.partnerId());
    assertEquals(Visibility.INTERNAL_ONLY, internal.visibility());
    List<ActivityEntry> seen = w.session(DANA).activity(ActivityQuery.builder().limit(500).build()).items();
    assertTrue(seen.stream().anyMatch(e -> e.summary().equals("Chairs arrive at nine")));
    assertTrue(seen.stream().noneMatch(e -> e.summary().startsWith("Internal")));
  }

  @Test
  void grantsNeedAPartnerOfTheDirectoryAndEntitlementsSayWhetherVendorAccessIsOn() {
    assertThrows(dev.partnerkit.domain.RecordNotFoundException.class, () -> w.ops.issueGrant(w.key(), GrantDraft.builder()
        .partnerId(PartnerId.of("p-unknown")).scope(GrantScope.builder().occasionId(WEDDING)
            .addSurfaces(Surface.TASKS).build()).addCapabilities(PartnerCapability.MANAGE_TASK)
        .validFrom(WorkspaceWorld.FROM).build()));
    assertTrue(w.ops.setEntitlements(w.key(), GALA, Set.of()).applied());
    assertTrue(w.ops.setEntitlements(w.key(), GALA, Set.of(dev.partnerkit.domain.Entitlement.MULTI_USER_SUPPORT))
        .applied());
    List<ActivityEntry> gala = w.ops.activity(GALA, ActivityQuery.builder().limit(500).build()).items();
    assertEquals(1, gala.stream().filter(e -> e.summary().endsWith("vendor_access is now off.")).count());
    assertEquals(1, gala.stream().filter(e -> e.summary().endsWith("vendor_access is now on.")).count());
  }

  @Test
  void aRetryWithTheSameSetsInAnotherOrderIsTheSameCommand() {
    GrantDraft one = GrantDraft.builder().partnerId(ACME).scope(GrantScope.builder().occasionId(WEDDING)
            .addSurfaces(Surface.TASKS, Surface.ACTIVITY).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK, PartnerCapability.VIEW_ACTIVITY)
        .validFrom(WorkspaceWorld.FROM).build();
    GrantDraft reordered = GrantDraft.builder().partnerId(ACME).scope(GrantScope.builder().occasionId(WEDDING)
            .addSurfaces(Surface.ACTIVITY, Surface.TASKS).build())
        .addCapabilities(PartnerCapability.VIEW_ACTIVITY, PartnerCapability.MANAGE_TASK)
        .validFrom(WorkspaceWorld.FROM).build();
    CommandResult first = w.ops.issueGrant("k-grant", one);
    CommandResult again = w.ops.issueGrant("k-grant", reordered);
    assertFalse(first.replayed());
    assertTrue(again.replayed());
    assertEquals(first.recordId(), again.recordId());
    assertEquals(WorkspaceWorld.FROM.plusNanos(1000), GrantDraft.builder().from(one)
        .validFrom(WorkspaceWorld.FROM.plusNanos(1999)).build().validFrom(), "windows are kept in microseconds");
    assertEquals(Optional.of(WorkspaceWorld.UNTIL.plusNanos(1000)), GrantDraft.builder().from(one)
        .validUntil(WorkspaceWorld.UNTIL.plusNanos(1999)).build().validUntil());
    GrantDraft events = GrantDraft.builder().from(one).scope(GrantScope.builder().occasionId(WEDDING)
        .addSurfaces(Surface.TASKS).addEvents(RECEPTION, WorkspaceWorld.CEREMONY).build()).build();
    GrantDraft eventsReordered = GrantDraft.builder().from(one).scope(GrantScope.builder().occasionId(WEDDING)
        .addSurfaces(Surface.TASKS).addEvents(WorkspaceWorld.CEREMONY, RECEPTION).build()).build();
    assertFalse(w.ops.issueGrant("k-events", events).replayed());
    assertTrue(w.ops.issueGrant("k-events", eventsReordered).replayed(), "sets are compared sorted");
  }

  @Test
  void aKeyNamesOneCommandItsRecordAndItsExpectedVersion() {
    w.wideGrant(ACME);
    TaskId first = w.task(ACME, RECEPTION);
    TaskId second = w.task(ACME, RECEPTION);
    PartnerSession dana = w.session(DANA);
    assertTrue(dana.tasks().move("k-move", first, TaskStatus.IN_PROGRESS).applied());
    assertTrue(dana.tasks().move("k-move", first, TaskStatus.IN_PROGRESS).replayed());
    assertThrows(IdempotencyKeyReusedException.class, () -> dana.tasks().move("k-move", second,
        TaskStatus.IN_PROGRESS), "another record");
    assertThrows(IdempotencyKeyReusedException.class, () -> dana.tasks().move("k-move", first,
        TaskStatus.IN_PROGRESS, 0), "an expected version instead of any");
    TaskBody body = TaskBody.builder().title("Deliver linen").build();
    assertTrue(w.ops.records().revise("k-revise", Tasks.TYPE, second.value(), body, null).applied());
    assertThrows(IdempotencyKeyReusedException.class, () -> w.ops.records().revise("k-revise", Tasks.TYPE,
        second.value(), body, 1L));
  }

  @Test
  void aPartnersActivityShowsOnlyTheEventsItsGrantsCover() {
    w.grant(ACME, Set.of(RECEPTION), Set.of());
    TaskId here = w.task(ACME, RECEPTION);
    TaskId there = w.task(ACME, WorkspaceWorld.CEREMONY);
    assertTrue(w.ops.tasks().move(w.key(), here, TaskStatus.IN_PROGRESS).applied());
    assertTrue(w.ops.tasks().move(w.key(), there, TaskStatus.IN_PROGRESS).applied());
    List<ActivityEntry> seen = w.session(DANA).activity(ActivityQuery.builder().limit(500).build()).items();
    assertTrue(seen.stream().anyMatch(e -> e.record().map(r -> r.id().equals(here.value())).orElse(false)));
    assertTrue(seen.stream().noneMatch(e -> e.record().map(r -> r.id().equals(there.value())).orElse(false)),
        "the ceremony is outside Acme's grant");
  }

  @Test
  void aContributionOnOneArtifactNamesItInItsEvent() {
    CommandResult issued = w.ops.issueGrant(w.key(), GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.PROPOSAL_OPTIONS).build())
        .addCapabilities(PartnerCapability.RECOMMEND_PROPOSAL_OPTION).validFrom(WorkspaceWorld.FROM).build());
    assertTrue(w.ops.activateGrant(w.key(), dev.partnerkit.domain.GrantId.of(issued.recordId().orElseThrow()))
        .applied());
    PartnerSession dana = w.session(DANA);
    CommandResult added = dana.contribute(w.key(), Contribution.builder().surface(Surface.PROPOSAL_OPTIONS)
        .resourceId(dev.partnerkit.domain.ResourceId.of("art-7")).summary("Option B fits the window").build());
    assertTrue(added.applied(), added.decision().render());
    List<dev.partnerkit.spi.OutboxEvent> events = w.storage.unitOfWork().inTransaction(
        () -> w.storage.outbox().claimPending(TENANT, 500));
    assertTrue(events.stream().anyMatch(e -> e.type().equals("partner_evidence.added")
        && e.payload().contains("\"resourceId\":\"art-7\"")), events::toString);
  }

  // ---------------------------------------------------------------- small helpers

  @Test
  void clipCutsLongTextWithAnEllipsisNeverInsideASurrogatePair() {
    assertEquals("abcde", WorkspaceEngine.clip("abcde", 5));
    assertEquals("abcd\u2026", WorkspaceEngine.clip("abcdef", 5));
    assertEquals(5, WorkspaceEngine.clip("abcdefgh", 5).length());
    assertEquals("abc\u2026", WorkspaceEngine.clip("abc\uD83D\uDE00xyz", 5));
    assertEquals("ab\uD83D\uDE00\u2026", WorkspaceEngine.clip("ab\uD83D\uDE00xyz", 5));
  }

  @Test
  void recordTypesAreFoundByWireNameAndNamedOnce() {
    RecordTypes types = RecordTypes.of(List.of(Tasks.TYPE, Tasks.TYPE));
    assertEquals(List.of(Tasks.TYPE), types.all());
    assertEquals(Optional.of(Tasks.TYPE), types.find("partner_task"));
    assertEquals(Optional.empty(), types.find("field_note"));
    List<dev.partnerkit.domain.RecordType<?, ?>> builtIn = RecordTypes.builtIn();
    assertEquals(Tasks.TYPE, builtIn.get(0));
    assertEquals(17, builtIn.size(), builtIn::toString);
    assertEquals(builtIn.size(), RecordTypes.of(builtIn).all().size(), "every built-in wire name is named once");
    dev.partnerkit.domain.RecordType<?, ?> impostor = dev.partnerkit.domain.RecordType.builder("partner_task",
        Surface.COMMENTS, TaskBody.class, Tasks.LIFECYCLE).title(TaskBody::title)
        .example(TaskBody.builder().title("x").build()).build();
    assertThrows(InvalidValueException.class, () -> RecordTypes.of(List.of(Tasks.TYPE, impostor)));
  }

  @Test
  void aNewLinkNamesItsRelationInLowerSnakeCase() {
    RecordRef to = RecordRef.of("job", "j-1");
    assertEquals("depends_on", new RecordCommands.NewLink("depends_on", to).relation());
    assertThrows(InvalidValueException.class, () -> new RecordCommands.NewLink("Depends On", to));
    assertThrows(InvalidValueException.class, () -> new RecordCommands.NewLink(null, to));
    assertThrows(InvalidValueException.class, () -> new RecordCommands.NewLink("depends_on", null));
  }

  @Test
  void aPartnersActivityPageIsFilledFromTheEntriesAfterTheFilteredOnes() {
    w.wideGrant(ACME);
    for (int i = 0; i < 4; i++) {
      w.ops.addNote(w.key(), WEDDING, Optional.of(ACME), "shared " + i, Visibility.PARTNER_VISIBLE);
      w.ops.addNote(w.key(), WEDDING, Optional.of(ACME), "internal " + i, Visibility.INTERNAL_ONLY);
    }
    PartnerSession dana = w.session(DANA);
    List<ActivityEntry> page = dana.activity(ActivityQuery.builder().limit(3).build()).items();
    assertEquals(3, page.size());
    assertTrue(page.stream().allMatch(e -> e.visibility() == Visibility.PARTNER_VISIBLE));
    List<ActivityEntry> all = dana.activity(ActivityQuery.builder().limit(500).build()).items();
    List<ActivityEntry> next = dana.activity(ActivityQuery.builder().limit(3).build().after(page.get(2))).items();
    assertEquals(all.subList(3, Math.min(all.size(), 6)), next);
    List<ActivityEntry> one = dana.activity(ActivityQuery.builder().limit(1).build()).items();
    assertEquals(List.of(all.get(0)), one);
  }

  /** A storage that counts the calls of its methods and of its stores' methods, by method name. */
  static final class Counting {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final PartnerkitStorage storage;

    Counting(PartnerkitStorage real) {
      storage = proxy(PartnerkitStorage.class, (p, m, args) -> {
        count(m.getName());
        if (m.isDefault()) {
          return InvocationHandler.invokeDefault(p, m, args);
        }
        Object store = invoke(m, real, args);
        if (!m.getReturnType().isInterface() || m.getName().equals("unitOfWork")) {
          return store;
        }
        return proxy(m.getReturnType(), (q, sm, sargs) -> {
          count(sm.getName());
          return invoke(sm, store, sargs);
        });
      });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private void count(String name) {
      calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    int calls(String name) {
      AtomicInteger n = calls.get(name);
      return n == null ? 0 : n.get();
    }

    void reset() {
      calls.clear();
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
      return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) ->
          m.getDeclaringClass() == Object.class ? m.invoke(handler, args) : handler.invoke(p, m, args));
    }
  }
}
