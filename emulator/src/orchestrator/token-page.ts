import { invalidParam } from '../domain/errors';
import { json, type EdgeRequest, type EdgeResponse } from '../http/route';

/**
 * Token pagination as Twilio's v2 APIs answer it (the helper's TokenPage): `{ [key]: [...], meta:
 * { key, pageSize, nextToken, previousToken } }`; a token is the opaque offset of its page.
 */
export const tokenPage = <R>(req: EdgeRequest, key: string, records: readonly R[], toJson: (record: R) => unknown): EdgeResponse => {
  const rawSize = req.query.get('pageSize');
  const pageSize = rawSize === null ? 50 : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw invalidParam("Parameter 'pageSize' must be an integer from 1 to 1000");
  const token = req.query.get('pageToken');
  const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw invalidParam("Parameter 'pageToken' is not a token this API answered");
  const page = records.slice(offset, offset + pageSize);
  const encode = (n: number) => Buffer.from(String(n), 'utf8').toString('base64url');
  return json(200, {
    [key]: page.map(toJson),
    meta: {
      key,
      pageSize,
      nextToken: offset + pageSize < records.length ? encode(offset + pageSize) : null,
      previousToken: offset > 0 ? encode(Math.max(0, offset - pageSize)) : null,
    },
  });
};
