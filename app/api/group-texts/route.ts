import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ZStartGroupText } from '@/lib/group-texts/group-text-rules';
import { startGroupText } from '@/lib/group-texts/start-group-text';

export const POST = withSession({}, async ({ req, user }) => {
  const input = await readJson(req, ZStartGroupText);
  return NextResponse.json(await startGroupText({ agentId: user.id, input }), { status: 201 });
});
