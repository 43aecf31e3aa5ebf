// Runs a Node script on a supported Node: this machine's when it is 22 or later, otherwise — Node 20
// is past its end of life — Node 24 (current LTS) from the npm registry's `node` package. npx puts
// that Node first on the PATH, so what the script starts (the benchmark's app server) runs on it too.
// `npm test`'s unit pass and `npm run bench` go through here.
import { spawnSync } from 'node:child_process';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/on-supported-node.mjs <script> [args…]');
  process.exit(2);
}
const major = Number(process.versions.node.split('.')[0]);
const command = major >= 22 ? [process.execPath, [script, ...args]] : ['npx', ['-y', 'node@24', script, ...args]];
if (major < 22) console.log(`Node ${process.versions.node} is past its end of life: running on Node 24.`);
const result = spawnSync(command[0], command[1], { stdio: 'inherit' });
process.exit(result.status ?? 1);
