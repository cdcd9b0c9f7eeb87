#!/usr/bin/env node
// The workspace packages export TypeScript source; register tsx so Node can load them.
import { register } from 'tsx/esm/api';

register();
await import('../src/start-app.ts');
