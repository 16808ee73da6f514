package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where on its exact version an annotation points: a page, a region (of a page), a range of text, or one item (a
 * run-of-show item id, a proposal line). An item anchor stands alone; the others combine (page 2, region ..., or
 * range ... on page 3). It never changes once the annotation is made.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationAnchor.class)
@JsonDeserialize(as = ImmutableAnnotationAnchor.class)
public abstract class AnnotationAnchor {
  /** @return the page, from 1 */
  public abstract Optional<Integer> page();

  /** @return a region of the page (or of the image) */
  public abstract Optional<AnnotationRegion> region();

  /** @return a range of text */
  public abstract Optional<AnnotationRange> range();

  /** @return an item of the version, by its id */
  public abstract Optional<String> itemId();

  @Value.Check
  protected void check() {
    page().ifPresent(p -> Checks.check(p >= 1, "page", "page must be 1 or more, but was " + p));
    itemId().ifPresent(i -> Checks.identifier("itemId", i));
    boolean placeOnPage = page().isPresent() || region().isPresent() || range().isPresent();
    Checks.check(placeOnPage != itemId().isPresent(), "anchor", itemId().isPresent()
        ? "an item anchor stands alone: leave out page, region and range"
        : "anchor needs a page, a region, a range or an item id");
  }

  /** @return a short description, e.g. "page 2, region 2500,1000 5000x2000" or "item setup-bar" */
  public String describe() {
    if (itemId().isPresent()) {
      return "item " + itemId().get();
    }
    StringBuilder out = new StringBuilder();
    page().ifPresent(p -> out.append("page ").append(p));
    region().ifPresent(r -> out.append(out.length() > 0 ? ", " : "").append("region ").append(r.x()).append(',')
        .append(r.y()).append(' ').append(r.width()).append('x').append(r.height()));
    range().ifPresent(r -> out.append(out.length() > 0 ? ", " : "").append("characters ").append(r.start())
        .append('-').append(r.end()));
    return out.toString();
  }

  /** @return an anchor on one item */
  public static AnnotationAnchor item(String itemId) {
    return ImmutableAnnotationAnchor.builder().itemId(itemId).build();
  }

  /** @return an anchor on a region of a page */
  public static AnnotationAnchor region(int page, AnnotationRegion region) {
    return ImmutableAnnotationAnchor.builder().page(page).region(region).build();
  }

  /** @return a new builder */
  public static ImmutableAnnotationAnchor.Builder builder() {
    return ImmutableAnnotationAnchor.builder();
  }
}
