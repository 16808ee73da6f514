package dev.partnerkit.policy.workspace;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Which endpoint addresses the relay may send to. By default only public ones: a host name that resolves to any
 * loopback, private (RFC 1918, IPv6 unique local, carrier-grade NAT), link-local (cloud metadata), any-local or
 * multicast address is refused, so a subscription cannot reach into the host's network. A host allows loopback (its
 * tests) or private networks (an intranet partner) explicitly.
 */
final class DeliveryTargets {
  private final boolean allowLoopback;
  private final boolean allowPrivate;

  DeliveryTargets(boolean allowLoopback, boolean allowPrivate) {
    this.allowLoopback = allowLoopback;
    this.allowPrivate = allowPrivate;
  }

  /** @return why the endpoint is refused, or null when the relay may send to it */
  @Nullable String refusal(URI endpoint) {
    String host = endpoint.getHost();
    if (host == null) {
      return "target refused: the endpoint has no host";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return "target refused: " + host + " does not resolve";
    }
    for (InetAddress address : addresses) {
      String kind = kind(address);
      if (kind != null) {
        return "target refused: " + host + " resolves to " + kind + " address " + address.getHostAddress()
            + ", which the relay is not allowed to reach";
      }
    }
    return null;
  }

  private @Nullable String kind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return allowLoopback || allowPrivate ? null : "a loopback";
    }
    if (allowPrivate) {
      return null;
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local";
    }
    if (a.isAnyLocalAddress()) {
      return "an any-local";
    }
    if (a.isMulticastAddress()) {
      return "a multicast";
    }
    if (a.isSiteLocalAddress()) {
      return "a private";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
      return "a carrier-grade NAT";
    }
    if (a instanceof Inet4Address && (b[0] & 0xff) == 0) {
      return "a this-network";
    }
    if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "a unique-local";
    }
    return null;
  }
}
