package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.blockers.Blockers;
import dev.partnerkit.policy.surface.comments.Comments;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.surface.approvals.Approvals;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record types a workspace knows, by wire name: the built-in surfaces' types plus any a host registers. Used to
 * read prerequisites and link targets of other types; immutable.
 */
public final class RecordTypes {
  private final Map<String, RecordType<?, ?>> byName;

  private RecordTypes(Map<String, RecordType<?, ?>> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName)); // all() is by wire name
  }

  /** @return the record types of Partnerkit's built-in surfaces */
  public static List<RecordType<?, ?>> builtIn() {
    List<RecordType<?, ?>> all = new ArrayList<>();
    all.add(Tasks.TYPE);
    all.addAll(Documents.TYPES);
    all.addAll(Comments.TYPES);
    all.addAll(Blockers.TYPES);
    all.add(RunsOfShow.TYPE);
    all.add(RunsOfShow.VERSION);
    all.add(Approvals.REQUEST);
    all.add(Approvals.DECISION);
    all.add(Annotations.TYPE);
    return List.copyOf(all);
  }

  /**
   * @param types the types; wire names must be unique
   * @return the registry
   * @throws InvalidValueException when two types share a wire name
   */
  public static RecordTypes of(Collection<? extends RecordType<?, ?>> types) {
    Map<String, RecordType<?, ?>> byName = new TreeMap<>();
    for (RecordType<?, ?> type : Checks.required("types", types)) {
      RecordType<?, ?> seen = byName.putIfAbsent(type.wireName(), type);
      if (seen != null && seen != type) {
        throw new InvalidValueException("recordTypes", "recordTypes must not hold two types named "
            + type.wireName());
      }
    }
    return new RecordTypes(byName);
  }

  /** @return the type with {@code wireName}, when known */
  public Optional<RecordType<?, ?>> find(String wireName) {
    return Optional.ofNullable(byName.get(wireName));
  }

  /** @return every type, by wire name */
  public List<RecordType<?, ?>> all() {
    return new ArrayList<>(byName.values());
  }
}
