import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView, OptionalDateTimeView } from '../core/index.js';
import { NameSchema, PageOf, Segment } from './common-schemas.js';

/** Input to register an exchange node. */
export const NodeInput = Type.Object(
  {
    id: Segment('Node id; its transaction log chain is its own', 'hp-exchange-1'),
    name: NameSchema('Name of the node', 'Nút trao đổi số 1 – Trung tâm dữ liệu thành phố'),
    address: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^\\S+$',
        description: 'Where the node can be reached, e.g. its exchange URL',
        examples: ['https://x1.cang.haiphong.gov.vn:8081'],
      }),
    ),
  },
  { additionalProperties: false, description: 'A new exchange node' },
);
/** Input to register an exchange node. */
export type NodeInput = Static<typeof NodeInput>;

/** Input to add a public key to a node. */
export const NodeKeyInput = Type.Object(
  {
    publicKey: Type.String({
      minLength: 1,
      maxLength: 1024,
      description: 'Ed25519 public key, base64url of the SPKI DER',
      examples: ['MCowBQYDK2VwAyEA…'],
    }),
  },
  { additionalProperties: false, description: 'A public key with which the node seals its log' },
);
/** Input to add a public key to a node. */
export type NodeKeyInput = Static<typeof NodeKeyInput>;

/** A node key as the API presents it. */
export const NodeKeyView = Type.Object(
  {
    id: Type.String({ description: 'Key id: first 16 characters of the base64url SHA-256 of the SPKI DER' }),
    node: Type.String(),
    publicKey: Type.String({ description: 'base64url SPKI DER' }),
    createdAt: DateTimeView('When it was added'),
    retiredAt: OptionalDateTimeView('When it stopped sealing; old seals still verify with it'),
  },
  { description: 'A public key of an exchange node' },
);
/** A node key as the API presents it. */
export type NodeKeyView = Static<typeof NodeKeyView>;

/** A node as the API presents it, with all its keys. */
export const NodeView = Type.Object(
  {
    id: Type.String({ examples: ['hp-exchange-1'] }),
    name: Type.String(),
    address: Type.Union([Type.String(), Type.Null()]),
    federationAddress: Type.Union([Type.String(), Type.Null()], {
      description: 'https://host:port of its federation listener; null when it does not federate',
    }),
    federationTlsFingerprint: Type.Union([Type.String(), Type.Null()], {
      description: 'Hex SHA-256 of the SPKI of its federation TLS key',
    }),
    createdAt: DateTimeView('When it was registered'),
    keys: Type.Array(NodeKeyView),
  },
  { description: 'An exchange node' },
);
/** A node as the API presents it. */
export type NodeView = Static<typeof NodeView>;

/** A page of nodes. */
export const NodePage = PageOf(NodeView);
