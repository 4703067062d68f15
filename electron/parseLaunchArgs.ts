/** Command-line flags shared by the Electron main process and web mode. */
export interface LaunchArgs {
  dataDir?: string;
  port?: number;
  workers?: number;
  /** Replace the database with this backup ("latest" or a file name from <data>/backups) before opening it. */
  restoreBackup?: string;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const out: LaunchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--data') out.dataDir = value();
    else if (a.startsWith('--data=')) out.dataDir = a.slice(7);
    else if (a === '--port') out.port = intFlag('--port', value(), 0, 65535);
    else if (a === '--workers') out.workers = intFlag('--workers', value(), 1, 64);
    else if (a === '--restore-backup') out.restoreBackup = value();
  }
  if (!out.dataDir && process.env.SPECTRA_DATA) out.dataDir = process.env.SPECTRA_DATA;
  return out;
}

function intFlag(name: string, raw: string, min: number, max: number): number {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return v;
}
