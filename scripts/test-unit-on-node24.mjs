// `npm run test:unit:node24`: the unit and integration suite again on Node 24 (current LTS), so a
// machine still on an older Node proves both. Node 24 comes from the npm registry's `node` package.
import { spawnSync } from 'node:child_process';

const major = Number(process.versions.node.split('.')[0]);
if (major === 24) {
  console.log('Already on Node 24: test:unit covered it.');
  process.exit(0);
}
const result = spawnSync('npx', ['-y', 'node@24', 'node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
