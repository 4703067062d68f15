#!/usr/bin/env node
// Headless engine CLI. Uses the built bundle (npm install builds it); falls back to the TypeScript
// source through tsx in a development checkout.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = resolve(root, 'dist/engine/cli.js');
const args = ['--experimental-wasm-relaxed-simd'];
if (existsSync(built)) args.push(built);
else args.push('--import', 'tsx', resolve(root, 'engine/cli.ts'));
const r = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
