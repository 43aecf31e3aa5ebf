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
