package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.SurfacesWorld.ACME_SYNC;
import static dev.partnerkit.jdbc.SurfacesWorld.LAKESIDE;
import static dev.partnerkit.jdbc.SurfacesWorld.RECEPTION;
import static dev.partnerkit.jdbc.SurfacesWorld.TENANT;
import static dev.partnerkit.jdbc.SurfacesWorld.VERA;
import static dev.partnerkit.jdbc.SurfacesWorld.WEDDING;
import static dev.partnerkit.jdbc.SurfacesWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.surface.documents.DocumentContext;
import dev.partnerkit.policy.surface.documents.DocumentDraft;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.surface.documents.DocumentLinkTarget;
import dev.partnerkit.policy.surface.documents.DocumentPaths;
import dev.partnerkit.policy.surface.documents.DocumentUpload;
import dev.partnerkit.policy.surface.documents.DocumentVersionView;
import dev.partnerkit.policy.surface.documents.DocumentView;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.RecordQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's documents paragraph, walked on every store: operators register partner documents and link them before
 * or after the external upload; Event identity resolves only through an exact document link; partner uploads create
 * metadata, version history, tags; the storage key never reaches the partner; files promote nothing.
 */
class DocumentsScenarioTest {
  static final String STORAGE_KEY = "s3://toni-docs/lakeside/reception-floorplan";

  static DocumentUpload upload(int n) {
    return DocumentUpload.builder().title("reception-floorplan-v" + n + ".pdf").mediaType("application/pdf")
        .sizeBytes(480_000 + n).contentHash("sha256:" + String.valueOf(n).repeat(64)).storageKey(STORAGE_KEY + "/v" + n)
        .build();
  }

  @ParameterizedTest
  @EnumSource(SurfaceStores.class)
  void lakesideUploadsAFloorPlanThatMayaLinksToTheReception(SurfaceStores store) {
    SurfacesWorld w = new SurfacesWorld(store.fresh());

    // operators register the partner document before the external upload; nothing is linked yet
    DocumentId plan = DocumentId.of(require(w.ops.documents().register(w.key(), DocumentDraft.builder()
        .occasionId(WEDDING).eventId(RECEPTION).partnerId(LAKESIDE).title("Reception floor plan")
        .kind(DocumentKind.FLOOR_PLAN).build())).recordId().orElseThrow());
    DocumentContext pending = w.ops.documents().context(plan, Optional.of(RECEPTION), DocumentPaths.defaults())
        .items().get(0);
    assertEquals(DocumentContext.EventIdentity.PENDING, pending.eventIdentity());
    assertEquals(Optional.of("missing event/entity link"), pending.primaryBlocker());
    assertEquals("link the document to an Event, job or proposal first", pending.nextSafeAction());
    assertEquals("Disabled until exact Event identity resolves", pending.eventHrefLabel());
    assertEquals("/partners?eventId=ev-reception", pending.fallbackHref());

    // external partners see no files until the portal session verifies an active grant
    assertEquals(ReasonCode.NO_GRANT, w.opening(VERA).decision().reason());
    w.grant(LAKESIDE, Set.of(Surface.DOCUMENTS), Set.of(), Set.of(RECEPTION));
    PartnerSession vera = w.session(VERA);
    assertEquals(1, vera.documents().list().items().size());

    // partner uploads create metadata and version history; each upload is a new immutable version
    require(vera.documents().upload(w.key(), plan, upload(1)));
    require(vera.documents().upload(w.key(), plan, upload(2)));
    require(vera.documents().tag(w.key(), plan, "layout"));
    DocumentView seen = vera.documents().get(plan).items().get(0);
    assertEquals(List.of(1, 2), seen.versions().stream().map(DocumentVersionView::versionNumber).toList());
    assertEquals(Set.of("layout"), seen.activeTags());
    assertTrue(seen.versions().stream().allMatch(v -> v.storageKey().isEmpty()), "no storage paths for partners");
    assertFalse(PartnerkitJson.create().write(vera.documents().list().items()).contains(STORAGE_KEY));
    assertFalse(PartnerkitJson.create().write(vera.records().list(Documents.VERSION,
        RecordQuery.of(Documents.VERSION.wireName(), WEDDING).build()).items().stream().map(r -> r.body()).toList())
        .contains(STORAGE_KEY));
    for (ActivityEntry e : vera.activity(ActivityQuery.builder().build()).items()) {
      assertFalse(e.summary().contains(STORAGE_KEY), e.summary());
    }
    assertEquals(Optional.of(STORAGE_KEY + "/v2"), w.ops.documents().get(plan).items().get(0).currentVersion()
        .orElseThrow().storageKey());

    // ... and operators link it after the upload: the exact link resolves its Event identity
    require(w.ops.documents().link(w.key(), plan, DocumentLinkTarget.event(RECEPTION)));
    require(w.ops.documents().grantAccess(w.key(), plan, "Venue layout for the reception walkthrough"));
    DocumentContext resolved = w.ops.documents().context(plan, Optional.of(RECEPTION), DocumentPaths.defaults())
        .items().get(0);
    assertEquals(DocumentContext.EventIdentity.RESOLVED, resolved.eventIdentity());
    assertEquals(Optional.of("/events/ev-reception"), resolved.eventHref());
    assertEquals("/api/v1/partners/documents", resolved.sourceHref());
    assertEquals("/api/v1/partners/documents?view=evidence", resolved.proofHref());
    assertEquals("/partners?view=documents", resolved.actionHref());
    assertEquals("/partners?eventId=ev-reception", resolved.workspaceHref());
    assertTrue(resolved.proofExists());
    assertEquals(Optional.empty(), resolved.primaryBlocker());

    // files do not promote commercial, payment or readiness state: every partner command was evidence only
    assertEquals(ReasonCode.RECORD_IMMUTABLE, w.ops.records().revise(w.key(), Documents.VERSION,
        seen.versions().get(0).versionId().value(), Documents.VERSION.example(), null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, vera.records().link(w.key(), Documents.TYPE, plan.value(),
        Documents.LINKED_TO, DocumentLinkTarget.proposal("prop-1").ref()).decision().reason());
    assertTrue(Documents.TYPES.stream().allMatch(t -> t.hostTruths().isEmpty()));

    // a retry writes nothing twice
    CommandResult third = require(vera.documents().upload("k-retry", plan, upload(3)));
    long decisions = w.storage.decisions().count(TENANT);
    CommandResult again = vera.documents().upload("k-retry", plan, upload(3));
    assertTrue(again.replayed());
    assertEquals(third.recordId(), again.recordId());
    assertEquals(decisions, w.storage.decisions().count(TENANT));
    assertEquals(3, w.ops.documents().get(plan).items().get(0).versions().size());

    // an integration reads, and writes only when write access is stored for it
    w.machineGrant(Set.of(Surface.DOCUMENTS), Set.of(PartnerCapability.VIEW_ACTIVITY));
    DocumentId contract = DocumentId.of(require(w.ops.documents().register(w.key(), DocumentDraft.builder()
        .occasionId(WEDDING).partnerId(SurfacesWorld.ACME).title("Rental contract").kind(DocumentKind.CONTRACT)
        .build())).recordId().orElseThrow());
    PartnerSession sync = w.session(ACME_SYNC);
    assertEquals(1, sync.documents().list().items().size());
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, sync.documents().upload(w.key(), contract, upload(1)).decision()
        .reason());
    require(w.session(ImmutableIntegrationPrincipal.copyOf(ACME_SYNC).withWriteEnabled(true)).documents()
        .upload(w.key(), contract, upload(1)));
  }
}
