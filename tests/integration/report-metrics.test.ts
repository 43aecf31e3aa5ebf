import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { recordMessage } from '@/lib/conversation-index/record-message';
import { db } from '@/lib/db/client';
import { recordAvailabilityChange, recordAvailableHeartbeat } from '@/lib/presence/available-time';
import { readAgentStats } from '@/lib/reports/read-agent-stats';
import { readBacklogSeries } from '@/lib/reports/read-backlog-series';
import { readBusiestHours } from '@/lib/reports/read-busiest-hours';
import { readConversationRows } from '@/lib/reports/read-conversation-rows';
import { readCsatResponses } from '@/lib/reports/read-csat-responses';
import { readFirstResponseDistribution } from '@/lib/reports/read-first-response-distribution';
import { readOverview } from '@/lib/reports/read-overview';
import { readServiceLevelSeries } from '@/lib/reports/read-service-level-series';
import { readVolumeSeries } from '@/lib/reports/read-volume-series';
import { resolvePeriod } from '@/lib/reports/report-period';
import { ZReportQuery, type TReportFilters } from '@/lib/reports/report-query';
import { recordAssignment } from '@/lib/routing/assign';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { startTestDatabase } from '../support/test-database';

// Hand-built histories, written through the same functions the webhooks and routes use, then
// read back as the reports read them.

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => database.close());

const t = (iso: string) => new Date(`2026-11-${iso}Z`);
const sid = (prefix: string, n: number) => `${prefix}${String(n).padStart(32, '0')}`;
let messageNumber = 0;
const message = (conversationSid: string, author: string, at: Date, body = 'text') =>
  recordMessage({ conversationSid, messageSid: sid('IM', ++messageNumber), author, body, mediaCount: 0, at });
const assign = (conversationSid: string, from: string | null, to: string | null, reason: 'AUTO' | 'TRANSFER' | 'QUEUE' | 'TAKEN', now: Date) =>
  db.$transaction((tx) => recordAssignment(tx, { conversationSid, fromUserId: from, toUserId: to, reason, now }));

const week = ZReportQuery.parse({ range: 'custom', from: '2026-11-16', to: '2026-11-22', tz: 'UTC' });
const period = resolvePeriod(week, t('23T00:00:00'));
const everything: TReportFilters = { channel: [], agent: [], number: [], label: [] };

let ada = '';
let sam = '';
const [A, B, C, OLD] = [1, 2, 3, 4].map((n) => sid('CH', n)) as [string, string, string, string];

beforeAll(async () => {
  ada = (await db.user.create({ data: { email: 'ada@reports.test', name: 'Ada', passwordHash: 'x', role: 'AGENT' } })).id;
  sam = (await db.user.create({ data: { email: 'sam@reports.test', name: 'Sam', passwordHash: 'x', role: 'SUPERVISOR' } })).id;

  // A: an automated reply and a private note before Ada's answer ten minutes in; resolved,
  // reopened, resolved again three hours after it opened.
  await recordConversation({ sid: A, state: 'active', createdAt: t('16T09:00:00'), attributes: JSON.stringify({ switchboard: { channel: 'sms', customer: { address: '+15550000001' }, twilioNumber: '+15017122661' } }) });
  await message(A, '+15550000001', t('16T09:00:00'), 'My parcel is lost');
  await assign(A, null, ada, 'AUTO', t('16T09:00:01'));
  await message(A, 'system', t('16T09:01:00'), 'Thanks, an agent will be with you shortly.');
  await db.note.create({ data: { conversationSid: A, authorId: ada, body: 'Check the courier', createdAt: t('16T09:05:00') } });
  await message(A, ada, t('16T09:10:00'), 'Found it!');
  await resolveInIndex({ conversationSid: A, actorId: ada, now: t('16T10:00:00') });
  await recordConversation({ sid: A, state: 'active' });
  await message(A, '+15550000001', t('16T11:00:00'), 'It came broken');
  await resolveInIndex({ conversationSid: A, actorId: ada, now: t('16T12:00:00') });
  await db.csatSurvey.create({
    data: { conversationSid: A, agentId: ada, customerAddress: '+15550000001', messageSid: sid('IM', 900), sentAt: t('16T12:00:00'), score: 5, comment: 'Quick!', respondedAt: t('16T12:05:00') },
  });

  // B: WhatsApp; Sam (a supervisor) answers in two minutes, takes it over from Ada, resolves it.
  await recordConversation({ sid: B, state: 'active', createdAt: t('17T14:00:00'), attributes: JSON.stringify({ switchboard: { channel: 'whatsapp', customer: { address: 'whatsapp:+15550000002' }, twilioNumber: 'whatsapp:+14155238886' } }) });
  await message(B, 'whatsapp:+15550000002', t('17T14:00:00'));
  await assign(B, null, ada, 'AUTO', t('17T14:00:01'));
  await message(B, sam, t('17T14:02:00'));
  await assign(B, ada, sam, 'TRANSFER', t('17T14:05:00'));
  await resolveInIndex({ conversationSid: B, actorId: sam, now: t('17T15:00:00') });
  // The customer never answers B's survey.
  await db.csatSurvey.create({ data: { conversationSid: B, agentId: sam, customerAddress: 'whatsapp:+15550000002', messageSid: sid('IM', 901), sentAt: t('17T15:00:00') } });

  // C: nobody answers; it waits in the queue from the start.
  await recordConversation({ sid: C, state: 'active', createdAt: t('18T08:00:00'), attributes: JSON.stringify({ switchboard: { channel: 'sms', customer: { address: '+15550000003' }, twilioNumber: '+15017122662' } }) });
  await message(C, '+15550000003', t('18T08:00:00'));
  await assign(C, null, null, 'QUEUE', t('18T08:00:01'));

  // Before the week: opened and resolved the week before (the previous period).
  await recordConversation({ sid: OLD, state: 'active', createdAt: t('10T10:00:00') });
  await message(OLD, '+15550000004', t('10T10:00:00'));
  await message(OLD, ada, t('10T10:00:30'));
  await resolveInIndex({ conversationSid: OLD, actorId: ada, now: t('10T10:30:00') });

  // Ada available for ten minutes on Monday (heartbeats every 20 s), then Away.
  await recordAvailabilityChange(ada, 'AVAILABLE', t('16T08:50:00'));
  for (let s = 20; s <= 600; s += 20) await recordAvailableHeartbeat(ada, new Date(t('16T08:50:00').getTime() + s * 1000));
  await recordAvailabilityChange(ada, 'AWAY', t('16T09:00:00'));
  // Later she leaves the switch on and closes the browser: her time ends at the last heartbeat.
  await recordAvailabilityChange(ada, 'AVAILABLE', t('17T09:00:00'));
  await recordAvailableHeartbeat(ada, t('17T09:00:20'));
});

describe('report metrics on hand-built histories', () => {
  it('first response excludes automated messages and private notes; resolution runs to the last resolve', async () => {
    const rows = await readConversationRows({ period, filters: everything, limit: 100 });
    expect(rows.map((row) => row.sid)).toEqual([A, B, C]);
    const [a, b, c] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    expect(a).toMatchObject({ firstResponseSeconds: 600, firstResponder: 'Ada', resolutionSeconds: 3 * 3600, resolvedBy: 'Ada', messagesIn: 2, messagesOut: 2, csatScore: 5, csatComment: 'Quick!' });
    expect(b).toMatchObject({ channel: 'WHATSAPP', firstResponseSeconds: 120, firstResponder: 'Sam', resolutionSeconds: 3600, resolvedBy: 'Sam', handledBy: ['Ada', 'Sam'] });
    expect(c).toMatchObject({ state: 'ACTIVE', firstResponseSeconds: null, resolutionSeconds: null, handledBy: [] });
  });

  it('overview: counts, medians and p90, service level, CSAT, and the previous period', async () => {
    const { current, previous, firstResponseTargetSeconds } = await readOverview({ period, filters: everything });
    expect(firstResponseTargetSeconds).toBe(300);
    expect(current).toMatchObject({
      opened: 3,
      resolved: 2,
      stillOpen: 1,
      messagesIn: 4,
      messagesOut: 3,
      firstResponseMedianSeconds: 360,
      firstResponseP90Seconds: 552,
      resolutionMedianSeconds: 7200,
      // B within 5 minutes; A answered late; C never answered.
      serviceLevelMet: 1,
      serviceLevelMissed: 2,
      // A's survey answered 5, B's unanswered.
      surveysSent: 2,
      surveysAnswered: 1,
      csatScore: 1,
      csatAverage: 5,
      csatResponseRate: 0.5,
    });
    expect(current.serviceLevel).toBeCloseTo(1 / 3);
    expect(previous).toMatchObject({ opened: 1, resolved: 1, stillOpen: 0, firstResponseMedianSeconds: 30, resolutionMedianSeconds: 1800, serviceLevel: 1 });
  });

  it('filters by label: the conversations labelled with any of those given', async () => {
    const billing = await db.label.create({ data: { name: 'Billing', color: 'amber' } });
    const unused = await db.label.create({ data: { name: 'Unused', color: 'slate' } });
    await db.conversationLabel.create({ data: { conversationSid: A, labelId: billing.id } });
    expect((await readOverview({ period, filters: { ...everything, label: [billing.id, unused.id] } })).current).toMatchObject({ opened: 1, resolved: 1 });
    expect((await readOverview({ period, filters: { ...everything, label: [unused.id] } })).current).toMatchObject({ opened: 0 });
    await db.label.deleteMany({ where: { id: { in: [billing.id, unused.id] } } });
  });

  it('filters by channel, number and agent', async () => {
    const whatsapp = await readOverview({ period, filters: { ...everything, channel: ['WHATSAPP'] } });
    expect(whatsapp.current).toMatchObject({ opened: 1, messagesIn: 1, messagesOut: 1 });
    const secondNumber = await readOverview({ period, filters: { ...everything, number: ['+15017122662'] } });
    expect(secondNumber.current).toMatchObject({ opened: 1, stillOpen: 1, resolved: 0 });
    const sams = await readOverview({ period, filters: { ...everything, agent: [sam] } });
    expect(sams.current).toMatchObject({ opened: 1, resolved: 1, firstResponseMedianSeconds: 120 });
  });

  it('agents: handled, medians, replies, transfers, time available, CSAT and survey response rate', async () => {
    const stats = await readAgentStats({ period, filters: everything });
    expect(stats.find((row) => row.id === ada)).toMatchObject({
      handled: 2,
      firstResponseMedianSeconds: 600,
      resolutionMedianSeconds: 3 * 3600,
      repliesSent: 1,
      transfersIn: 0,
      transfersOut: 1,
      availableSeconds: 600 + 20,
      surveysSent: 1,
      surveysAnswered: 1,
      csatScore: 1,
      csatResponseRate: 1,
    });
    expect(stats.find((row) => row.id === sam)).toMatchObject({
      handled: 1,
      firstResponseMedianSeconds: 120,
      resolutionMedianSeconds: 3600,
      repliesSent: 1,
      transfersIn: 1,
      transfersOut: 0,
      availableSeconds: 0,
      surveysSent: 1,
      surveysAnswered: 0,
      csatScore: null,
      csatResponseRate: 0,
    });
    expect((await readAgentStats({ period, filters: { ...everything, agent: [sam] } })).map((row) => row.name)).toEqual(['Sam']);
  });

  it('charts: volume by channel, first-response bands, busiest hours, backlog, service level by day', async () => {
    const volume = await readVolumeSeries({ period, filters: everything });
    expect(volume).toHaveLength(7);
    expect(volume[0]).toMatchObject({ bucket: '2026-11-16T00:00', SMS: 1, WHATSAPP: 0 });
    expect(volume[1]).toMatchObject({ bucket: '2026-11-17T00:00', WHATSAPP: 1 });

    const bands = await readFirstResponseDistribution({ period, filters: everything });
    expect(bands.find((band) => band.band === '1–5 min')?.conversations).toBe(1);
    expect(bands.find((band) => band.band === '5–15 min')?.conversations).toBe(1);

    const hours = await readBusiestHours({ period, filters: everything });
    // Monday 09:00 and 11:00 (A), Tuesday 14:00 (B), Wednesday 08:00 (C).
    expect(hours.counts[0]![9]).toBe(1);
    expect(hours.counts[0]![11]).toBe(1);
    expect(hours.counts[1]![14]).toBe(1);
    expect(hours.counts[2]![8]).toBe(1);
    expect(hours.max).toBe(1);

    const backlog = await readBacklogSeries({ period, filters: everything });
    expect(backlog.map((point) => [point.open, point.queued])).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);

    const levels = await readServiceLevelSeries({ period, filters: everything });
    expect(levels.slice(0, 3).map((point) => point.attainment)).toEqual([0, 1, 0]);
    expect(levels[3]?.attainment).toBeNull();
  });

  it('reads the days in the report’s time zone', async () => {
    const tokyo = resolvePeriod(ZReportQuery.parse({ range: 'custom', from: '2026-11-16', to: '2026-11-22', tz: 'Asia/Tokyo' }), t('23T00:00:00'));
    const hours = await readBusiestHours({ period: tokyo, filters: everything });
    // 09:00 UTC on Monday is 18:00 in Tokyo.
    expect(hours.counts[0]![18]).toBe(1);
  });

  it('lists survey answers newest first', async () => {
    expect(await readCsatResponses({ period, filters: everything, limit: 10 })).toEqual([
      { conversationSid: A, respondedAt: t('16T12:05:00').toISOString(), score: 5, comment: 'Quick!', agentId: ada, agentName: 'Ada' },
    ]);
  });
});
