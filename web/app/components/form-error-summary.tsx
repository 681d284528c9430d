import { ErrorSummary } from '@digdir/designsystemet-react';
import { useT } from '../i18n/i18n';
import { type FormErrors, hasErrors } from '../lib/form-errors';

/**
 * Designsystemet's error summary above a form, the one every form uses: each field's message links to
 * the field (`ids` maps a field's name to its input's id, by table or function; the name is the id when
 * left out), and what concerns no field is listed as text. Renders nothing when there is no error.
 * `heading` says what failed when the form's own words fit better than "correct this".
 */
export function FormErrorSummary({
  errors,
  ids,
  labels,
  heading,
}: {
  errors?: FormErrors;
  ids?: Record<string, string> | ((name: string) => string);
  labels?: Record<string, string>;
  heading?: string;
}) {
  const t = useT();
  if (!errors || !hasErrors(errors)) return null;
  const idOf = (name: string) => (typeof ids === 'function' ? ids(name) : (ids?.[name] ?? name));
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{heading ?? t('form.errorHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {Object.entries(errors.fields).map(([name, message]) => (
          <ErrorSummary.Item key={name}>
            <ErrorSummary.Link href={`#${idOf(name)}`}>
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
