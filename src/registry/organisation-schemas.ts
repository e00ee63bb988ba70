import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../core/index.js';
import { MemberClassSchema, NameSchema, PageOf, Segment } from './common-schemas.js';

// QĐ 20/2020/QĐ-TTg agency code, e.g. 000.00.31.H26; QĐ 124/2004/QĐ-TTg administrative code (2, 3 or 5 digits).
const AGENCY_CODE_PATTERN = '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$';
const ADMIN_CODE_PATTERN = '^\\d{2,5}$';

const AgencyCode = Type.String({
  pattern: AGENCY_CODE_PATTERN,
  description: 'Agency code under QĐ 20/2020/QĐ-TTg',
  examples: ['000.00.31.H26'],
});
const AdminCode = Type.String({
  pattern: ADMIN_CODE_PATTERN,
  description: 'Administrative unit code under QĐ 124/2004/QĐ-TTg',
  examples: ['31'],
});
const ValidTo = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Last day the organisation existed (inclusive), e.g. a district of before 2025-07-01',
  examples: ['2025-06-30'],
});
const OrganisationName = NameSchema('Official name, Vietnamese UTF-8', 'Sở Nội vụ thành phố Hải Phòng');

/** Input to register an organisation (member) in this instance. */
export const OrganisationInput = Type.Object(
  {
    memberClass: MemberClassSchema,
    code: Segment('Member code, unique within the class', 'SNV'),
    name: OrganisationName,
    agencyCode: Type.Optional(AgencyCode),
    adminCode: Type.Optional(AdminCode),
    validTo: Type.Optional(ValidTo),
  },
  { additionalProperties: false, description: 'A new organisation (member) of this instance' },
);
/** Input to register an organisation. */
export type OrganisationInput = Static<typeof OrganisationInput>;

/** Changes to an organisation; null clears an optional code. */
export const OrganisationPatch = Type.Object(
  {
    name: Type.Optional(OrganisationName),
    agencyCode: Type.Optional(Type.Union([AgencyCode, Type.Null()])),
    adminCode: Type.Optional(Type.Union([AdminCode, Type.Null()])),
    validTo: Type.Optional(Type.Union([ValidTo, Type.Null()])),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Fields to change; null clears a code or the end',
  },
);
/** Changes to an organisation. */
export type OrganisationPatch = Static<typeof OrganisationPatch>;

/** An organisation as the API presents it. */
export const OrganisationView = Type.Object(
  {
    id: Type.String({ description: '{instance}/{class}/{code}', examples: ['VN-HP/GOV/SNV'] }),
    instance: Type.String({ examples: ['VN-HP'] }),
    memberClass: MemberClassSchema,
    code: Type.String({ examples: ['SNV'] }),
    name: Type.String({ examples: ['Sở Nội vụ'] }),
    agencyCode: Type.Union([Type.String(), Type.Null()], { description: 'QĐ 20/2020 agency code' }),
    adminCode: Type.Union([Type.String(), Type.Null()], { description: 'QĐ 124/2004 administrative code' }),
    validTo: Type.Union([Type.String(), Type.Null()], {
      description: 'Last day it existed (inclusive); null while it exists',
    }),
    createdAt: DateTimeView('When it was registered'),
    updatedAt: DateTimeView('When it last changed'),
  },
  { description: 'An organisation (member) of the exchange' },
);
/** An organisation as the API presents it. */
export type OrganisationView = Static<typeof OrganisationView>;

/** A page of organisations. */
export const OrganisationPage = PageOf(OrganisationView);
