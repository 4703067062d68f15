import { readFileSync } from 'node:fs';

/**
 * Resident set size of a process in MiB, from /proc/<pid>/statm (Linux), or null where that is not
 * available (other systems rely on the worker's own V8 and WASM caps).
 */
export function residentMemoryMb(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return (Number(fields[1]) * 4096) / (1024 * 1024);
  } catch {
    return null;
  }
}
