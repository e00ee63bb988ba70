import { type Static, Type } from '@sinclair/typebox';

const AllowEntry = Type.Object(
  {
    address: Type.String({
      minLength: 1,
      maxLength: 253,
      description:
        'A host name (exact), `*.` and a domain (every name below it), an IP address, or a CIDR block',
      examples: ['api.sxd.haiphong.gov.vn', '*.sxd.haiphong.gov.vn', '10.20.0.0/16'],
    }),
    ports: Type.Union(
      [Type.Array(Type.Integer({ minimum: 1, maximum: 65535 }), { minItems: 1, maxItems: 32 }), Type.Null()],
      { description: 'Allowed ports; null allows every port' },
    ),
  },
  { additionalProperties: false },
);

/** Input replacing an organisation's provider allow-list. */
export const ProviderAllowListInput = Type.Object(
  { entries: Type.Array(AllowEntry, { maxItems: 200 }) },
  { additionalProperties: false, description: "The organisation's whole provider allow-list" },
);
export type ProviderAllowListInput = Static<typeof ProviderAllowListInput>;

/** An organisation's provider allow-list as the API shows it. */
export const ProviderAllowListView = Type.Object(
  {
    organisation: Type.String(),
    entries: Type.Array(AllowEntry),
  },
  {
    description:
      "Where the organisation's services may point without a platform administrator, and which private or other special addresses the exchange may connect to for them",
  },
);
export type ProviderAllowListView = Static<typeof ProviderAllowListView>;
