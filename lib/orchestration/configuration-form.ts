import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

// The admin's Orchestration form, shared by the browser and the API: what Switchboard lets an
// admin set on a Conversation Orchestrator configuration (Conversations API v2). No server imports.

export const GROUPING_TYPES = ['GROUP_BY_PARTICIPANT_ADDRESSES', 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE', 'GROUP_BY_PROFILE'] as const;
export type GroupingType = (typeof GROUPING_TYPES)[number];

export const GROUPING_LABELS: Record<GroupingType, string> = {
  GROUP_BY_PARTICIPANT_ADDRESSES: 'By customer address (SMS and WhatsApp together)',
  GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE: 'By customer address and channel',
  GROUP_BY_PROFILE: 'By customer profile (Memory store)',
};

export const CAPTURE_CHANNELS = ['SMS', 'WHATSAPP'] as const;
export type CaptureChannel = (typeof CAPTURE_CHANNELS)[number];

const E164 = /^\+[1-9]\d{6,14}$/;

/** A number to capture: one of the account's, typed as a pattern (an address), or `*` for any. */
const ZCaptureAddress = z.string().trim().min(1).max(64);

export const ZConfigurationForm = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, 'Give it a name.')
      .max(32, 'At most 32 characters.')
      .regex(/^[a-zA-Z0-9-_ ]+$/, 'Letters, digits, spaces, - and _ only.'),
    description: zSafeText().trim().max(256, 'At most 256 characters.').default(''),
    groupingType: z.enum(GROUPING_TYPES),
    memoryStoreId: z.string().trim().max(64).default(''),
    captures: z.object({ SMS: z.array(ZCaptureAddress).max(50), WHATSAPP: z.array(ZCaptureAddress).max(50) }),
    inactiveMinutes: z.number().int().min(1, 'At least a minute.').max(525_600).nullable(),
    closedMinutes: z.number().int().min(1, 'At least a minute.').max(525_600).nullable(),
    bridgeToInbox: z.boolean(),
    /** One per form submission: a double click (or a retry) never creates two. */
    idempotencyKey: z.uuid(),
    /** The version the admin edited (editing only): a change made meanwhile is not overwritten. */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((form, ctx) => {
    if (form.groupingType === 'GROUP_BY_PROFILE' && form.memoryStoreId === '') {
      ctx.addIssue({ code: 'custom', path: ['memoryStoreId'], message: 'Grouping by profile needs a Memory store.' });
    }
    if (form.inactiveMinutes !== null && form.closedMinutes !== null && form.closedMinutes <= form.inactiveMinutes) {
      ctx.addIssue({ code: 'custom', path: ['closedMinutes'], message: 'Closing must come after going inactive.' });
    }
    for (const channel of CAPTURE_CHANNELS) {
      for (const address of form.captures[channel]) {
        const bare = channel === 'WHATSAPP' ? address.replace(/^whatsapp:/, '') : address;
        if (address !== '*' && !E164.test(bare)) {
          ctx.addIssue({ code: 'custom', path: ['captures'], message: `${address} is not a number in +E.164 form or *.` });
        }
      }
    }
    if (form.captures.SMS.length + form.captures.WHATSAPP.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['captures'], message: 'Capture at least one number.' });
    }
  });

export type TConfigurationForm = z.infer<typeof ZConfigurationForm>;

/** A configuration as the Orchestration page lists and edits it. */
export type ConfigurationView = {
  id: string;
  displayName: string;
  description: string;
  groupingType: GroupingType;
  memoryStoreId: string;
  captures: Record<CaptureChannel, string[]>;
  inactiveMinutes: number | null;
  closedMinutes: number | null;
  bridgeServiceId: string | null;
  version: number;
  updatedAt: string;
};

export type OperationView = { operationId: string; status: 'PENDING' | 'COMPLETED' | 'FAILED'; reason: string | null; configurationId: string | null };
