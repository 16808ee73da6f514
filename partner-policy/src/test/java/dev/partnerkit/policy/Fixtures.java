package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.ImmutableAccessRequest;
import dev.partnerkit.domain.ImmutableRecordAction;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
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
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Shared sample values: tenant Toni Catering, partner Acme Rentals, one occasion with two events, the task record
 * type, and a tiny test-only record type partners may create ({@link #FIELD_NOTE}).
 */
final class Fixtures {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final TenantId OTHER_TENANT = TenantId.of("other-caterer");
  static final Tenant TONI = Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago"));
  static final OccasionId OCCASION = OccasionId.of("occ-wedding");
  static final OccasionId OTHER_OCCASION = OccasionId.of("occ-gala");
  static final EventId RECEPTION = EventId.of("ev-reception");
  static final EventId CEREMONY = EventId.of("ev-ceremony");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final PartnerId VENUE = PartnerId.of("p-venue");
  static final Instant NOW = Instant.parse("2026-11-10T15:00:00Z");
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");
  static final String LINEN = "Deliver linen for the reception";

  static final Partner ACME_PARTNER = Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
      .kind(PartnerKind.RENTAL_COMPANY).build();

  static final PartnerMember DANA = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-dana")).partnerId(ACME)
      .displayName("Dana").status(MembershipStatus.ACTIVE).canViewMetrics(true).build();

  static final IntegrationPrincipal ACME_BOT = IntegrationPrincipal.builder().tenantId(TENANT)
      .principalId(IntegrationPrincipalId.of("ip-acme-sync")).partnerId(ACME).name("Acme sync")
      .writeEnabled(true).addTriggers("timeline.updated").build();

  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();

  static final ProductScope ENABLED = ProductScope.of(OCCASION, Set.of(ProductCapability.VENDOR_ACCESS));
  static final ProductScope DISABLED = ProductScope.of(OCCASION, Set.of());

  /** Status of a {@link #FIELD_NOTE}. */
  enum NoteStatus implements WireNamed {
    OPEN, CLOSED;

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Body of a {@link #FIELD_NOTE}. */
  record Note(String text) {}

  /** A test-only record type on the issues surface that partner members and integrations may create. */
  static final RecordType<Note, NoteStatus> FIELD_NOTE = RecordType.builder("field_note", Surface.ISSUES,
          Note.class, Lifecycle.builder(NoteStatus.class, NoteStatus.OPEN)
              .allow(NoteStatus.OPEN, NoteStatus.CLOSED, ActorKind.OPERATOR).build())
      .noun("field note")
      .creators(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION, ActorKind.OPERATOR)
      .title(Note::text).example(new Note("Loading dock closed until noon")).build();

  private Fixtures() {}

  /** An active grant for Acme on the whole occasion, every surface, every capability. */
  static ImmutableAccessGrant.Builder wideGrant(String id) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(TENANT).partnerId(ACME)
        .scope(GrantScope.builder().occasionId(OCCASION).addSurfaces(Surface.values()).build())
        .capabilities(List.of(PartnerCapability.values())).status(GrantStatus.ACTIVE).validFrom(FROM)
        .validUntil(UNTIL).issuedBy(MAYA.userId());
  }

  /** An active grant like {@link #wideGrant} whose scope is {@code scope} (occasion and surfaces filled in). */
  static AccessGrant narrowGrant(String id, List<EventId> events, List<String> resources) {
    return wideGrant(id).scope(GrantScope.builder().occasionId(OCCASION).addAllEvents(events)
        .addAllResources(resources.stream().map(dev.partnerkit.domain.ResourceId::of).toList())
        .addSurfaces(Surface.values()).build()).build();
  }

  static DecisionFacts facts(AccessGrant... grants) {
    return DecisionFacts.builder().tenant(TONI).productScope(ENABLED).partner(ACME_PARTNER)
        .grants(GrantIndex.of(List.of(grants))).build();
  }

  /** Facts for a request about a task record. */
  static DecisionFacts taskFacts(AccessGrant... grants) {
    return withType(facts(grants), Tasks.TYPE);
  }

  static DecisionFacts withType(DecisionFacts facts, RecordType<?, ?> type) {
    return DecisionFacts.builder().from(facts).recordType(type).build();
  }

  /** Where the linen task sits: the wedding, the reception, with Acme. */
  static Placement taskPlacement(PartnerId partner) {
    return Placement.builder().occasionId(OCCASION).eventId(RECEPTION).partnerId(partner).build();
  }

  /** The record action of the linen task (with {@code partner}). */
  static ImmutableRecordAction.Builder linen(PartnerId partner) {
    return RecordAction.builder().type(Tasks.TYPE.wireName()).recordId("t-linen").title(LINEN).partnerId(partner);
  }

  /** {@code actor} moves Acme's linen task from {@code from} to {@code to}, with these prerequisites open. */
  static AccessRequest move(Actor actor, TaskStatus from, TaskStatus to, String... open) {
    return move(actor, ACME, from, to, open);
  }

  static AccessRequest move(Actor actor, PartnerId partner, TaskStatus from, TaskStatus to, String... open) {
    ImmutableRecordAction.Builder action = linen(partner).fromStatus(from.wireName()).toStatus(to.wireName());
    for (String id : open) {
      action.addOpenPrerequisites(RecordRef.of(Tasks.TYPE.wireName(), id));
    }
    return AccessRequest.onRecord(actor, TENANT, IntentKind.TRANSITION, Surface.TASKS, taskPlacement(partner),
        action.build()).build();
  }

  /** {@code actor} creates a task for Acme. */
  static AccessRequest createTask(Actor actor) {
    return AccessRequest.onRecord(actor, TENANT, IntentKind.CREATE, Surface.TASKS, taskPlacement(ACME),
        RecordAction.builder().type(Tasks.TYPE.wireName()).title(LINEN).partnerId(ACME).build()).build();
  }

  /** {@code actor} creates a field note for Acme at the reception. */
  static ImmutableAccessRequest.Builder createNote(Actor actor) {
    return AccessRequest.onRecord(actor, TENANT, IntentKind.CREATE, Surface.ISSUES, taskPlacement(ACME),
        RecordAction.builder().type(FIELD_NOTE.wireName()).title("Loading dock closed").partnerId(ACME).build());
  }

  /** A per-record view of Acme's linen task placed at {@code event} and {@code resource} (either may be null). */
  static AccessRequest viewTask(Actor actor, @Nullable EventId event, @Nullable String resource) {
    Placement placement = Placement.builder().occasionId(OCCASION).eventId(java.util.Optional.ofNullable(event))
        .resourceId(java.util.Optional.ofNullable(resource).map(dev.partnerkit.domain.ResourceId::of))
        .partnerId(ACME).build();
    return AccessRequest.onRecord(actor, TENANT, IntentKind.VIEW, Surface.TASKS, placement,
        linen(ACME).build()).build();
  }
}
