import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './address';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.7', false)).toBe('10.0.0.5');
  });

  it('behind a trusted proxy takes the last entry, the one the proxy appended', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.1, 203.0.113.7', true)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', ['198.51.100.1', '203.0.113.7'], true)).toBe('203.0.113.7');
  });

  it('falls back to the connection when the header is missing or not an address', () => {
    expect(clientAddress('10.0.0.5', undefined, true)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'nonsense', true)).toBe('10.0.0.5');
    expect(clientAddress(undefined, undefined, false)).toBe('unknown');
  });
});

describe('addressKey', () => {
  it('keeps IPv4, also written IPv4-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts IPv6 by its /64, so one home cannot rotate through its own addresses', () => {
    const a = addressKey('2001:db8:1:2:aaaa::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(a);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
