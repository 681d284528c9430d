import { ErrorSummary } from '@digdir/designsystemet-react';
import { useT } from '../i18n/i18n';
import { type FormErrors, hasErrors } from '../lib/form-errors';

/**
 * Designsystemet's error summary above a form: each field's message links to the field (`ids` maps a
 * field's name to its input's id), and what concerns no field is listed as text. Renders nothing when
 * there is no error.
 */
export function FormErrorSummary({
  errors,
  ids,
  labels,
}: {
  errors?: FormErrors;
  ids: Record<string, string>;
  labels?: Record<string, string>;
}) {
  const t = useT();
  if (!errors || !hasErrors(errors)) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('form.errorHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {Object.entries(errors.fields).map(([name, message]) => (
          <ErrorSummary.Item key={name}>
            <ErrorSummary.Link href={`#${ids[name] ?? name}`}>
              {labels?.[name] ? `${labels[name]}: ${message}` : message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
        {errors.general.map((message) => (
          <ErrorSummary.Item key={message}>{message}</ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
