import { type Static, Type } from '@sinclair/typebox';
import { DateTimeInput, DateTimeView, OptionalDateTimeView } from '../core/index.js';
import { AUTHORIZATION_RULES, MIN_PASSWORD_LENGTH, ROLES } from '../identity/index.js';
import { PageOf } from '../registry/index.js';
import { SampleView } from '../store/index.js';

const Password = (description: string) =>
  Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description, writeOnly: true });
const DisplayName = Type.String({ minLength: 1, maxLength: 255, examples: ['Nguyễn Thị Lan'] });
const Username = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$',
  description: 'Login name; stored in lower case',
  examples: ['lan.nt'],
});

/** A role held by a user; `scope` is an organisation id for org-admin, a unit id for unit-reporter. */
export const RoleAssignmentSchema = Type.Object(
  {
    role: Type.Union(
      ROLES.map((role) => Type.Literal(role)),
      { description: 'Role name', examples: ['org-admin'] },
    ),
    scope: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        examples: ['VN-HP/GOV/SNV'],
        description: 'Organisation or unit id',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Credentials to log in with. */
export const LoginInput = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024, writeOnly: true }),
  },
  { additionalProperties: false },
);
/** Credentials to log in with. */
export type LoginInput = Static<typeof LoginInput>;

/** A console user as the API presents it: never the password hash. */
export const UserView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(RoleAssignmentSchema),
    disabled: Type.Boolean(),
    createdAt: DateTimeView('When the user was created'),
    updatedAt: DateTimeView('When the user last changed'),
    sample: SampleView,
  },
  { description: 'A console user' },
);
/** A console user as the API presents it. */
export type UserView = Static<typeof UserView>;

/** One action the signed-in user may take, and where (`capabilitiesOf` in identity). */
export const CapabilityView = Type.Object(
  {
    action: Type.Union(
      Object.keys(AUTHORIZATION_RULES).map((action) => Type.Literal(action)),
      { description: 'An action of the rule table', examples: ['system.update'] },
    ),
    scopes: Type.Union([Type.Array(Type.String()), Type.Null()], {
      description:
        'null: on every resource; else only on resources within one of these organisation or unit ids',
    }),
  },
  { description: 'An action the signed-in user may take' },
);

/** The signed-in user and what they may do, so a client shows only what the API will let through. */
export const SessionView = Type.Object(
  {
    ...UserView.properties,
    mustChangePassword: Type.Boolean({
      description:
        'The password was given to the user (the first administrator): until it is changed with PUT /api/v1/users/me/password, every other call answers password-change-required',
    }),
    capabilities: Type.Array(CapabilityView, {
      description: 'Every action the user may take somewhere; an action left out is refused everywhere',
    }),
    sampleData: Type.Boolean({
      description:
        'The platform holds sample data (CANG_SEED_SAMPLE), which `npx cang sample remove` deletes; sample rows carry `sample: true`',
    }),
  },
  { description: 'The signed-in user with their capabilities' },
);
/** The signed-in user and what they may do. */
export type SessionView = Static<typeof SessionView>;

/** A page of users, in username order. */
export const UserPage = PageOf(UserView);

/** Input to create a user. */
export const UserInput = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    password: Password(`Initial password, at least ${MIN_PASSWORD_LENGTH} characters`),
    roles: Type.Array(RoleAssignmentSchema, { maxItems: 50 }),
  },
  { additionalProperties: false },
);

/** Changes to a user; `roles` replaces every assignment; disabling ends the user's sessions. */
export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    roles: Type.Optional(Type.Array(RoleAssignmentSchema, { maxItems: 50 })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(
      Password('A new password, which the user must change at their next login; ends the user’s sessions'),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A user's own password change. */
export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024, writeOnly: true }),
    newPassword: Password(`At least ${MIN_PASSWORD_LENGTH} characters`),
  },
  { additionalProperties: false },
);

/** Input to create an API token. */
export const ApiTokenInput = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100, examples: ['nightly sync'] }),
    expiresAt: Type.Optional(
      DateTimeInput(
        'When the token stops working; omitted, the configured default lifetime (90 days unless set)',
      ),
    ),
  },
  { additionalProperties: false },
);

/** An API token as listed: never the token itself. */
export const ApiTokenView = Type.Object(
  {
    id: Type.String(),
    label: Type.String(),
    createdAt: DateTimeView('When it was created'),
    expiresAt: OptionalDateTimeView('When it stops working; null = until revoked'),
    revokedAt: OptionalDateTimeView('When it was revoked; null = not revoked'),
  },
  { description: 'An API token of the current user' },
);

/** A new API token: `token` is shown this once. */
export const IssuedApiTokenView = Type.Object(
  {
    ...ApiTokenView.properties,
    token: Type.String({ description: 'Send as Authorization: Bearer …; shown once, store it now' }),
  },
  { description: 'A new API token, shown once' },
);

/** The list of the current user's API tokens. */
export const ApiTokenList = Type.Object({ items: Type.Array(ApiTokenView) });
