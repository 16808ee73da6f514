package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The facts of a request about one kernel record, as loaded from the store by the workspace (never declared by the
 * caller): the record type, the record (absent while it is being created), its title for explanations, the partner
 * it is with, the status of its placement parent when that is a kernel record, for a transition the stored and
 * requested status and the prerequisites still open, for a create the
 * relations of the links made with it, and the people named through the type's audience relation who could not see
 * the record. What is done to the record is the request's {@link AccessRequest#intent() intent}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRecordAction.class)
@JsonDeserialize(as = ImmutableRecordAction.class)
public abstract class RecordAction {
  /** Most open prerequisites carried into a decision. */
  public static final int MAX_PREREQUISITES = 100;

  /** @return the wire name of the record type, e.g. {@code partner_task} */
  public abstract String type();

  /** @return the record's id; empty while the record is being created */
  public abstract Optional<String> recordId();

  /** @return the record's title, used in explanations instead of its id */
  public abstract Optional<String> title();

  /** @return the partner the record is with, when it is with one */
  public abstract Optional<PartnerId> partnerId();

  /** @return for a transition, the stored status (wire name) */
  public abstract Optional<String> fromStatus();

  /** @return for a transition, the requested status (wire name) */
  public abstract Optional<String> toStatus();

  /** @return prerequisites of the record that are not closed yet (missing ones count as open) */
  public abstract Set<RecordRef> openPrerequisites();

  /** @return for a link or unlink, the relation */
  public abstract Optional<String> relation();

  /** @return for a create, the relations of the links made together with the record (they need linker rights) */
  public abstract Set<String> linkRelations();

  /**
   * @return people the request would name through the type's audience relation (a mention) who could not see the
   *     record; any of them blocks the request, with words that never say whether the person exists
   */
  public abstract Set<RecordRef> audienceOutOfReach();
  /**
   * @return the status (wire name) of the record's placement parent, when the parent is a kernel record: a fact
   *     record rules read (no decision on a closed approval request, say)
   */
  public abstract Optional<String> parentStatus();

  @Value.Check
  protected void check() {
    Checks.check(RecordRef.isTypeName(type()), "type", "type must be a lower snake case record type name, but was "
        + Checks.show(type()));
    recordId().ifPresent(id -> Checks.identifier("recordId", id));
    title().ifPresent(t -> Checks.text("title", t, Checks.MAX_NAME_LENGTH));
    Checks.check(fromStatus().isPresent() == toStatus().isPresent(), "toStatus",
        "fromStatus and toStatus must be given together");
    fromStatus().ifPresent(s -> Checks.identifier("fromStatus", s));
    toStatus().ifPresent(s -> Checks.identifier("toStatus", s));
    Checks.maxSize("openPrerequisites", openPrerequisites(), MAX_PREREQUISITES);
    relation().ifPresent(r -> Checks.check(RecordRef.isTypeName(r), "relation",
        "relation must be a lower snake case name, but was " + Checks.show(r)));
    Checks.maxSize("linkRelations", linkRelations(), MAX_PREREQUISITES);
    for (String r : linkRelations()) {
      Checks.check(RecordRef.isTypeName(r), "linkRelations[]", "linkRelations[] must be lower snake case names, but"
          + " had " + Checks.show(r));
    }
    Checks.maxSize("audienceOutOfReach", audienceOutOfReach(), MAX_PREREQUISITES);
    parentStatus().ifPresent(s -> Checks.identifier("parentStatus", s));
  }

  /** @return a new builder */
  public static ImmutableRecordAction.Builder builder() {
    return ImmutableRecordAction.builder();
  }
}
