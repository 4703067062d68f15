/** Follows the system's light/dark preference so charts can pick a matching palette. */
export class ColorScheme {
  dark = $state(false);

  constructor() {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.dark = query.matches;
    query.addEventListener('change', (e) => (this.dark = e.matches));
  }
}

export const colorScheme = new ColorScheme();
