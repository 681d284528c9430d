import { ErrorSummary } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/i18n';

/** The errors of one form, each linking to its field (ids are the fields' names prefixed by the form's). */
export function FieldErrors({ errors, prefix }: { errors?: Record<string, string>; prefix: string }) {
  const t = useT();
  const entries = Object.entries(errors ?? {}).filter(([, m]) => m);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('staff.errors.heading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([name, message]) => (
          <ErrorSummary.Item key={name}>
            <ErrorSummary.Link href={`#${prefix}-${name}`}>{message}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
