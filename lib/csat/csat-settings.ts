import { db } from '@/lib/db/client';
import { DEFAULT_CSAT_QUESTION, SURVEY_CHANNELS, type SurveyChannel, type TCsatChannelSettings } from './csat-settings-schema';

/** Every survey channel's settings; a channel nobody configured is off, with the default question. */
export async function readCsatSettings(): Promise<TCsatChannelSettings[]> {
  const rows = await db.channelSettings.findMany({ where: { channel: { in: [...SURVEY_CHANNELS] } } });
  return SURVEY_CHANNELS.map((channel) => {
    const row = rows.find((candidate) => candidate.channel === channel);
    return { channel, csatEnabled: row?.csatEnabled ?? false, csatQuestion: row?.csatQuestion ?? DEFAULT_CSAT_QUESTION };
  });
}

export async function readCsatSetting(channel: SurveyChannel): Promise<TCsatChannelSettings> {
  return (await readCsatSettings()).find((setting) => setting.channel === channel)!;
}

/** Saves one channel's survey settings, with an audit entry naming who changed them. */
export async function saveCsatSettings(settings: TCsatChannelSettings, actorId: string): Promise<TCsatChannelSettings> {
  const { channel, ...values } = settings;
  await db.$transaction([
    db.channelSettings.upsert({ where: { channel }, create: settings, update: values }),
    db.auditEntry.create({ data: { actorId, action: 'settings.csat', details: settings } }),
  ]);
  return settings;
}
