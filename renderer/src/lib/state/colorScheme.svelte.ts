export type ThemeMode = 'system' | 'light' | 'dark';

const THEME_KEY = 'spectra-workbench.theme';

/**
 * Light or dark: follows the system preference unless View › Theme chose one (kept in localStorage).
 * Charts read `dark` to pick a matching palette; the stylesheet reads <html data-theme>.
 */
export class ColorScheme {
  mode = $state<ThemeMode>('system');
  private systemDark = $state(false);
  readonly dark = $derived(this.mode === 'dark' || (this.mode === 'system' && this.systemDark));

  constructor() {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    query.addEventListener('change', (e) => {
      this.systemDark = e.matches;
      this.apply();
    });
    const saved = localStorage.getItem(THEME_KEY);
    this.setMode(saved === 'light' || saved === 'dark' ? saved : 'system');
  }

  setMode(mode: ThemeMode): void {
    this.mode = mode;
    if (mode === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, mode);
    this.apply();
  }

  /** <html data-theme> always carries the resolved theme, so the stylesheet has one dark block. */
  private apply(): void {
    document.documentElement.dataset.theme = this.dark ? 'dark' : 'light';
  }
}

export const colorScheme = new ColorScheme();
