import { describe, expect, it } from 'vitest';
import { cidrContains, isLoopbackIp, isSpecialIp, normaliseIp, parseCidr } from './network-addresses.js';
import { allowListAdmitsUrl, normaliseAllowAddress } from './provider-allow-list.js';

describe('network addresses', () => {
  it('reads IPv4-mapped and IPv4-compatible IPv6 in every spelling as the IPv4 address they reach', () => {
    for (const written of [
      '::ffff:127.0.0.1',
      '[::ffff:7f00:1]',
      '::FFFF:7F00:0001',
      '0:0:0:0:0:ffff:7f00:1',
    ]) {
      expect(normaliseIp(written), written).toEqual({ address: '127.0.0.1', family: 4 });
    }
    expect(normaliseIp('::a9fe:a9fe')).toEqual({ address: '169.254.169.254', family: 4 });
    expect(normaliseIp('2001:DB8::1')).toEqual({ address: '2001:db8::1', family: 6 });
    expect(normaliseIp('api.example.vn')).toBeUndefined();
  });

  it('classes loopback, link-local, private and other special ranges, and leaves public ones', () => {
    expect(['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.2'].every(isLoopbackIp)).toBe(true);
    for (const special of [
      '0.0.0.0',
      '10.1.2.3',
      '100.64.0.1',
      '169.254.169.254',
      '172.31.255.255',
      '192.168.0.1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'ff02::1',
      '64:ff9b::a9fe:a9fe',
      '2002:a9fe:a9fe::1',
      '::ffff:192.168.1.1',
    ]) {
      expect(isSpecialIp(special), special).toBe(true);
    }
    for (const open of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isSpecialIp(open), open).toBe(false);
    }
  });

  it('parses CIDR blocks and refuses malformed ones', () => {
    expect(cidrContains(parseCidr('10.20.0.0/16')!, '::ffff:10.20.9.9')).toBe(true);
    expect(cidrContains(parseCidr('10.20.0.0/16')!, '10.21.0.1')).toBe(false);
    expect(cidrContains(parseCidr('fd00:10::/32')!, 'fd00:10:1::5')).toBe(true);
    for (const bad of ['10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/8/1', 'fd00::/129', 'x/8']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('normalises allow-list addresses and matches URLs by name, wildcard, block and port', () => {
    expect(normaliseAllowAddress('API.Example.VN')).toBe('api.example.vn');
    expect(normaliseAllowAddress('10.20.0.0/16')).toBe('10.20.0.0/16');
    expect(normaliseAllowAddress('10.20.0.7/32')).toBe('10.20.0.7');
    expect(normaliseAllowAddress('*.')).toBeUndefined();
    const entries = [
      { address: '*.sxd.haiphong.gov.vn', ports: [443] },
      { address: '10.20.0.0/16', ports: null },
    ];
    expect(allowListAdmitsUrl(entries, new URL('https://api.sxd.haiphong.gov.vn/v1'))).toBe(true);
    expect(allowListAdmitsUrl(entries, new URL('https://sxd.haiphong.gov.vn/v1'))).toBe(false);
    expect(allowListAdmitsUrl(entries, new URL('http://api.sxd.haiphong.gov.vn/v1'))).toBe(false);
    expect(allowListAdmitsUrl(entries, new URL('https://evilsxd.haiphong.gov.vn'))).toBe(false);
    expect(allowListAdmitsUrl(entries, new URL('http://10.20.1.1:9000'))).toBe(true);
    expect(allowListAdmitsUrl(entries, new URL('http://[::ffff:a14:101]:9000'))).toBe(true);
    expect(allowListAdmitsUrl(entries, new URL('http://10.21.1.1'))).toBe(false);
  });
});
