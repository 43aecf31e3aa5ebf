import { after, NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { ZConfigurationForm } from '@/lib/orchestration/configuration-form';
import { listConfigurations } from '@/lib/orchestration/list-configurations';
import { saveConfiguration } from '@/lib/orchestration/save-configuration';
import { watchOperation } from '@/lib/orchestration/watch-operation';

export const GET = withSession({ roles: ADMIN_ROLES }, async () => NextResponse.json({ configurations: await listConfigurations() }));

export const POST = withSession({ roles: ADMIN_ROLES }, async ({ req }) => {
  const form = await readJson(req, ZConfigurationForm);
  const { operationId } = await saveConfiguration({ form });
  after(() => watchOperation(operationId));
  return NextResponse.json({ operationId }, { status: 202 });
});
