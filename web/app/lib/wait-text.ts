import { type Lang, translate } from '../i18n/i18n';

/** "45 sekunder", "3 minutter": how long to wait, rounded up to whole minutes past a minute. */
export function waitText(seconds: number, lang: Lang): string {
  const s = Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 60));
  if (s < 60) return translate(lang, s === 1 ? 'wait.second' : 'wait.seconds', { count: s });
  const m = Math.ceil(s / 60);
  return translate(lang, m === 1 ? 'wait.minute' : 'wait.minutes', { count: m });
}
