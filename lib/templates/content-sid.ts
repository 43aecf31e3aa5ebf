import { AppError } from '@/lib/api/app-error';

/** A content SID from a URL; anything else cannot name a template (404, not 500). */
export function parseContentSid(value: string): string {
  if (!/^HX[0-9a-fA-F]{32}$/.test(value)) throw new AppError('not_found', 'No such template.');
  return value;
}
