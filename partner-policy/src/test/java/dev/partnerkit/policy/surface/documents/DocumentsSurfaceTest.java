package dev.partnerkit.policy.surface.documents;

import static dev.partnerkit.policy.surface.SurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.SurfaceWorld.ACME_SYNC;
import static dev.partnerkit.policy.surface.SurfaceWorld.CEREMONY;
import static dev.partnerkit.policy.surface.SurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.SurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.SurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.SurfaceWorld.TENANT;
import static dev.partnerkit.policy.surface.SurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.SurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.SurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.surface.SurfaceWorld;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.IdempotencyKeyReusedException;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.RecordCodec;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documents surface through {@code ops.documents()} and {@code session.documents()}. */
class DocumentsSurfaceTest {
  static final String KEY = "tenant-toni/docs/reception/floorplan";
  final SurfaceWorld w = new SurfaceWorld(InMemoryStorage.create());

  static DocumentUpload upload(String title, String storageKey) {
    return DocumentUpload.builder().title(title).mediaType("Application/PDF").sizeBytes(48_213)
        .contentHash("sha256:" + "ab".repeat(32)).storageKey(storageKey).build();
  }

  DocumentId register(Optional<EventId> event) {
    CommandResult r = require(w.ops.documents().register(w.key(), DocumentDraft.builder().occasionId(WEDDING)
        .eventId(event).partnerId(LAKESIDE).title("Reception floor plan").kind(DocumentKind.FLOOR_PLAN).build()));
    return DocumentId.of(r.recordId().orElseThrow());
  }

  DocumentView opsView(DocumentId id) {
    return w.ops.documents().get(id).items().get(0);
  }

  @Test
  void anOperatorRegistersADocumentTheVenueUploadsItAndTheLinkResolvesItsEventIdentity() {
    w.wideGrant(LAKESIDE);
    DocumentId doc = register(Optional.of(RECEPTION));

    DocumentContext before = w.ops.documents().context(doc, Optional.of(RECEPTION), DocumentPaths.defaults())
        .items().get(0);
    assertEquals(DocumentContext.EventIdentity.PENDING, before.eventIdentity());
    assertEquals(Optional.of("missing event/entity link"), before.primaryBlocker());
    assertEquals("link the document to an Event, job or proposal first", before.nextSafeAction());
    assertEquals(Optional.empty(), before.eventHref(), "eventHref is disabled until the link resolves");
    assertEquals("Disabled until exact Event identity resolves", before.eventHrefLabel());
    assertEquals("/api/v1/partners/documents", before.sourceHref());
    assertEquals("/api/v1/partners/documents?view=evidence", before.proofHref());
    assertEquals("/partners?view=documents", before.actionHref());
    assertEquals("/partners?eventId=ev-reception", before.fallbackHref(), "the selected Event is preserved");
    assertEquals(before.fallbackHref(), before.workspaceHref());
    assertFalse(before.proofExists());
    assertTrue(before.note().contains("does not grant partner access"), before.note());

    PartnerSession vera = w.session(VERA);
    CommandResult first = require(vera.documents().upload(w.key(), doc, upload("floorplan-v1.pdf", KEY + "/v1")));
    CommandResult second = require(vera.documents().upload(w.key(), doc, upload("floorplan-v2.pdf", KEY + "/v2")));
    assertEquals(Optional.of(doc.value() + "-1"), first.recordId());
    assertEquals(Optional.of(doc.value() + "-2"), second.recordId());

    DocumentView seenByVera = vera.documents().get(doc).items().get(0);
    assertEquals(List.of(1, 2), seenByVera.versions().stream().map(DocumentVersionView::versionNumber).toList());
    assertTrue(seenByVera.versions().stream().allMatch(v -> v.storageKey().isEmpty()), "no storage key for partners");
    assertEquals("application/pdf", seenByVera.versions().get(0).mediaType());
    assertEquals(DocumentKind.FLOOR_PLAN, seenByVera.versions().get(0).kind());
    DocumentView seenByMaya = opsView(doc);
    assertEquals(Optional.of(KEY + "/v2"), seenByMaya.currentVersion().orElseThrow().storageKey());

    require(w.ops.documents().link(w.key(), doc, DocumentLinkTarget.event(RECEPTION)));
    DocumentContext linked = w.ops.documents().context(doc, Optional.empty(), DocumentPaths.defaults()).items()
        .get(0);
    assertEquals(DocumentContext.EventIdentity.RESOLVED, linked.eventIdentity());
    assertEquals(Optional.of(RECEPTION), linked.eventId());
    assertEquals(Optional.of("/events/ev-reception"), linked.eventHref());
    assertEquals("/partners", linked.fallbackHref());
    assertEquals(Optional.of(DocumentContext.MISSING_ACCESS), linked.primaryBlocker());

    require(w.ops.documents().grantAccess(w.key(), doc, "Venue layout for the reception walkthrough"));
    DocumentContext complete = w.ops.documents().context(doc).items().get(0);
    assertTrue(complete.proofExists());
    assertEquals(Optional.empty(), complete.primaryBlocker());
    assertEquals(DocumentContext.REVIEW, complete.nextSafeAction());
    assertEquals(Set.of(DocumentLinkTarget.event(RECEPTION)), vera.documents().get(doc).items().get(0).links());
    assertEquals(1, vera.documents().get(doc).items().get(0).accessGrants().size());
  }

  @Test
  void partnerReadsNeverCarryTheStorageKeyThroughAnyPath() {
    w.wideGrant(LAKESIDE);
    DocumentId doc = register(Optional.empty());
    require(w.ops.documents().upload(w.key(), doc, upload("floorplan.pdf", KEY)));
    PartnerSession vera = w.session(VERA);
    RecordQuery versions = RecordQuery.of(Documents.VERSION.wireName(), WEDDING).build();
    List<TypedRecord<DocumentVersionBody, VersionStatus>> raw = vera.records().list(Documents.VERSION, versions)
        .items();
    assertEquals(1, raw.size());
    assertEquals(Optional.empty(), raw.get(0).body().storageKey());
    assertEquals(Optional.empty(), vera.records().get(Documents.VERSION, raw.get(0).id()).items().get(0).body()
        .storageKey());
    assertEquals(Optional.empty(), vera.documents().version(DocumentVersionId.of(raw.get(0).id())).items().get(0)
        .storageKey());
    String json = PartnerkitJson.create().write(vera.documents().list().items());
    assertFalse(json.contains(KEY), json);
    for (ActivityEntry e : vera.activity(ActivityQuery.builder().build()).items()) {
      assertFalse(e.summary().contains(KEY), e.summary());
    }
    assertEquals(Optional.of(KEY), w.ops.records().get(Documents.VERSION, raw.get(0).id()).items().get(0).body()
        .storageKey());
    // the stored row keeps it
    assertTrue(w.storage.records().find(TENANT, Documents.VERSION.ref(raw.get(0).id())).orElseThrow().body()
        .contains(KEY));
  }

  @Test
  void versionsAreImmutableAndOnlyOperatorsWithdrawThem() {
    w.wideGrant(LAKESIDE);
    DocumentId doc = register(Optional.empty());
    String v1 = require(w.session(VERA).documents().upload(w.key(), doc, upload("a.pdf", KEY))).recordId()
        .orElseThrow();
    DocumentVersionBody other = Documents.VERSION.example();
    CommandResult edit = w.ops.records().revise(w.key(), Documents.VERSION, v1, other, null);
    assertEquals(ReasonCode.RECORD_IMMUTABLE, edit.decision().reason());
    assertTrue(edit.decision().explanation().contains("document version 'a.pdf' never changes once recorded"),
        edit.decision().explanation());
    CommandResult partnerEdit = w.session(VERA).records().revise(w.key(), Documents.VERSION, v1, other, null);
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, partnerEdit.decision().reason());
    CommandResult partnerWithdraw = w.session(VERA).records().transition(w.key(), Documents.VERSION, v1,
        VersionStatus.WITHDRAWN, null);
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, partnerWithdraw.decision().reason());
    require(w.ops.documents().withdrawVersion(w.key(), DocumentVersionId.of(v1)));
    assertEquals(Optional.empty(), opsView(doc).currentVersion());
    assertEquals("a.pdf", opsView(doc).versions().get(0).title(), "withdrawn, never changed");
  }

  @Test
  void aPartnerAddsItsOwnDocumentButOnlyOperatorsLinkItOrRecordAccess() {
    w.wideGrant(ACME);
    PartnerSession dana = w.session(DANA);
    DocumentId doc = DocumentId.of(require(dana.documents().create(w.key(), PartnerDocumentDraft.builder()
        .title("Delivery note").kind(DocumentKind.DELIVERY_PROOF).eventId(RECEPTION).build())).recordId()
        .orElseThrow());
    require(dana.documents().upload(w.key(), doc, upload("note.pdf", KEY)));
    String tag = require(dana.documents().tag(w.key(), doc, " Signed ")).recordId().orElseThrow();
    assertEquals(Set.of("signed"), dana.documents().get(doc).items().get(0).activeTags());
    require(dana.documents().untag(w.key(), tag));
    assertEquals(Set.of(), dana.documents().get(doc).items().get(0).activeTags());

    CommandResult link = dana.records().link(w.key(), Documents.TYPE, doc.value(), Documents.LINKED_TO,
        DocumentLinkTarget.event(RECEPTION).ref());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, link.decision().reason());
    CommandResult createLinked = dana.records().create(w.key(), Documents.TYPE, Placement.builder()
        .occasionId(WEDDING).partnerId(ACME).build(), Visibility.PARTNER_VISIBLE, Documents.TYPE.example(),
        List.of(new RecordCommands.NewLink(Documents.LINKED_TO, DocumentLinkTarget.event(RECEPTION).ref())));
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, createLinked.decision().reason(), "links at create need linkers");
    assertTrue(createLinked.decision().explanation().contains("with linked_to links"),
        createLinked.decision().explanation());
    CommandResult access = dana.records().createUnder(w.key(), Documents.ACCESS, Documents.TYPE.ref(doc.value()),
        Visibility.PARTNER_VISIBLE, Documents.ACCESS.example(), List.of());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, access.decision().reason());

    require(w.ops.documents().link(w.key(), doc, DocumentLinkTarget.job(JobId.of("job-42"))));
    DocumentContext ctx = w.ops.documents().context(doc).items().get(0);
    assertEquals(DocumentContext.EventIdentity.PENDING, ctx.eventIdentity(), "a job link names no Event");
    assertEquals(Optional.of(DocumentContext.MISSING_EVENT_LINK), ctx.primaryBlocker());
    require(w.ops.documents().link(w.key(), doc, DocumentLinkTarget.event(RECEPTION)));
    require(w.ops.documents().link(w.key(), doc, DocumentLinkTarget.event(CEREMONY)));
    DocumentContext two = w.ops.documents().context(doc).items().get(0);
    assertEquals(Optional.of(DocumentContext.AMBIGUOUS_EVENT), two.primaryBlocker());
    DocumentContext picked = w.ops.documents().context(doc, Optional.of(CEREMONY), DocumentPaths.defaults())
        .items().get(0);
    assertEquals(Optional.of(CEREMONY), picked.eventId());
    require(w.ops.documents().unlink(w.key(), doc, DocumentLinkTarget.event(CEREMONY)));
    assertEquals(Optional.of(RECEPTION), w.ops.documents().context(doc).items().get(0).eventId());
  }

  @Test
  void nobodyAttachesAVersionToADocumentTheyCannotSee() {
    w.wideGrant(ACME);
    w.wideGrant(LAKESIDE);
    DocumentId lakesides = register(Optional.empty());
    PartnerSession dana = w.session(DANA);
    RecordNotFoundException viaFacade = assertThrows(RecordNotFoundException.class,
        () -> dana.documents().upload(w.key(), lakesides, upload("x.pdf", KEY)));
    RecordNotFoundException missing = assertThrows(RecordNotFoundException.class,
        () -> dana.documents().upload(w.key(), DocumentId.of("d-missing"), upload("x.pdf", KEY)));
    assertEquals(viaFacade.getMessage().replace(lakesides.value(), "ID"), missing.getMessage()
        .replace("d-missing", "ID"), "another partner's document is indistinguishable from a missing one");
    // the raw kernel refuses a parent the partner cannot see, too
    assertThrows(RecordNotFoundException.class, () -> dana.records().create(w.key(), Documents.VERSION,
        Placement.builder().occasionId(WEDDING).partnerId(ACME).parent(Documents.TYPE.ref(lakesides.value()))
            .build(), Visibility.PARTNER_VISIBLE, Documents.VERSION.example(), List.of()));
    assertThrows(RecordNotFoundException.class, () -> dana.documents().tag(w.key(), lakesides, "mine"));
    assertEquals(List.of(), opsView(lakesides).versions());
    assertEquals(List.of(), opsView(lakesides).tags());
  }

  @Test
  void aRetriedUploadReplaysAndARacingUploadIsATypedConflict() {
    w.wideGrant(LAKESIDE);
    DocumentId doc = register(Optional.empty());
    PartnerSession vera = w.session(VERA);
    CommandResult first = require(vera.documents().upload("k-up", doc, upload("a.pdf", KEY)));
    CommandResult again = vera.documents().upload("k-up", doc, upload("a.pdf", KEY));
    assertTrue(again.replayed());
    assertEquals(first.recordId(), again.recordId());
    assertEquals(1, opsView(doc).versions().size());
    assertThrows(IdempotencyKeyReusedException.class, () -> vera.documents().upload("k-up", doc,
        upload("b.pdf", KEY)));

    // another host instance is storing version 2 right now: its row is not committed, so this upload's count does
    // not see it (here: a row outside the document), but its id is taken
    TypedRecord<DocumentVersionBody, VersionStatus> racer = TypedRecord.create(Documents.VERSION, TENANT,
        doc.value() + "-2", Placement.builder().occasionId(WEDDING).partnerId(LAKESIDE).build(),
        Visibility.PARTNER_VISIBLE, upload("racer.pdf", KEY).body(2, DocumentKind.FLOOR_PLAN), w.clock.instant(),
        "operator:u-maya");
    w.storage.unitOfWork().inTransaction(() -> {
      w.storage.records().insert(RecordCodec.create().encode(racer));
      return null;
    });
    long decisions = w.storage.decisions().count(TENANT);
    VersionConflictException conflict = assertThrows(VersionConflictException.class,
        () -> vera.documents().upload("k-up-2", doc, upload("b.pdf", KEY)));
    assertEquals("document_version", conflict.recordType());
    assertEquals(decisions, w.storage.decisions().count(TENANT), "a conflict writes nothing");
    assertTrue(w.storage.idempotency().find(TENANT, VERA.actorKey(), "k-up-2").isEmpty(), "and spends no key");
  }

  @Test
  void grantScopeNarrowsDocumentsLikeEveryRecord() {
    w.grant(LAKESIDE, Set.of(RECEPTION));
    DocumentId reception = register(Optional.of(RECEPTION));
    DocumentId ceremony = register(Optional.of(CEREMONY));
    DocumentId noEvent = register(Optional.empty());
    PartnerSession vera = w.session(VERA);
    assertEquals(List.of(reception), vera.documents().list().items().stream().map(DocumentView::documentId)
        .toList());
    assertThrows(RecordNotFoundException.class, () -> vera.documents().get(ceremony));
    assertThrows(RecordNotFoundException.class, () -> vera.documents().upload(w.key(), noEvent,
        upload("x.pdf", KEY)));
    assertEquals(3, w.ops.documents().list(WEDDING).items().size());
  }

  @Test
  void aReadOnlyIntegrationReadsButNeverUploads() {
    w.machineGrant();
    DocumentId doc = DocumentId.of(require(w.ops.documents().register(w.key(), DocumentDraft.builder()
        .occasionId(WEDDING).partnerId(ACME).title("Rental contract").kind(DocumentKind.CONTRACT).build()))
        .recordId().orElseThrow());
    PartnerSession readOnly = w.session(dev.partnerkit.domain.ImmutableIntegrationPrincipal.copyOf(ACME_SYNC)
        .withWriteEnabled(false));
    assertEquals(1, readOnly.documents().list().items().size());
    CommandResult up = readOnly.documents().upload(w.key(), doc, upload("c.pdf", KEY));
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, up.decision().reason());
    PartnerSession writer = w.session(ACME_SYNC);
    require(writer.documents().upload(w.key(), doc, upload("c.pdf", KEY)));
    assertEquals(1, opsView(doc).versions().size());
  }

  @Test
  void pathTemplatesAreConfigurableAndGrantNothing() {
    DocumentId doc = register(Optional.empty());
    require(w.ops.documents().link(w.key(), doc, DocumentLinkTarget.event(EventId.of("ev 7/8"))));
    DocumentPaths paths = DocumentPaths.builder().event("/ops/events/{eventId}/documents/{documentId}")
        .workspaceForEvent("/ops/partners/{eventId}").build();
    DocumentContext ctx = w.ops.documents().context(doc, Optional.of(RECEPTION), paths).items().get(0);
    assertEquals(Optional.of("/ops/events/ev%207%2F8/documents/" + doc.value()), ctx.eventHref());
    assertEquals("/ops/partners/ev-reception", ctx.fallbackHref());
    assertThrows(InvalidValueException.class, () -> DocumentPaths.builder().event("https://evil.example/{eventId}")
        .build());
    assertThrows(InvalidValueException.class, () -> DocumentPaths.builder().event("/events/{event}").build());
    assertThrows(InvalidValueException.class, () -> DocumentPaths.builder().source("/x/{eventId}").build());
    assertEquals(ReasonCode.NO_GRANT, w.opening(VERA).decision().reason(), "a context opens nothing for partners");
    String json = PartnerkitJson.create().write(ctx);
    assertEquals(ctx, PartnerkitJson.create().read(json, DocumentContext.class));
  }

  @Test
  void bodiesRefuseBadMetadata() {
    assertThrows(InvalidValueException.class, () -> ImmutableDocumentUpload.copyOf(upload("a.pdf", KEY)).withContentHash("md5:1234"));
    assertThrows(InvalidValueException.class, () -> ImmutableDocumentUpload.copyOf(upload("a.pdf", KEY)).withMediaType("pdf"));
    assertThrows(InvalidValueException.class, () -> ImmutableDocumentUpload.copyOf(upload("a.pdf", KEY)).withSizeBytes(-1));
    assertThrows(InvalidValueException.class, () -> ImmutableDocumentUpload.copyOf(upload("a.pdf", KEY)).withStorageKey(" "));
    assertThrows(InvalidValueException.class, () -> ImmutableDocumentVersionBody.copyOf(Documents.VERSION.example()).withVersionNumber(0));
    assertThrows(InvalidValueException.class, () -> DocumentTagBody.of("\u0000"));
    assertThrows(InvalidValueException.class, () -> new DocumentLinkTarget("partner_task", "t-1"));
    DocumentVersionBody readBack = PartnerkitJson.create().read(PartnerkitJson.create()
        .write(Documents.VERSION.example()), DocumentVersionBody.class);
    assertEquals(Documents.VERSION.example(), readBack);
  }
}
