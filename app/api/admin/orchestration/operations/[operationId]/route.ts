import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { fetchOperation } from '@/lib/orchestration/fetch-operation';

const ZOperationId = z.string().regex(/^[a-z_]+_[0-9a-z]{26}$/, 'Not an operation id.');

export const GET = withSession<{ operationId: string }>({ roles: ADMIN_ROLES }, async ({ params }) =>
  NextResponse.json({ operation: await fetchOperation(ZOperationId.parse(params.operationId)) }),
);
