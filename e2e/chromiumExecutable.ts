import { existsSync } from 'node:fs';

/** Debian's chromium (CI installs it); PLAYWRIGHT_CHROMIUM overrides. Playwright's own download cannot work offline. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}
