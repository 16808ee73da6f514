package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.Lifecycle;
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
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.surface.ArtifactVersion;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.PartnerSessionOpening;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The world of the artifact surface scenarios, on any store: Toni Catering (America/Chicago) with Maya, Lakeside Hall
 * (Vera, and the Lakeside sync integration), the wedding and its reception, and stand-ins for the documents surface
 * (a {@code partner_document} with {@code document_version}s, built on another branch) registered as host types.
 * Sessions open through {@link #session}, the one place that knows how.
 */
final class ArtifactWorld {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  static final EventId RECEPTION = EventId.of("ev-reception");
  static final PartnerId LAKESIDE = PartnerId.of("p-lakeside");
  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  /** Vera manages Lakeside's events: she may propose run-of-show versions (can_manage_events). */
  static final PartnerMember VERA = dev.partnerkit.domain.ImmutablePartnerMember.copyOf(
      SurfacesWorld.member("u-vera", LAKESIDE, "Vera")).withCanManageEvents(true);
  static final IntegrationPrincipal LAKESIDE_SYNC = IntegrationPrincipal.builder().tenantId(TENANT)
      .principalId(IntegrationPrincipalId.of("ip-lakeside")).partnerId(LAKESIDE).name("Lakeside sync").build();
  static final Set<Surface> SURFACES = EnumSet.of(Surface.DOCUMENTS, Surface.APPROVALS, Surface.ANNOTATIONS,
      Surface.RUN_OF_SHOW, Surface.ACTIVITY);
  static final Set<PartnerCapability> CAPABILITIES = EnumSet.of(PartnerCapability.APPROVE_ARTIFACT,
      PartnerCapability.ANNOTATE_ARTIFACT, PartnerCapability.EDIT_RUN_OF_SHOW, PartnerCapability.VIEW_ACTIVITY);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T15:00:00Z"), ZoneOffset.UTC);

  /** The stores a scenario runs on. */
  enum Store {
    IN_MEMORY, H2, POSTGRESQL;

    PartnerkitStorage fresh() {
      if (this == IN_MEMORY) {
        return InMemoryStorage.create();
      }
      javax.sql.DataSource ds = TestDatabases.fresh(this == H2 ? JdbcDialect.H2 : JdbcDialect.POSTGRESQL);
      SchemaInstaller.install(ds);
      return JdbcStorage.builder(ds).build();
    }
  }

  /** Status of a stand-in document or version. */
  enum Stored implements WireNamed {
    STORED;

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A stand-in document's body. */
  record DocumentBody(String title) {}

  /** A stand-in document version's body. */
  record VersionBody(int versionNumber, String fileName) implements ArtifactVersion {}

  private static final Lifecycle<Stored> ONE = Lifecycle.builder(Stored.class, Stored.STORED).build();
  static final String LINKED_TO = "linked_to";
  /** A host's own artifact type (a drawing); partners upload and link. The built-in documents run in the floor-plan scene. */
  static final RecordType<DocumentBody, Stored> DOCUMENT = RecordType
      .builder("host_drawing", Surface.DOCUMENTS, DocumentBody.class, ONE).noun("document")
      .relation(LINKED_TO).creators(ActorKind.PARTNER_MEMBER, ActorKind.OPERATOR)
      .linkers(ActorKind.PARTNER_MEMBER, ActorKind.OPERATOR).title(DocumentBody::title)
      .example(new DocumentBody("Reception floor plan")).build();
  /** A host's own version type: an {@link ArtifactVersion} body under its document. */
  static final RecordType<VersionBody, Stored> DOCUMENT_VERSION = RecordType
      .builder("host_drawing_version", Surface.DOCUMENTS, VersionBody.class, ONE).noun("document version")
      .creators(ActorKind.PARTNER_MEMBER, ActorKind.OPERATOR)
      .idFrom((p, b) -> p.parent().orElseThrow().id() + "-v" + b.versionNumber()).title(VersionBody::fileName)
      .example(new VersionBody(2, "floor-plan-v2.pdf")).build();

  final PartnerkitStorage storage;
  final PartnerWorkspace workspace;
  final OperatorConsole ops;
  private int keys;

  ArtifactWorld(Store store) {
    this.storage = store.fresh();
    this.workspace = PartnerWorkspace.builder().storage(storage).clock(CLOCK).recordType(DOCUMENT)
        .recordType(DOCUMENT_VERSION).build();
    this.ops = workspace.operator(MAYA);
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(LAKESIDE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).build());
    storage.directory().insertMember(VERA);
    storage.directory().insertPrincipal(LAKESIDE_SYNC);
    require(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
  }

  String key() {
    return "k-" + (++keys);
  }

  /** @return the session of {@code actor} on the wedding; the one place scenarios open sessions */
  PartnerSession session(Actor actor) {
    PartnerSessionOpening opening = actor instanceof PartnerMember m
        ? workspace.openPartnerSession(TENANT, m.userId(), m.partnerId(), WEDDING)
        : workspace.openIntegrationSession(TENANT, ((IntegrationPrincipal) actor).principalId(), WEDDING);
    return opening.session().orElseThrow(() -> new AssertionError(opening.decision().render()));
  }

  /** Issues and activates Lakeside's grant (for its members, or for {@code principal}) on the artifact surfaces. */
  GrantId grant(Set<Surface> surfaces, Set<PartnerCapability> capabilities, IntegrationPrincipal principal) {
    dev.partnerkit.policy.workspace.ImmutableGrantDraft.Builder draft = GrantDraft.builder().partnerId(LAKESIDE)
        .scope(GrantScope.builder().occasionId(WEDDING).surfaces(surfaces).build()).capabilities(capabilities)
        .validFrom(Instant.parse("2026-11-01T00:00:00Z"));
    if (principal != null) {
      draft.integrationPrincipal(principal.principalId());
    }
    GrantDraft built = draft.build();
    GrantId id = GrantId.of(require(principal == null ? ops.issueGrant(key(), built)
        : ops.issuePresetGrant(key(), dev.partnerkit.domain.IntegrationPreset.VENUE, built,
            java.util.Optional.of("a custom machine grant for this test world"))).recordId().orElseThrow());
    require(ops.activateGrant(key(), id));
    return id;
  }

  GrantId grant() {
    return grant(SURFACES, CAPABILITIES, null);
  }

  static Placement atReception() {
    return Placement.builder().occasionId(WEDDING).eventId(RECEPTION).partnerId(LAKESIDE).build();
  }

  /** @return where version {@code number} of {@code document} sits: under it, on its own id */
  static Placement versionOf(String document, int number) {
    return Placement.builder().from(atReception()).parent(DOCUMENT.ref(document))
        .resourceId(ResourceId.of(document + "-v" + number)).build();
  }

  static CommandResult require(CommandResult result) {
    assertTrue(result.applied(), result.decision().render());
    return result;
  }
}
