package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.spi.PartnerkitStorage;

/**
 * Test setup: stores a membership or principal as described (inserted, or replacing the stored one) and opens its
 * session by ids, the only way a host can. Tests describe actors as values; the workspace only ever reads them back.
 */
final class StoredActors {
  private StoredActors() {}

  static PartnerSessionOpening open(PartnerWorkspace workspace, PartnerkitStorage storage, Actor actor,
      OccasionId occasion) {
    if (actor instanceof PartnerMember m) {
      var stored = storage.directory().findMember(m.tenantId(), m.partnerId(), m.userId());
      if (stored.isEmpty()) {
        storage.directory().insertMember(ImmutablePartnerMember.copyOf(m).withVersion(0));
      } else if (!ImmutablePartnerMember.copyOf(m).withVersion(stored.get().version()).equals(stored.get())) {
        storage.directory().updateMember(ImmutablePartnerMember.copyOf(m).withVersion(stored.get().version() + 1));
      }
      return workspace.openPartnerSession(m.tenantId(), m.userId(), m.partnerId(), occasion);
    }
    IntegrationPrincipal p = (IntegrationPrincipal) actor;
    var stored = storage.directory().findPrincipal(p.tenantId(), p.principalId());
    if (stored.isEmpty()) {
      storage.directory().insertPrincipal(ImmutableIntegrationPrincipal.copyOf(p).withVersion(0));
    } else if (!ImmutableIntegrationPrincipal.copyOf(p).withVersion(stored.get().version()).equals(stored.get())) {
      storage.directory().updatePrincipal(ImmutableIntegrationPrincipal.copyOf(p)
          .withVersion(stored.get().version() + 1));
    }
    return workspace.openIntegrationSession(p.tenantId(), p.principalId(), occasion);
  }
}
