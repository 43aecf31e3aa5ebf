#!/usr/bin/env node
// The emulator ships as TypeScript source; tsx compiles it as it loads.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
