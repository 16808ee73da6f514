package dev.partnerkit.policy.workspace;

/**
 * What one {@link WebhookRelay#runOnce()} did.
 *
 * @param eventsRouted outbox events fanned out (and marked published)
 * @param deliveriesCreated deliveries created for subscriptions whose principal's grants cover the event
 * @param attempted requests sent (or refused before sending: a target the relay may not reach)
 * @param delivered attempts answered with a 2xx status
 * @param failed attempts that failed and will be retried
 * @param dead deliveries that failed their last attempt (the dead letter)
 * @param suppressed deliveries not sent because, at delivery time, the grants no longer covered them
 * @param endpointsDisabled endpoints disabled after sustained failure
 * @param leasesLost attempts whose outcome could not be recorded because another relay took the lease over
 */
public record RelayRun(int eventsRouted, int deliveriesCreated, int attempted, int delivered, int failed, int dead,
    int suppressed, int endpointsDisabled, int leasesLost) {
  /** @return whether the run found nothing to do */
  public boolean idle() {
    return eventsRouted == 0 && attempted == 0 && suppressed == 0;
  }

  RelayRun plus(RelayRun o) {
    return new RelayRun(eventsRouted + o.eventsRouted, deliveriesCreated + o.deliveriesCreated,
        attempted + o.attempted, delivered + o.delivered, failed + o.failed, dead + o.dead,
        suppressed + o.suppressed, endpointsDisabled + o.endpointsDisabled, leasesLost + o.leasesLost);
  }

  static RelayRun none() {
    return new RelayRun(0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
