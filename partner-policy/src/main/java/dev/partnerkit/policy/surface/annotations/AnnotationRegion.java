package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * A rectangle on a page or image, in ten-thousandths of its width and height from the top left corner (so it stays
 * put whatever size the page is shown at): {@code x=2500, width=5000} is the middle half.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationRegion.class)
@JsonDeserialize(as = ImmutableAnnotationRegion.class)
public abstract class AnnotationRegion {
  /** The whole width or height. */
  public static final int WHOLE = 10_000;

  /** @return left edge */
  public abstract int x();

  /** @return top edge */
  public abstract int y();

  /** @return width, more than 0 */
  public abstract int width();

  /** @return height, more than 0 */
  public abstract int height();

  @Value.Check
  protected void check() {
    Checks.check(x() >= 0 && y() >= 0 && width() > 0 && height() > 0 && x() + width() <= WHOLE
        && y() + height() <= WHOLE, "region", "region must lie on the page (0 to " + WHOLE + " each way, with a width"
        + " and height), but was x=" + x() + " y=" + y() + " width=" + width() + " height=" + height());
  }

  /** @return a region */
  public static AnnotationRegion of(int x, int y, int width, int height) {
    return ImmutableAnnotationRegion.builder().x(x).y(y).width(width).height(height).build();
  }
}
