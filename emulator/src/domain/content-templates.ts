import type { ContentRecord } from '../store/records';

/**
 * The content resources every fresh account starts with, already approved for WhatsApp: they are
 * ordinary Content API resources (listed, fetched, deleted like any other). The first two are the
 * templates of the WhatsApp page's food-delivery walkthrough; the third is a generic re-engagement
 * message for an inbox. Their SIDs are fixed so docs and tests can name them.
 */
type BuiltInContent = Pick<ContentRecord, 'sid' | 'friendlyName' | 'language' | 'variables' | 'types'> & { approvalName: string };

export const BUILT_IN_CONTENTS: readonly BuiltInContent[] = [
  {
    sid: 'HX00000000000000000000000000000001',
    friendlyName: 'delivery_help',
    approvalName: 'delivery_help',
    language: 'en',
    variables: { 1: 'there', 2: 'the rider' },
    types: {
      'twilio/text': {
        body: 'Hello {{1}}, your food delivery is almost there but {{2}} (your rider) needs help finding your door. Are you willing to chat with them?',
      },
    },
  },
  {
    sid: 'HX00000000000000000000000000000002',
    friendlyName: 'delivery_connected',
    approvalName: 'delivery_connected',
    language: 'en',
    variables: {},
    types: { 'twilio/text': { body: "Your customer has agreed to chat over WhatsApp to get this delivery sorted. You're now connected. Say hello!" } },
  },
  {
    sid: 'HX00000000000000000000000000000003',
    friendlyName: 'conversation_follow_up',
    approvalName: 'conversation_follow_up',
    language: 'en',
    variables: { 1: 'there', 2: 'our support team' },
    types: {
      'twilio/text': { body: 'Hi {{1}}, this is {{2}} following up on your request. Reply to this message to continue the conversation.' },
    },
  },
];

/** The built-in contents as records of a fresh state, approved for WhatsApp (category UTILITY). */
export const builtInContentRecords = (now: string, nextSeq: () => number): Record<string, ContentRecord> =>
  Object.fromEntries(
    BUILT_IN_CONTENTS.map(({ approvalName, ...content }) => [
      content.sid,
      {
        ...content,
        seq: nextSeq(),
        dateCreated: now,
        dateUpdated: now,
        whatsappApproval: {
          name: approvalName,
          category: 'UTILITY',
          dateSubmitted: now,
          decision: { status: 'approved', rejectionReason: '' },
        },
      } satisfies ContentRecord,
    ]),
  );
