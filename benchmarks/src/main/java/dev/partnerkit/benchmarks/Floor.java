package dev.partnerkit.benchmarks;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.Surface;
import java.util.Arrays;

/**
 * The floor: a bare indexed lookup of the same workload, the least any access check must do. Partner → its grants
 * (an array) → status, window, occasion, event (a sorted int array), surface and capability bits. Requests are
 * pre-encoded as ints; the answer is a boolean, with no explanation, no audit and no validation.
 */
final class Floor {
  private static final class Compact {
    final boolean active;
    final long validFrom;
    final long validUntil;
    final int occasion;
    final int[] events;
    final int surfaces;
    final int capabilities;

    Compact(boolean active, long validFrom, long validUntil, int occasion, int[] events, int surfaces,
        int capabilities) {
      this.active = active;
      this.validFrom = validFrom;
      this.validUntil = validUntil;
      this.occasion = occasion;
      this.events = events;
      this.surfaces = surfaces;
      this.capabilities = capabilities;
    }
  }

  private final Compact[][] byPartner;
  private final int[] partner;
  private final int[] occasion;
  private final int[] event;
  private final int[] surfaceBit;
  private final int[] capabilityBit;
  private final long now;

  Floor(Workload w) {
    byPartner = new Compact[w.partners][];
    for (int p = 0; p < w.partners; p++) {
      Compact[] mine = new Compact[w.grantsPerPartner];
      for (int g = 0; g < w.grantsPerPartner; g++) {
        mine[g] = compact(w.grants.get(p * w.grantsPerPartner + g));
      }
      byPartner[p] = mine;
    }
    int n = w.requests.length;
    partner = w.requestPartner.clone();
    occasion = w.requestOccasion.clone();
    event = w.requestEvent.clone();
    surfaceBit = new int[n];
    capabilityBit = new int[n];
    for (int i = 0; i < n; i++) {
      Surface s = w.requestSurface[i];
      surfaceBit[i] = 1 << s.ordinal();
      PartnerCapability needed = s.requiredCapabilityOrNull();
      capabilityBit[i] = needed == null ? 0 : 1 << needed.ordinal();
    }
    now = micros(Workload.NOW.getEpochSecond(), Workload.NOW.getNano());
  }

  private static Compact compact(AccessGrant g) {
    int[] events = new int[g.scope().events().size()];
    int i = 0;
    for (EventId e : g.scope().events()) {
      events[i++] = globalEvent(e);
    }
    Arrays.sort(events);
    int surfaces = 0;
    for (Surface s : g.scope().surfaces()) {
      surfaces |= 1 << s.ordinal();
    }
    int capabilities = 0;
    for (PartnerCapability c : g.capabilities()) {
      capabilities |= 1 << c.ordinal();
    }
    long until = g.validUntil().map(u -> micros(u.getEpochSecond(), u.getNano())).orElse(Long.MAX_VALUE);
    return new Compact(g.status() == GrantStatus.ACTIVE, micros(g.validFrom().getEpochSecond(),
        g.validFrom().getNano()), until, Integer.parseInt(g.scope().occasionId().value().substring(4)), events,
        surfaces, capabilities);
  }

  /** "evt-12-7" is event 12 × 20 + 7. */
  private static int globalEvent(EventId e) {
    String v = e.value();
    int dash = v.lastIndexOf('-');
    return Integer.parseInt(v.substring(4, dash)) * Workload.EVENTS_PER_OCCASION + Integer.parseInt(v.substring(dash + 1));
  }

  private static long micros(long seconds, int nanos) {
    return seconds * 1_000_000L + nanos / 1_000;
  }

  /** @return whether request {@code i} is allowed */
  boolean allows(int i) {
    Compact[] grants = byPartner[partner[i]];
    int occ = occasion[i];
    int evt = event[i];
    int surface = surfaceBit[i];
    int capability = capabilityBit[i];
    for (Compact g : grants) {
      if (g.active && g.validFrom <= now && now < g.validUntil && g.occasion == occ
          && (g.events.length == 0 || Arrays.binarySearch(g.events, evt) >= 0)
          && (g.surfaces & surface) != 0 && (g.capabilities & capability) == capability) {
        return true;
      }
    }
    return false;
  }
}
