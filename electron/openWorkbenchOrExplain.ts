import { join } from 'node:path';
import { createWorkbench, type Workbench, type WorkbenchOptions } from './workbench.js';
import { DATABASE_FILE } from './store/Store.js';
import { listBackups, restoreBackupFile } from './store/backups.js';
import { DatabaseUnreadableError } from './store/openDatabase.js';

/**
 * Opens the workbench for web mode / the CLI launcher. A damaged database is never overwritten: the
 * error explains, lists the backups and says how to restore one (`--restore-backup latest|NAME`).
 */
export function openWorkbenchOrExplain(options: WorkbenchOptions, restoreBackup?: string): Workbench {
  if (restoreBackup) {
    const restored = restoreBackupFile(options.dataDir, restoreBackup, join(options.dataDir, DATABASE_FILE));
    console.log(`Restored backup ${restored.name} (the previous database was kept in backups/ as well).`);
  }
  try {
    return createWorkbench(options);
  } catch (e) {
    if (e instanceof DatabaseUnreadableError) {
      const backups = listBackups(options.dataDir);
      const offer = backups.length
        ? `Backups available (newest first):\n${backups.map((b) => `  ${b.name}  (${b.reason}, ${(b.bytes / 1024).toFixed(0)} kB)`).join('\n')}\n` +
          'Start again with --restore-backup latest (or a name above) to restore one; the damaged file is kept.'
        : 'No backups exist in this data folder; choose another one with --data DIR.';
      throw new Error(`${e.message}\n${offer}`);
    }
    throw e;
  }
}
