#!/usr/bin/env node
// Entry point of the `carecircle` CLI: lets Node run the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
