// The JavaScript a browser loads for /inbox, gzipped: Next's root chunks plus the client
// entries of every segment on the way (root layout, signed-in layout, inbox layout, page),
// read from the production build's manifests.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const NEXT = path.resolve('.next');
const SEGMENTS = ['[project]/app/layout', '[project]/app/(app)/layout', '[project]/app/(app)/inbox/layout', '[project]/app/(app)/inbox/page'];

export async function runInboxBundle() {
  execSync('npm run build', { stdio: 'ignore' });
  const buildManifest = JSON.parse(readFileSync(path.join(NEXT, 'server/app/(app)/inbox/page/build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const clientManifest = readFileSync(path.join(NEXT, 'server/app/(app)/inbox/page_client-reference-manifest.js'), 'utf8');
  const entries = JSON.parse(/"entryJSFiles":(\{[^}]*\})/.exec(clientManifest)?.[1] ?? '{}') as Record<string, string[]>;
  const files = new Set([...buildManifest.rootMainFiles, ...SEGMENTS.flatMap((segment) => entries[segment] ?? [])]);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(NEXT, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { route: '/inbox', files: files.size, rawKiB: Math.round(raw / 102.4) / 10, gzipKiB: Math.round(gzip / 102.4) / 10 };
}
