import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { ZConfigurationForm } from '@/lib/orchestration/configuration-form';
import { deleteConfiguration, saveConfiguration } from '@/lib/orchestration/save-configuration';
import { watchOperation } from '@/lib/orchestration/watch-operation';

type Params = { configurationId: string };
const ZConfigurationId = z.string().regex(/^[a-z_]+_[0-9a-z]{26}$/, 'Not a configuration id.');
const ZDelete = z.object({ idempotencyKey: z.uuid() });

export const PUT = withSession<Params>({ roles: ADMIN_ROLES }, async ({ req, params }) => {
  const configurationId = ZConfigurationId.parse(params.configurationId);
  const form = await readJson(req, ZConfigurationForm);
  const { operationId } = await saveConfiguration({ form, configurationId });
  after(() => watchOperation(operationId));
  return NextResponse.json({ operationId }, { status: 202 });
});

export const DELETE = withSession<Params>({ roles: ADMIN_ROLES }, async ({ req, params }) => {
  const configurationId = ZConfigurationId.parse(params.configurationId);
  const { idempotencyKey } = await readJson(req, ZDelete);
  const { operationId } = await deleteConfiguration({ configurationId, idempotencyKey });
  after(() => watchOperation(operationId));
  return NextResponse.json({ operationId }, { status: 202 });
});
