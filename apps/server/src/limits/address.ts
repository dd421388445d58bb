import { isIP } from 'node:net';

/**
 * The address a request is counted under. Behind a reverse proxy (TRUST_PROXY) every request
 * comes from the proxy, so the client is the last entry of X-Forwarded-For: the one our own proxy
 * appended (entries before it are whatever the client chose to send). Without TRUST_PROXY the
 * header is ignored, or anyone could pick a fresh address per request.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor !== undefined) {
    const list = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
    const last = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last && isIP(last)) return addressKey(last);
  }
  return remoteAddress ? addressKey(remoteAddress) : 'unknown';
}

/**
 * One key per client: IPv4 as is (also when written IPv4-mapped, `::ffff:1.2.3.4`), IPv6 by its
 * /64 prefix, since one home or phone gets a whole /64 and could otherwise rotate through it.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address.split('%')[0]!);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("::" filled in). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const part = (s: string) => (s ? s.split(':') : []);
  let left = part(head);
  let right = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail (::1.2.3.4) stands for two groups.
  const toGroups = (groups: string[]) =>
    groups.flatMap((g) => {
      if (!g.includes('.')) return [g];
      const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  left = toGroups(left);
  right = toGroups(right);
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16).toString(16));
}
