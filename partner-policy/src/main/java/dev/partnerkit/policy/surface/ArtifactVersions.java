package dev.partnerkit.policy.surface;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.RecordLookup;
import dev.partnerkit.spi.TypedRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The exact artifact versions a workspace holds, for the approvals, annotations and run-of-show facades: resolving
 * an {@link ArtifactPin} into an {@link ArtifactTarget} and the placement of a record about it, and finding the
 * newest version of an artifact. A version is a kernel record whose type (looked up in the workspace's record types
 * by wire name) has an {@link ArtifactVersion} body and whose placement parent is the artifact; a host's proposal
 * artifact version is named with its artifact and number.
 *
 * <p>A newer version <em>supersedes</em> an earlier one — and makes approval decisions on the earlier one stale —
 * when it is partner-visible and not in one of the statuses {@link #NOT_SUPERSEDING} (a declined or withdrawn run-of-
 * show proposal does not). Internal-only drafts never supersede: what partners approved stays current until a version
 * they can see replaces it.
 */
public final class ArtifactVersions {
  /** Statuses in which a version supersedes nothing. */
  public static final Set<String> NOT_SUPERSEDING = Set.of("declined", "withdrawn", "rejected");

  private final RecordLookup lookup;

  private ArtifactVersions(RecordLookup lookup) {
    this.lookup = lookup;
  }

  /** @return the versions of the workspace behind {@code lookup} */
  public static ArtifactVersions over(RecordLookup lookup) {
    return new ArtifactVersions(Checks.required("lookup", lookup));
  }

  /** Where a record about a pinned version sits, and the exact version it names (empty: none). */
  public record Pinned(Placement placement, Optional<ArtifactTarget> target) {}

  /** @return whether records of {@code type} are exact artifact versions */
  public static boolean isVersionType(RecordType<?, ?> type) {
    return ArtifactVersion.class.isAssignableFrom(type.bodyType());
  }

  /**
   * @return the version record behind {@code ref} and its target, when {@code ref} names a record of a version type
   *     that has an artifact parent, whoever may see it
   */
  public Optional<Found> find(RecordRef ref) {
    Checks.required("ref", ref);
    Optional<RecordType<?, ?>> type = lookup.type(ref.type());
    if (type.isEmpty() || !isVersionType(type.get())) {
      return Optional.empty();
    }
    return lookup.find(type.get(), ref.id()).flatMap(ArtifactVersions::found);
  }

  /** A version record and the exact target it is. */
  public record Found(TypedRecord<?, ?> record, ArtifactTarget target) {}

  private static Optional<Found> found(TypedRecord<?, ?> record) {
    int number = ((ArtifactVersion) record.body()).versionNumber();
    Optional<RecordRef> artifact = record.placement().parent();
    if (number < 1 || artifact.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Found(record, ArtifactTarget.of(record.ref(), artifact.get(), number)));
  }

  /**
   * @return the kernel versions of {@code target}'s artifact that supersede (partner-visible, not declined or
   *     withdrawn), by number; empty for a host's version, whose newer versions the host reports
   */
  public List<ArtifactTarget> versionsOf(OccasionId occasionId, ArtifactTarget target) {
    Checks.required("occasionId", occasionId);
    Checks.required("target", target);
    Optional<RecordType<?, ?>> type = lookup.type(target.version().type());
    if (target.hostVersion() || type.isEmpty() || !isVersionType(type.get())) {
      return List.of();
    }
    return lookup.children(type.get(), occasionId, target.artifact()).stream()
        .filter(r -> r.visibility() == Visibility.PARTNER_VISIBLE && !NOT_SUPERSEDING.contains(r.status().wireName()))
        .map(ArtifactVersions::found).flatMap(Optional::stream).map(Found::target)
        .sorted(Comparator.comparingInt(ArtifactTarget::versionNumber)).toList();
  }

  /**
   * @return the partner-visible kernel version numbered {@code number} of {@code target}'s artifact, in any status
   *     (what a version is never changes, so a retry resolves the same version)
   */
  public Optional<ArtifactTarget> numbered(OccasionId occasionId, ArtifactTarget target, int number) {
    Checks.required("occasionId", occasionId);
    Checks.required("target", target);
    Optional<RecordType<?, ?>> type = lookup.type(target.version().type());
    if (target.hostVersion() || type.isEmpty() || !isVersionType(type.get())) {
      return Optional.empty();
    }
    return lookup.children(type.get(), occasionId, target.artifact()).stream()
        .filter(r -> r.visibility() == Visibility.PARTNER_VISIBLE).map(ArtifactVersions::found)
        .flatMap(Optional::stream).map(Found::target).filter(t -> t.versionNumber() == number).findFirst();
  }

  /** @return the newest superseding kernel version of {@code target}'s artifact, when there is one */
  public Optional<ArtifactTarget> newest(OccasionId occasionId, ArtifactTarget target) {
    List<ArtifactTarget> all = versionsOf(occasionId, target);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * Resolves {@code pin} for an operator: a kernel version gives its own target and placement (occasion, event,
   * partner); a host version takes them from the arguments; anything else names no exact version and is placed where
   * the named record is (or at the arguments), under the named record, so that the kernel checks it exists.
   *
   * @throws InvalidValueException when an argument contradicts the version's own placement, or a host version or an
   *     unknown target has no occasion
   * @throws RecordNotFoundException when {@code pin} names a kernel record that does not exist
   */
  public Pinned placeForOperator(ArtifactPin pin, Optional<OccasionId> occasion, Optional<EventId> event,
      Optional<PartnerId> partner) {
    Checks.required("pin", pin);
    Optional<Found> found = find(pin.ref());
    if (found.isPresent()) {
      Placement at = found.get().record().placement();
      agree("occasionId", occasion, Optional.of(at.occasionId()));
      agree("eventId", event, at.eventId());
      agree("partnerId", partner, at.partnerId());
      return new Pinned(on(at.occasionId(), at.eventId(), at.partnerId(), pin.ref(), found.get().target()),
          Optional.of(found.get().target()));
    }
    Optional<ArtifactTarget> host = host(pin);
    Optional<Placement> named = host.isPresent() ? Optional.empty()
        : lookup.find(pin.ref()).map(TypedRecord::placement);
    if (named.isEmpty() && lookup.type(pin.ref().type()).isPresent()) {
      throw new RecordNotFoundException("pin.ref", lookup.type(pin.ref().type()).get().noun(), pin.ref().id());
    }
    OccasionId occ = occasion.or(() -> named.map(Placement::occasionId)).orElseThrow(() -> new InvalidValueException(
        "occasionId", "occasionId is required for a target that is no kernel version, but was empty"));
    Optional<EventId> ev = event.or(() -> named.flatMap(Placement::eventId));
    Optional<PartnerId> with = partner.or(() -> named.flatMap(Placement::partnerId));
    return new Pinned(on(occ, ev, with, pin.ref(), host.orElse(null)), host);
  }

  /**
   * Resolves {@code pin} for a partner session: the record sits in the session's occasion with the session's partner;
   * a kernel version counts only when it is with that partner in that occasion (otherwise the kernel finds the record
   * not found, as for any record the partner may not see), and gives its event.
   */
  public Pinned placeForPartner(ArtifactPin pin, OccasionId occasion, PartnerId partner, Optional<EventId> event) {
    Checks.required("pin", pin);
    Optional<Found> found = find(pin.ref()).filter(f -> ownedBy(f.record(), occasion, partner));
    if (found.isPresent()) {
      return new Pinned(on(occasion, found.get().record().placement().eventId(), Optional.of(partner), pin.ref(),
          found.get().target()), Optional.of(found.get().target()));
    }
    Optional<ArtifactTarget> host = host(pin);
    Optional<EventId> ev = event;
    if (host.isEmpty() && event.isEmpty()) {
      ev = lookup.find(pin.ref()).filter(r -> ownedBy(r, occasion, partner)).flatMap(r -> r.placement().eventId());
    }
    return new Pinned(on(occasion, ev, Optional.of(partner), pin.ref(), host.orElse(null)), host);
  }

  /** @return whether {@code record} sits with {@code partner} in {@code occasion} (what a partner session may use) */
  public static boolean ownedBy(TypedRecord<?, ?> record, OccasionId occasion, PartnerId partner) {
    return record.placement().occasionId().equals(occasion)
        && record.placement().partnerId().map(partner::equals).orElse(false);
  }

  private static Optional<ArtifactTarget> host(ArtifactPin pin) {
    if (!ArtifactPin.PROPOSAL_ARTIFACT_VERSION.equals(pin.ref().type()) || pin.artifact().isEmpty()
        || pin.versionNumber().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ArtifactTarget.of(pin.ref(), pin.artifact().get(), pin.versionNumber().get()));
  }

  private static Placement on(OccasionId occasion, Optional<EventId> event, Optional<PartnerId> partner,
      RecordRef parent, @Nullable ArtifactTarget target) {
    return Placement.builder().occasionId(occasion).eventId(event).partnerId(partner).parent(parent)
        .resourceId(Optional.ofNullable(target).map(ArtifactTarget::resource)).build();
  }

  private static <T> void agree(String field, Optional<T> given, Optional<T> own) {
    if (given.isPresent() && !given.equals(own)) {
      throw new InvalidValueException(field, field + " must be the version's own ("
          + own.map(Object::toString).orElse("none") + ") or left out, but was " + given.get());
    }
  }
}
