// Our Logto event model against Logto's own types (@logto/schemas, the package Logto builds its hook
// payloads from): every named field of the payload types (interaction, data and exception events), of
// the user, application and profile objects they carry, and of each entity a data event carries in
// `data`, must be in our zod objects. The package is pinned in devDependencies; a newer one that adds
// fields makes this test name them. Field names only: Logto's payload types are open
// (`Record<string, unknown>`, `data?: unknown`), so the entities stand in for what `data` holds.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { logtoCatalogue } from '../src/events/catalogue.js';
import { applicationObject, userEntityObject, userProfileObject } from '../src/events/common.js';
import {
  organizationObject,
  organizationRoleObject,
  organizationScopeObject,
  roleObject,
  scopeObject,
  trustedDeviceObject,
  userDataObject,
} from '../src/events/data.js';
import { grantLimitExceeded } from '../src/events/exception.js';

const require = createRequire(import.meta.url);
const schemasDir = dirname(require.resolve('@logto/schemas/package.json'));

/** Each official type, as a type expression over @logto/schemas' exports. */
const probe = `
import type * as L from '@logto/schemas';
type UserInfo = Pick<L.User, (typeof L.userInfoSelectFields)[number]>;
export interface Probe {
  interactionPayload: L.InteractionHookEventPayload;
  dataPayload: L.DataHookEventPayload;
  exceptionPayload: L.ExceptionHookEventPayload;
  user: UserInfo;
  profile: NonNullable<L.User['profile']>;
  address: NonNullable<NonNullable<L.User['profile']>['address']>;
  application: NonNullable<L.InteractionHookEventPayload['application']>;
  role: L.Role;
  scope: L.Scope;
  organization: L.Organization;
  organizationRole: L.OrganizationRole;
  organizationScope: L.OrganizationScope;
  trustedDevice: L.TrustedDeviceEventData;
  grantLimitExceeded: L.GrantLimitExceededEventData;
}
`;

/** Official fields we leave out on purpose, each with why. */
const leftOut: Readonly<Record<string, string>> = {};

function officialFields(): Map<string, string[]> {
  const probePath = join(schemasDir, '..', '..', '..', 'authhooks-probe.mts');
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
    strict: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === probePath ? probe : readFile(file));
  host.fileExists = (file) => file === probePath || fileExists(file);
  host.getSourceFile = (file, language) =>
    file === probePath ? ts.createSourceFile(file, probe, language, true) : getSourceFile(file, language);
  const program = ts.createProgram([probePath], options, host);
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(probePath));
  if (problems.length > 0)
    throw new Error(
      ts.formatDiagnostics(problems, {
        ...host,
        getNewLine: () => '\n',
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => '/',
      }),
    );
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probePath) as ts.SourceFile;
  const fields = new Map<string, string[]>();
  ts.forEachChild(source, (node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'Probe') return;
    for (const member of checker.getPropertiesOfType(checker.getTypeAtLocation(node.name))) {
      const type = checker.getTypeOfSymbolAtLocation(member, node);
      fields.set(
        member.getName(),
        checker.getPropertiesOfType(type).map((property) => property.getName()),
      );
    }
  });
  return fields;
}

const keysOf = (shape: z.ZodRawShape | { shape: z.ZodRawShape }) =>
  new Set(Object.keys('shape' in shape ? (shape.shape as object) : shape));

/** The fields every branch of an event's schema has (User.Data.Updated is a union of three). */
function eventKeys(schema: unknown): Set<string> {
  const options = (schema as { options?: unknown[] }).options;
  if (options === undefined) return keysOf(schema as z.ZodObject);
  const [first, ...rest] = options.map(eventKeys);
  return new Set([...(first ?? [])].filter((key) => rest.every((keys) => keys.has(key))));
}

const interactionEvents = [
  'PostRegister',
  'PostSignIn',
  'PostResetPassword',
  'PostSignInAdaptiveMfaTriggered',
];
const exceptionEvents = ['Identifier.Lockout', 'Message.RateLimited', 'Grant.LimitExceeded'];
const payloadOf = (type: string) =>
  interactionEvents.includes(type)
    ? 'interactionPayload'
    : exceptionEvents.includes(type)
      ? 'exceptionPayload'
      : 'dataPayload';

/** Each official type, and the zod object (or shape) of ours that must have all its fields. */
const pairs: readonly [official: string, ours: Set<string>, label?: string][] = [
  // Every event against the payload type of its kind (Logto's InteractionHookEvent, DataHookEvent,
  // ExceptionHookEvent), named by the event.
  ...Object.entries(logtoCatalogue).map(([type, schema]): [string, Set<string>, string] => [
    payloadOf(type),
    eventKeys(schema),
    type,
  ]),
  ['user', keysOf(userEntityObject)],
  ['user', keysOf(userDataObject)],
  ['profile', keysOf(userProfileObject)],
  ['address', keysOf(userProfileObject.shape.address.unwrap().unwrap() as z.ZodObject)],
  ['application', keysOf(applicationObject)],
  ['role', keysOf(roleObject)],
  ['scope', keysOf(scopeObject)],
  ['organization', keysOf(organizationObject)],
  ['organizationRole', keysOf(organizationRoleObject)],
  ['organizationScope', keysOf(organizationScopeObject)],
  ['trustedDevice', keysOf(trustedDeviceObject)],
  ['grantLimitExceeded', keysOf(grantLimitExceeded)],
];

describe('the event model against @logto/schemas', () => {
  const official = officialFields();

  it('finds every official type it compares with', () => {
    expect([...official.keys()].sort()).toEqual([...new Set(pairs.map(([name]) => name))].sort());
    for (const [name, fields] of official) expect(fields.length, name).toBeGreaterThan(1);
  });

  it('has every named field of each official payload and entity type', () => {
    const gaps = pairs.flatMap(([name, ours, label = name]) =>
      (official.get(name) ?? []).filter((field) => !ours.has(field)).map((field) => `${label}.${field}`),
    );
    expect([...new Set(gaps)].filter((gap) => leftOut[gap] === undefined).sort()).toEqual([]);
  });
});
