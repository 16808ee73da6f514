package example.host;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.workspace.GrantDraft;
import java.util.List;

/** A host application's own request bodies, in a package of the host's: some hold Partnerkit values. */
public final class HostBodies {
  private HostBodies() {}

  /** The host's own enum. */
  public enum Color { RED, BLUE }

  /** The host's own DTO. */
  public record Order(String note, int count, int rounded, Color color, List<String> tags) {}

  /** A host request body that holds a grant draft. */
  public record IssueRequest(String note, int count, GrantDraft draft) {}

  /** A host request body that holds a grant. */
  public record GrantEnvelope(String note, AccessGrant grant) {}

  /** A host request body that holds a task draft and an actor. */
  public record TaskEnvelope(String note, TaskDraft draft, Actor actor) {}
}
