import { describe, expect, it } from 'vitest';
import { toConfigurationBody, toConfigurationView } from './configuration-body';
import { ZConfigurationForm } from './configuration-form';

const form = ZConfigurationForm.parse({
  displayName: 'Broadcasts',
  groupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
  captures: { SMS: ['+15017122661'], WHATSAPP: ['+14155238886'] },
  inactiveMinutes: 30,
  closedMinutes: 1440,
  bridgeToInbox: true,
  idempotencyKey: '8d1f0f52-7c55-4b2e-9d5e-3f6a2b1c0d9e',
});

describe('configuration body', () => {
  it('captures a number both ways, WhatsApp with its prefix, and bridges to the inbox', () => {
    const body = toConfigurationBody(form, 'IS00000000000000000000000000000001');
    expect(body.channelSettings).toEqual({
      SMS: { statusTimeouts: { inactive: 30, closed: 1440 }, captureRules: [{ from: '*', to: '+15017122661' }, { from: '+15017122661', to: '*' }] },
      WHATSAPP: {
        statusTimeouts: { inactive: 30, closed: 1440 },
        captureRules: [{ from: '*', to: 'whatsapp:+14155238886' }, { from: 'whatsapp:+14155238886', to: '*' }],
      },
    });
    expect(body.conversationsV1Bridge).toEqual({ serviceId: 'IS00000000000000000000000000000001' });
  });

  it('reads the form back from what Twilio answers', () => {
    const view = toConfigurationView({ id: 'cfg_1', version: 3, ...toConfigurationBody(form, 'IS1') });
    expect(view).toMatchObject({ captures: { SMS: ['+15017122661'], WHATSAPP: ['whatsapp:+14155238886'] }, inactiveMinutes: 30, closedMinutes: 1440, bridgeServiceId: 'IS1', version: 3 });
  });

  it('refuses grouping by profile without a store, and closing before going inactive', () => {
    const bad = ZConfigurationForm.safeParse({ ...form, groupingType: 'GROUP_BY_PROFILE', closedMinutes: 10 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['closedMinutes', 'memoryStoreId']);
  });
});
