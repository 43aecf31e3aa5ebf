import { Busboy } from '@fastify/busboy';
import type { Readable } from 'node:stream';
import { invalidParam, TwilioError } from '../domain/errors';
import type { UploadedFile } from './route';

/**
 * The one file of a `multipart/form-data` upload (what a browser sends for a `FormData`, as the SDK
 * does with `sendMessage(formData)`), read with busboy as it streams in: its bytes, and the type and
 * name the part declares. Other fields are ignored; a second file, or a file over `limit`, is refused.
 */
export function readMultipartFile(body: Readable, contentType: string, limit: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let file: Promise<UploadedFile> | null = null;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.resume();
      reject(error);
    };
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: limit } });
    } catch {
      reject(invalidParam('Malformed multipart/form-data body: no boundary'));
      return;
    }
    parser.on('file', (_field, stream, filename, _encoding, mimeType) => {
      file = new Promise((done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => fail(new TwilioError(20001, 413, `The file is larger than ${limit} bytes`)));
        stream.on('end', () => done({ bytes: Buffer.concat(chunks), contentType: mimeType, filename: filename || null }));
      });
    });
    parser.on('filesLimit', () => fail(invalidParam('Upload one file at a time')));
    parser.on('error', () => fail(invalidParam('Malformed multipart/form-data body')));
    parser.on('finish', () => {
      if (settled) return;
      if (!file) return fail(invalidParam('The form holds no file'));
      void file.then((uploaded) => {
        if (settled) return;
        settled = true;
        resolve(uploaded);
      });
    });
    body.on('error', (error) => fail(error));
    body.pipe(parser);
  });
}
