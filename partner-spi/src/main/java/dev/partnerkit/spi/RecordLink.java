package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A directed, named link from one record to another record or host entity, unique per (tenant, from, relation, to):
 * a task's dependency, a document's link to an Event, an approval's pin to an exact artifact version.
 */
@Value.Immutable
@SuppressWarnings("immutables:from") // the attribute from() wins over the builder's copy method from(RecordLink)
@JsonSerialize(as = ImmutableRecordLink.class)
@JsonDeserialize(as = ImmutableRecordLink.class)
public abstract class RecordLink {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the record the link starts from (so the builder has no {@code from(RecordLink)} copy method) */
  @SuppressWarnings("immutables:from")
  public abstract RecordRef from();

  /** @return the relation, lower snake case, e.g. {@code depends_on} */
  public abstract String relation();

  /** @return what the link points at */
  public abstract RecordRef to();

  /** @return when it was made */
  public abstract Instant createdAt();

  @Value.Check
  protected void check() {
    Checks.check(RecordRef.isTypeName(relation()), "relation",
        "relation must be a lower snake case name, but was " + Checks.show(relation()));
    Checks.check(!from().equals(to()), "to", "a record cannot link to itself, but to was " + to());
  }

  /** @return a new builder */
  public static ImmutableRecordLink.Builder builder() {
    return ImmutableRecordLink.builder();
  }
}
