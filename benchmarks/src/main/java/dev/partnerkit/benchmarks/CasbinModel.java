package dev.partnerkit.benchmarks;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.Surface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * The same workload in jCasbin's RBAC-with-domains model: the domain is the event, the roles are "may read surface
 * s", and the policy opens each surface to its role. A grant becomes role assignments {@code g, partner,
 * surface:s, event} for every event it covers and every surface it opens whose capability it gives — only for grants
 * that are active and inside their window at the workload's time (jCasbin has no statuses or windows: the host would
 * reload the policy when they change, so they cost jCasbin nothing here).
 */
final class CasbinModel {
  static final String MODEL = String.join("\n",
      "[request_definition]",
      "r = sub, dom, obj",
      "[policy_definition]",
      "p = sub, obj",
      "[role_definition]",
      "g = _, _, _",
      "[policy_effect]",
      "e = some(where (p.eft == allow))",
      "[matchers]",
      "m = g(r.sub, p.sub, r.dom) && r.obj == p.obj");

  private final Enforcer enforcer;
  private final String[] subject;
  private final String[] domain;
  private final String[] object;

  CasbinModel(Workload w) {
    Model model = Model.newModelFromString(MODEL);
    enforcer = new Enforcer(model);
    enforcer.enableLog(false);
    List<List<String>> policies = new ArrayList<>();
    for (Surface s : Surface.values()) {
      policies.add(List.of("surface:" + s.wireName(), s.wireName()));
    }
    enforcer.addPolicies(policies);
    Set<List<String>> roles = new LinkedHashSet<>();
    for (AccessGrant g : w.grants) {
      boolean inWindow = !Workload.NOW.isBefore(g.validFrom())
          && g.validUntil().map(Workload.NOW::isBefore).orElse(true);
      if (g.status() != GrantStatus.ACTIVE || !inWindow) {
        continue;
      }
      int occasion = Integer.parseInt(g.scope().occasionId().value().substring(4));
      List<EventId> events = g.scope().events().isEmpty() ? Arrays.asList(w.eventIds[occasion])
          : new ArrayList<>(g.scope().events());
      for (Surface s : g.scope().surfaces()) {
        PartnerCapability needed = s.requiredCapabilityOrNull();
        if (needed != null && !g.capabilities().contains(needed)) {
          continue;
        }
        for (EventId e : events) {
          roles.add(List.of(g.partnerId().value(), "surface:" + s.wireName(), e.value()));
        }
      }
    }
    enforcer.addGroupingPolicies(new ArrayList<>(roles));
    int n = w.requests.length;
    subject = new String[n];
    domain = new String[n];
    object = new String[n];
    for (int i = 0; i < n; i++) {
      subject[i] = w.partnerRecords[w.requestPartner[i]].partnerId().value();
      domain[i] = w.requests[i].eventId().orElseThrow().value();
      object[i] = w.requestSurface[i].wireName();
    }
  }

  /** @return whether jCasbin allows request {@code i} */
  boolean allows(int i) {
    return enforcer.enforce(subject[i], domain[i], object[i]);
  }
}
