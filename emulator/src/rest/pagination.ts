import { invalidParam } from '../domain/errors';
import { lowerBound } from '../store/indexes';
import { TWILIO_HOST } from '../serializers/scope';

/**
 * Twilio-style pages over a creation-ordered list of SIDs. Page tokens are cursors on the record's
 * `seq` (`PT<seq>`: after it, `PB<seq>`: before it, in the list's order), so records created or
 * deleted between two page requests neither repeat nor get skipped. `Page` without a token is an offset
 * (`Page × PageSize`), as in the `first_page_url` the helper starts from.
 */
export type PageRequest = { pageSize: number; page: number; token: string | null };

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

export const readPageRequest = (query: URLSearchParams): PageRequest => {
  const rawSize = query.get('PageSize');
  const rawPage = query.get('Page');
  const pageSize = rawSize === null ? DEFAULT_PAGE_SIZE : Number(rawSize);
  const page = rawPage === null ? 0 : Number(rawPage);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw invalidParam(`Invalid parameter 'PageSize': must be a positive integer`);
  if (!Number.isInteger(page) || page < 0) throw invalidParam(`Invalid parameter 'Page': must be a non-negative integer`);
  const token = query.get('PageToken');
  if (token !== null && !/^P[TB]\d+$/.test(token)) throw invalidParam(`Invalid parameter 'PageToken': '${token}'`);
  return { pageSize: Math.min(pageSize, MAX_PAGE_SIZE), page, token };
};

export type Paged = { sids: string[]; hasNext: boolean; hasPrevious: boolean };

/** Selects one page of `sids` (ascending seq); `order: 'desc'` walks it newest first. */
export const selectPage = (
  sids: readonly string[],
  seqOf: (sid: string) => number,
  request: PageRequest,
  order: 'asc' | 'desc' = 'asc',
): Paged => {
  const n = sids.length;
  const size = request.pageSize;
  const token = request.token;
  const seq = token === null ? 0 : Number(token.slice(2));
  let start: number;
  let end: number;
  if (order === 'asc') {
    if (token?.startsWith('PT')) {
      start = lowerBound(sids, seq + 1, seqOf);
      end = Math.min(n, start + size);
    } else if (token?.startsWith('PB')) {
      end = lowerBound(sids, seq, seqOf);
      start = Math.max(0, end - size);
    } else {
      start = Math.min(n, request.page * size);
      end = Math.min(n, start + size);
    }
    return { sids: sids.slice(start, end), hasNext: end < n, hasPrevious: start > 0 };
  }
  // Descending: "after" means older (lower seq), "before" means newer.
  if (token?.startsWith('PT')) {
    end = lowerBound(sids, seq, seqOf);
    start = Math.max(0, end - size);
  } else if (token?.startsWith('PB')) {
    start = lowerBound(sids, seq + 1, seqOf);
    end = Math.min(n, start + size);
  } else {
    end = Math.max(0, n - request.page * size);
    start = Math.max(0, end - size);
  }
  return { sids: sids.slice(start, end).reverse(), hasNext: start > 0, hasPrevious: end < n };
};

/** The `meta` block, with absolute URLs on Twilio's host that the helper follows. */
export const pageMeta = (
  path: string,
  key: string,
  request: PageRequest,
  paged: Paged,
  seqOf: (sid: string) => number,
  filters: Record<string, string | undefined> = {},
  host: string = TWILIO_HOST,
) => {
  const url = (page: number, token?: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, v);
    q.set('PageSize', String(request.pageSize));
    q.set('Page', String(page));
    if (token) q.set('PageToken', token);
    return `${host}${path}?${q.toString()}`;
  };
  const first = paged.sids[0];
  const last = paged.sids[paged.sids.length - 1];
  return {
    page: request.page,
    page_size: request.pageSize,
    first_page_url: url(0),
    previous_page_url:
      paged.hasPrevious && request.page > 0 && first !== undefined ? url(request.page - 1, `PB${seqOf(first)}`) : null,
    url: url(request.page, request.token ?? undefined),
    next_page_url: paged.hasNext && last !== undefined ? url(request.page + 1, `PT${seqOf(last)}`) : null,
    key,
  };
};
