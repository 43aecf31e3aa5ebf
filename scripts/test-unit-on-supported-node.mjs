// `npm test`'s unit and integration pass, once: on this machine's Node when it is a supported one
// (22 or later), otherwise — Node 20 is past its end of life — on Node 24 (current LTS) from the
// npm registry's `node` package. `npm run test:unit` and `test:unit:node24` choose explicitly.
import { spawnSync } from 'node:child_process';

const major = Number(process.versions.node.split('.')[0]);
const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)];
const command = major >= 22 ? [process.execPath, vitest] : ['npx', ['-y', 'node@24', ...vitest]];
if (major < 22) console.log(`Node ${process.versions.node} is past its end of life: the suite runs on Node 24.`);
const result = spawnSync(command[0], command[1], { stdio: 'inherit' });
process.exit(result.status ?? 1);
