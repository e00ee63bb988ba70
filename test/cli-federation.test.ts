import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCang } from './support/cang-process.js';

/** Two instances on their own data directories trust each other with `cang federation`, as operators do. */
// Each command is a process that opens and migrates its data directory: seconds apiece on a busy machine.
describe('cang federation', { timeout: 240_000 }, () => {
  let root = '';
  let city = '';
  let national = '';
  const asCity = (args: string[]) => runCang(city, args, { CANG_INSTANCE: 'VN-HP' });
  const asNational = (args: string[]) => runCang(national, args, { CANG_INSTANCE: 'VN' });
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cang-cli-federation-'));
    city = join(root, 'city');
    national = join(root, 'national');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exports an anchor from one data directory and trusts it in another', () => {
    const noUrl = asNational(['federation', 'anchor', 'export']);
    expect(noUrl.status).toBe(1);
    expect(noUrl.stderr).toContain('Error (conflict)');

    const file = join(root, 'vn-anchor.json');
    const exported = asNational([
      'federation',
      'anchor',
      'export',
      '--out',
      file,
      '--url',
      'https://x1.ndxp.example:8443/federation/v1/configuration',
    ]);
    expect(exported.stderr).toContain(`Wrote the anchor of VN to ${file}`);
    expect(exported.status).toBe(0);
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as { instance: string; certificate: string };
    expect(anchor.instance).toBe('VN');
    expect(new X509Certificate(anchor.certificate).subject).toBe('CN=VN');
    expect(readFileSync(join(national, 'keys', 'authority.pem'), 'utf8')).toBe(anchor.certificate);
    // The anchor file is never overwritten.
    expect(
      asNational(['federation', 'anchor', 'export', '--out', file, '--url', 'https://x.example/c']).status,
    ).toBe(1);

    const added = asCity(['federation', 'add', file]);
    expect(added.stdout).toContain('Trusted partner VN');
    expect(added.status).toBe(0);
    const listed = asCity(['federation', 'list', '--json']);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        instance: 'VN',
        configurationUrls: ['https://x1.ndxp.example:8443/federation/v1/configuration'],
        offers: 0,
        outboundClients: 0,
      }),
    ]);
    // Its own anchor is refused by the instance it names, naming the field.
    const own = asNational(['federation', 'add', file]);
    expect(own.status).toBe(1);
    expect(own.stderr).toContain('/instance');
  });

  it('offers a service to the partner, lets a local system call it, and removes the partner', () => {
    expect(asCity(['org', 'create', 'GOV', 'STP', 'Sở Tư pháp']).status).toBe(0);
    expect(asCity(['system', 'create', 'VN-HP/GOV/STP', 'HOTICH', 'Hộ tịch']).status).toBe(0);
    const service = 'VN-HP/GOV/STP/HOTICH/khai-sinh';
    expect(
      asCity([
        'service',
        'create',
        'VN-HP/GOV/STP/HOTICH',
        'khai-sinh',
        'Khai sinh',
        'https://hotich.example',
      ]).status,
    ).toBe(0);
    const offered = asCity(['federation', 'offer', 'VN', service, '--openapi']);
    expect(offered.stdout).toContain(`Offered ${service} to VN with its OpenAPI document`);
    const allowed = asCity(['federation', 'allow', 'VN', 'VN-HP/GOV/STP/HOTICH']);
    expect(allowed.status).toBe(0);
    const foreign = asCity(['federation', 'allow', 'VN', 'VN/GOV/BCA/DC']);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('/client');
    expect(JSON.parse(asCity(['federation', 'list', '--json']).stdout)[0]).toMatchObject({
      offers: 1,
      outboundClients: 1,
    });
    expect(asCity(['federation', 'remove', 'VN']).status).toBe(0);
    expect(JSON.parse(asCity(['federation', 'list', '--json']).stdout)).toEqual([]);
    const unknown = asCity(['federation', 'remove', 'VN']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('partner-unknown');
  });

  it('issues a node certificate chaining to the authority, 0600, and never overwrites it', () => {
    const out = join(root, 'hp-x2.pem');
    const issued = asCity([
      'federation',
      'certificate',
      '--node',
      'hp-x2',
      '--out',
      out,
      '--host',
      '127.0.0.1',
    ]);
    expect(issued.stdout).toContain(`Wrote the federation identity of VN-HP/hp-x2 to ${out}`);
    expect(issued.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('-----BEGIN PRIVATE KEY-----');
    const certificate = new X509Certificate(text.slice(text.indexOf('-----BEGIN CERTIFICATE-----')));
    const authority = new X509Certificate(readFileSync(join(city, 'keys', 'authority.pem')));
    expect(certificate.subject).toBe('CN=VN-HP/hp-x2');
    expect(certificate.verify(authority.publicKey)).toBe(true);
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    const again = asCity(['federation', 'certificate', '--node', 'hp-x2', '--out', out]);
    expect(again.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});
