// Every row of the outcome table against every way of mounting a receiver, in both vitest projects
// (sources and built packages). A row that cannot apply to a mount is listed as skipped with the reason.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRequest, TestResponse } from './client.js';
import { type Mount, type Mounted, mounts } from './mounts.js';
import { type Environment, optionsOf, registerScenario, type VariantName, World } from './scenario.js';
import { defaultLimit, type Expected, type Row, table } from './table.js';

/** Nothing a caller must not see: configured secrets, what a handler threw, a stack frame. */
const leaks = /conformance-authorization-value|s3cret|conformance-hmac-secret|hunter2|\bat \S+:\d+/;

const environment: { -readonly [K in keyof Environment]: Environment[K] } = { jwksDownUrl: '' };
let jwksDown: http.Server | undefined;

beforeAll(async () => {
  jwksDown = http.createServer((_req, res) => void res.writeHead(503).end());
  await new Promise<void>((resolve) => jwksDown?.listen(0, '127.0.0.1', resolve));
  environment.jwksDownUrl = `http://127.0.0.1:${(jwksDown.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => (jwksDown ? jwksDown.close(() => resolve()) : resolve())));

describe.each(mounts)('$name', (mount) => {
  const open = new Map<VariantName, Promise<{ mounted: Mounted; world: World }>>();
  /** One webhook per variant and mount, started on first use; rows use distinct event ids. */
  const webhook = (name: VariantName) => {
    let started = open.get(name);
    if (started === undefined) {
      const world = new World();
      started = mount
        .start(optionsOf(name, environment), (routes) => registerScenario(routes, world))
        .then((mounted) => ({ mounted, world }));
      open.set(name, started);
    }
    return started;
  };
  afterAll(async () => {
    for (const started of open.values()) await (await started).mounted.close();
  });

  for (const row of table) {
    const notHere = row.notOn?.(mount);
    if (notHere !== undefined) {
      it.skip(`${row.name} [not on this mount: ${notHere}]`, () => {});
      continue;
    }
    const defect = row.knownDefect?.(mount);
    const test = defect === undefined ? it : it.fails;
    test(defect === undefined ? row.name : `${row.name} [known defect: ${defect}]`, async () => {
      const { mounted, world } = await webhook(row.on ?? 'default');
      const response = row.run
        ? await row.run(mounted.send, world)
        : await mounted.send(await requestOf(row));
      expectAnswer(mount, response, typeof row.expect === 'function' ? row.expect(mount) : row.expect);
      row.check?.(world, response);
    });
  }
});

function requestOf(row: Row): TestRequest | Promise<TestRequest> {
  if (row.request === undefined) throw new Error(`row "${row.name}" has neither request nor run`);
  return typeof row.request === 'function' ? row.request() : row.request;
}

function expectAnswer(mount: Mount, response: TestResponse, expected: Expected): void {
  expect(response.status).toBe(expected.status);
  if (expected.body === null) {
    expect(response.text).toBe('');
  } else {
    expect(response.json).toEqual(expected.body);
    expect(response.text).toBe(JSON.stringify(expected.body));
    expect(response.header('content-type')).toBe('application/json; charset=utf-8');
  }
  expect(response.header('cache-control')).toBe('no-store');
  const headers = { allow: null, 'www-authenticate': null, ...expected.headers };
  for (const [name, value] of Object.entries(headers))
    expect(response.header(name), name).toBe(value ?? undefined);
  expect(response.text).not.toMatch(leaks);
  if (expected.read !== undefined) expectRead(mount, response, expected.read);
}

const kib = 1024;
const mib = 1024 * kib;

/**
 * In-process the test counts what the server pulled from the stream; over HTTP only what the client
 * had written when the answer came, which socket buffers inflate (so a looser bound).
 */
function expectRead(mount: Mount, response: TestResponse, read: NonNullable<Expected['read']>): void {
  const consumed = response.consumed as number;
  expect(consumed).toEqual(expect.any(Number));
  if (mount.transport === 'http') {
    expect(consumed).toBeLessThan(20 * mib);
  } else if (read === 'nothing') {
    expect(consumed).toBeLessThanOrEqual(128 * kib);
  } else {
    expect(consumed).toBeGreaterThan(defaultLimit);
    expect(consumed).toBeLessThan(defaultLimit + 512 * kib);
  }
}
