package dev.partnerkit.policy.surface;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.runofshow.RunOfShowDraft;
import dev.partnerkit.policy.surface.runofshow.RunOfShowId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItem;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItemKind;
import dev.partnerkit.policy.surface.runofshow.RunOfShowProposal;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionId;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.PartnerSessionOpening;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The world of the artifact surface tests: Toni Catering (America/Chicago) with Maya, Lakeside Hall (Vera and the
 * Lakeside sync integration) and Acme Rentals (Dana), the wedding with its reception and ceremony, and the test-only
 * document types registered. Sessions open through {@link #session}, the one place that knows how.
 */
public class ArtifactSurfaceWorld {
  public static final TenantId TENANT = TenantId.of("toni-catering");
  public static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  public static final EventId RECEPTION = EventId.of("ev-reception");
  public static final EventId CEREMONY = EventId.of("ev-ceremony");
  public static final PartnerId ACME = PartnerId.of("p-acme");
  public static final PartnerId LAKESIDE = PartnerId.of("p-lakeside");
  public static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  public static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  public static final PartnerMember DANA = SurfaceWorld.member("u-dana", ACME, "Dana");
  /** Vera manages Lakeside's events: she may propose run-of-show versions (can_manage_events). */
  public static final PartnerMember VERA = dev.partnerkit.domain.ImmutablePartnerMember.copyOf(
      SurfaceWorld.member("u-vera", LAKESIDE, "Vera")).withCanManageEvents(true);
  public static final IntegrationPrincipal LAKESIDE_SYNC = IntegrationPrincipal.builder().tenantId(TENANT)
      .principalId(IntegrationPrincipalId.of("ip-lakeside")).partnerId(LAKESIDE).name("Lakeside sync")
      .writeEnabled(false).build();
  /** The surfaces and capabilities of a partner's full artifact grant. */
  public static final Set<Surface> ARTIFACT_SURFACES = EnumSet.of(Surface.DOCUMENTS, Surface.APPROVALS,
      Surface.ANNOTATIONS, Surface.RUN_OF_SHOW, Surface.ACTIVITY);
  public static final Set<PartnerCapability> ARTIFACT_CAPABILITIES = EnumSet.of(PartnerCapability.APPROVE_ARTIFACT,
      PartnerCapability.ANNOTATE_ARTIFACT, PartnerCapability.EDIT_RUN_OF_SHOW, PartnerCapability.VIEW_ACTIVITY);

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-05T15:00:00Z"));
  public final PartnerkitStorage storage;
  public final PartnerWorkspace workspace;
  public final OperatorConsole ops;
  private int keys;

  public ArtifactSurfaceWorld(PartnerkitStorage storage) {
    this.storage = storage;
    this.workspace = PartnerWorkspace.builder().storage(storage).clock(clock).recordType(TestDocuments.DOCUMENT)
        .recordType(TestDocuments.VERSION).build();
    this.ops = workspace.operator(MAYA);
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(LAKESIDE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).build());
    storage.directory().insertMember(DANA);
    storage.directory().insertMember(VERA);
    storage.directory().insertPrincipal(LAKESIDE_SYNC);
    require(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
  }

  public String key() {
    return "k-" + (++keys);
  }

  /** @return the session of {@code actor} on the wedding; the one place tests open sessions */
  public PartnerSession session(Actor actor) {
    PartnerSessionOpening opening = dev.partnerkit.policy.workspace.StoredActors.open(workspace, storage, actor,
        WEDDING);
    return opening.session().orElseThrow(() -> new AssertionError(opening.decision().render()));
  }

  /** Issues and activates a grant on the wedding for members of {@code partner}. */
  public GrantId grant(PartnerId partner, Collection<Surface> surfaces, Collection<PartnerCapability> capabilities,
      Collection<EventId> events, Collection<ResourceId> resources) {
    return grant(GrantDraft.builder().partnerId(partner).scope(GrantScope.builder().occasionId(WEDDING)
        .surfaces(surfaces).events(events).resources(resources).build()).capabilities(capabilities)
        .validFrom(FROM).build());
  }

  /** Issues and activates a grant. */
  public GrantId grant(GrantDraft draft) {
    CommandResult issued = require(draft.integrationPrincipal().isEmpty() ? ops.issueGrant(key(), draft)
        : ops.issuePresetGrant(key(), dev.partnerkit.domain.IntegrationPreset.PRINTER, draft,
            java.util.Optional.of("a custom machine grant for this test world")));
    GrantId id = GrantId.of(issued.recordId().orElseThrow());
    require(ops.activateGrant(key(), id));
    return id;
  }

  /** Issues and activates {@code partner}'s grant on every artifact surface of the wedding. */
  public GrantId artifactGrant(PartnerId partner) {
    return grant(partner, ARTIFACT_SURFACES, ARTIFACT_CAPABILITIES, List.of(), List.of());
  }

  /** Issues and activates the Lakeside sync integration's grant on every artifact surface. */
  public GrantId integrationGrant() {
    return grant(GrantDraft.builder().partnerId(LAKESIDE).integrationPrincipal(LAKESIDE_SYNC.principalId())
        .scope(GrantScope.builder().occasionId(WEDDING).surfaces(ARTIFACT_SURFACES).build())
        .capabilities(ARTIFACT_CAPABILITIES).validFrom(FROM).build());
  }

  /** @return where a document of {@code partner} at the reception sits */
  public static Placement documentPlacement(PartnerId partner) {
    return Placement.builder().occasionId(WEDDING).eventId(RECEPTION).partnerId(partner).build();
  }

  /** Maya registers a partner-visible document for {@code partner} at the reception; returns its id. */
  public String document(PartnerId partner, String title) {
    return require(ops.records().create(key(), TestDocuments.DOCUMENT, documentPlacement(partner),
        Visibility.PARTNER_VISIBLE, new TestDocuments.DocumentBody(title), List.of())).recordId().orElseThrow();
  }

  /** Maya adds version {@code number} (partner-visible or not) of a document of {@code partner}; returns its ref. */
  public RecordRef documentVersion(PartnerId partner, String documentId, int number, Visibility visibility) {
    CommandResult r = require(ops.records().create(key(), TestDocuments.VERSION,
        TestDocuments.versionPlacement(documentPlacement(partner), documentId, number), visibility,
        new TestDocuments.VersionBody(number, "file-v" + number + ".pdf"), List.of()));
    return TestDocuments.VERSION.ref(r.recordId().orElseThrow());
  }

  /** Maya opens a run of show for {@code partner} at the reception; returns its id. */
  public RunOfShowId runOfShow(PartnerId partner) {
    return RunOfShowId.of(require(ops.runOfShow().create(key(), RunOfShowDraft.builder().occasionId(WEDDING)
        .eventId(RECEPTION).partnerId(partner).title("Reception timeline").build())).recordId().orElseThrow());
  }

  /** @return a proposal of {@code items} based on version {@code basedOn} */
  public static RunOfShowProposal proposal(RunOfShowId id, int basedOn, String summary, RunOfShowItem... items) {
    return RunOfShowProposal.builder().runOfShowId(id).basedOn(basedOn).summary(summary).addItems(items).build();
  }

  /** @return an item */
  public static RunOfShowItem item(String id, RunOfShowItemKind kind, String title, String startsAt) {
    return RunOfShowItem.builder().itemId(id).kind(kind).title(title).startsAt(LocalDateTime.parse(startsAt))
        .build();
  }

  /** Maya proposes and publishes a version; returns its id. */
  public RunOfShowVersionId publishedVersion(RunOfShowId id, int basedOn, String summary) {
    RunOfShowVersionId v = RunOfShowVersionId.of(require(ops.runOfShow().propose(key(), proposal(id, basedOn, summary,
        item("bar-setup", RunOfShowItemKind.SETUP, "Bar set-up", "2026-11-14T15:00")))).recordId().orElseThrow());
    require(ops.runOfShow().publish(key(), v));
    return v;
  }

  public long activityCount() {
    return storage.activity().count(TENANT, ActivityQuery.builder().build());
  }

  /** Row counts: activity, decisions, pending outbox. */
  public long[] journal() {
    return new long[] {activityCount(), storage.decisions().count(TENANT), storage.outbox().countPending(TENANT)};
  }

  public static CommandResult require(CommandResult result) {
    assertTrue(result.applied(), result.decision().render());
    return result;
  }

  /** A clock tests can move. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    public void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
