package dev.partnerkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.json.PartnerkitJson;
import org.junit.jupiter.api.Test;

class QuickJsonSmokeTest {
  @Test
  void smoke() {
    PartnerkitJson json = PartnerkitJson.create();
    AccessGrant g = Fixtures.wideGrant("g-1").build();
    String s = json.write(g);
    System.out.println(s);
    assertEquals(g, json.read(s, AccessGrant.class));
    AccessRequest r = AccessRequest.view(Fixtures.DANA, Fixtures.TENANT, Fixtures.OCCASION, Surface.TASKS).build();
    String rs = json.write(r);
    System.out.println(rs);
    assertEquals(r, json.read(rs, AccessRequest.class));
    assertEquals(Fixtures.MAYA, json.read(json.write(Fixtures.MAYA), Actor.class));
    Decision d = AccessDecider.create().decide(r, Fixtures.facts(g), Fixtures.NOW);
    String ds = json.write(d);
    System.out.println(ds);
    System.out.println(d.render());
    assertEquals(d, json.read(ds, Decision.class));
  }
}
