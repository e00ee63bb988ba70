import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../core/index.js';
import { NameSchema, PageOf, Segment } from './common-schemas.js';
import { SampleView } from '../store/index.js';

const SystemName = NameSchema('Name of the information system', 'Hệ thống quản lý cán bộ, công chức');

/** Input to register an information system (subsystem) of an organisation. */
export const SystemInput = Type.Object(
  {
    code: Segment('System code, unique within the organisation', 'HTTT-CBCC'),
    name: SystemName,
  },
  { additionalProperties: false, description: 'A new information system of an organisation' },
);
/** Input to register an information system. */
export type SystemInput = Static<typeof SystemInput>;

/** Changes to an information system. */
export const SystemPatch = Type.Object(
  { name: SystemName },
  { additionalProperties: false, description: 'Fields to change' },
);
/** Changes to an information system. */
export type SystemPatch = Static<typeof SystemPatch>;

/** An information system as the API presents it. */
export const SystemView = Type.Object(
  {
    id: Type.String({
      description: '{instance}/{class}/{code}/{system}',
      examples: ['VN-HP/GOV/SNV/HTTT-CBCC'],
    }),
    organisation: Type.String({ description: 'Organisation id', examples: ['VN-HP/GOV/SNV'] }),
    code: Type.String({ examples: ['HTTT-CBCC'] }),
    name: Type.String({ examples: ['Hệ thống quản lý cán bộ, công chức'] }),
    createdAt: DateTimeView('When it was registered'),
    updatedAt: DateTimeView('When it last changed'),
    sample: SampleView,
  },
  { description: 'An information system (subsystem): the unit that calls and provides services' },
);
/** An information system as the API presents it. */
export type SystemView = Static<typeof SystemView>;

/** A page of information systems. */
export const SystemPage = PageOf(SystemView);
