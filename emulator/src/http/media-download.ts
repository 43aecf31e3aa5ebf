import { invalidParam } from '../domain/errors';
import type { RestRequest } from '../rest/types';

// C0 controls and DEL: a filename carrying them (CR LF above all) would break the headers it is
// served in.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * An upload's filename, from `Content-Disposition: …; filename="x.png"` (or `filename*=UTF-8''…`)
 * or a `Filename` query parameter. A malformed or control-character name is refused (400).
 */
export const uploadFilename = (req: RestRequest): string | null => {
  const disposition = req.headers['content-disposition'];
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  let filename = req.query.get('Filename') ?? req.query.get('filename');
  if (match?.[1]) {
    try {
      filename = decodeURIComponent(match[1]);
    } catch {
      throw invalidParam(`The upload's filename is not valid percent-encoding: '${match[1]}'`);
    }
  }
  if (filename !== null && CONTROL_CHARACTERS.test(filename)) throw invalidParam('The filename must not contain control characters');
  return filename;
};

/**
 * Headers for downloading stored media: the type it was uploaded with, never sniffed; images may
 * show inline, anything else (HTML above all) downloads instead of rendering on our origin.
 */
export const mediaDownloadHeaders = (media: { contentType: string; filename: string | null }, size: number): Record<string, string> => {
  const disposition = media.contentType.startsWith('image/') ? 'inline' : 'attachment';
  const name = media.filename?.replace(/["\\\u0000-\u001f\u007f]/g, '');
  return {
    'Content-Type': media.contentType,
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': name ? `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}` : disposition,
  };
};
