/**
 * The workspace services a host calls: {@link dev.partnerkit.policy.workspace.PartnerWorkspace}, built over the
 * storage SPI and a clock. Every command loads its facts through the SPI, asks the decision core, and commits the
 * change, its activity entry, its decision-log row, its outbox event and its idempotency record in one unit of work;
 * a blocked command writes its decision-log row (and idempotency record) only.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
