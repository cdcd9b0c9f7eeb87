import { type NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { type INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { type INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';

/**
 * Decides, as a NetworkPolicy-enforcing CNI would, whether a connection is allowed: a pod's
 * egress must be allowed by some policy selecting it (or no policy selects it for Egress), and
 * the destination's ingress likewise. Enough of the API for the shop's policies: matchLabels
 * selectors, namespace selectors by `kubernetes.io/metadata.name`, IPv4 ipBlocks, numeric and
 * named ports. Pod addresses are taken to be in 10.0.0.0/8 (inside every policy's `except`).
 */

export interface Endpoint {
  /** The pod's labels, or undefined for an address outside the cluster. */
  labels?: Record<string, string>;
  namespace: string;
  /** Named container ports of the pod (`http` -> 3003). */
  namedPorts?: Record<string, number>;
  /** An IPv4 address: the pod's, or the outside address. */
  address: string;
}

export interface Connection {
  port: number;
  protocol?: 'TCP' | 'UDP';
}

const shopNamespace = 'shop';

function matchesLabels(selector: Record<string, string> | undefined, labels = {}): boolean {
  return Object.entries(selector ?? {}).every(
    ([key, value]) => (labels as Record<string, string>)[key] === value,
  );
}

function ipv4(address: string): number {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !(part >= 0 && part <= 255))) return NaN;
  return parts.reduce((value, part) => value * 256 + part, 0);
}

function inCidr(address: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const ip = ipv4(address);
  const network = ipv4(base);
  if (Number.isNaN(ip) || Number.isNaN(network)) return false; // IPv6 blocks: not modelled
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ip / size) === Math.floor(network / size);
}

function peerMatches(peer: INetworkPolicyPeer, other: Endpoint): boolean {
  if (peer.ipBlock) {
    return (
      inCidr(other.address, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except ?? []).some((cidr) => inCidr(other.address, cidr))
    );
  }
  if (!other.labels) return false;
  const namespaceLabels = { 'kubernetes.io/metadata.name': other.namespace };
  const namespaceOk = peer.namespaceSelector
    ? matchesLabels(peer.namespaceSelector.matchLabels, namespaceLabels)
    : other.namespace === shopNamespace;
  const podOk = peer.podSelector ? matchesLabels(peer.podSelector.matchLabels, other.labels) : true;
  return namespaceOk && podOk;
}

function portMatches(
  ports: INetworkPolicyPort[] | undefined,
  connection: Connection,
  destination: Endpoint,
): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((rule) => {
    if ((rule.protocol ?? 'TCP') !== (connection.protocol ?? 'TCP')) return false;
    if (rule.port === undefined) return true;
    const number = typeof rule.port === 'number' ? rule.port : destination.namedPorts?.[rule.port];
    return number === connection.port;
  });
}

function selecting(policies: NetworkPolicy[], pod: Endpoint, type: 'Ingress' | 'Egress') {
  if (!pod.labels || pod.namespace !== shopNamespace) return undefined;
  return policies.filter(
    (policy) =>
      matchesLabels(policy.spec?.podSelector.matchLabels, pod.labels) &&
      (policy.spec?.policyTypes ?? ['Ingress']).includes(type),
  );
}

/** Whether `from` may open `connection` to `to` under `policies` (all in namespace shop). */
export function allows(
  policies: NetworkPolicy[],
  from: Endpoint,
  to: Endpoint,
  connection: Connection,
): boolean {
  const egress = selecting(policies, from, 'Egress');
  const egressOk =
    egress === undefined ||
    egress.length === 0 ||
    egress.some((policy) =>
      (policy.spec?.egress ?? []).some(
        (rule) =>
          (rule.to === undefined || rule.to.some((peer) => peerMatches(peer, to))) &&
          portMatches(rule.ports, connection, to),
      ),
    );
  const ingress = selecting(policies, to, 'Ingress');
  const ingressOk =
    ingress === undefined ||
    ingress.length === 0 ||
    ingress.some((policy) =>
      (policy.spec?.ingress ?? []).some(
        (rule) =>
          (rule.from === undefined || rule.from.some((peer) => peerMatches(peer, from))) &&
          portMatches(rule.ports, connection, to),
      ),
    );
  return egressOk && ingressOk;
}
