import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where migrations/*.sql live. Source (electron/store/) and bundles (dist/electron/) both sit two
 * levels below the app root; SPECTRA_MIGRATIONS overrides for unusual layouts.
 */
export function defaultMigrationsDir(): string {
  if (process.env.SPECTRA_MIGRATIONS) return process.env.SPECTRA_MIGRATIONS;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, '../../migrations'), resolve(here, '../migrations'), join(process.cwd(), 'migrations')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`migrations/ folder not found near ${here}`);
}
