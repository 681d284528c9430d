import { useT } from '../i18n/i18n';

/** The document's title, "<page> – frirom" (React 19 moves it into <head>). Every page renders one. */
export function PageTitle({ text }: { text: string }) {
  const t = useT();
  return <title>{`${text} – ${t('site.name')}`}</title>;
}
