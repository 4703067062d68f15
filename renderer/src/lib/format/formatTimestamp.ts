const sameDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const otherDay = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Time only for today, date and time otherwise; `full` for detail pages. */
export function formatTimestamp(iso: string | null, style: 'short' | 'full' = 'short'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (style === 'full') return full.format(d);
  return d.toDateString() === new Date().toDateString() ? sameDay.format(d) : otherDay.format(d);
}
