import { ErrorSummary } from '@digdir/designsystemet-react';
import type { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import '../staff-pages.css';

interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * An API error spread over a form's fields: VALIDATION_FAILED names its fields (`hours.2.opens`), which
 * `fieldOf` maps to a form field's id; anything else (INVALID_RULE, a conflict) goes to `fallback`.
 */
export function fieldErrors(
  error: ApiError | null | undefined,
  fieldOf: (apiField: string) => string | undefined,
  fallback: string,
): Record<string, string> {
  if (!error) return {};
  const out: Record<string, string> = {};
  const details = Array.isArray(error.details) ? (error.details as FieldProblem[]) : [];
  for (const d of details) {
    if (typeof d?.field !== 'string') continue;
    const id = fieldOf(d.field) ?? fallback;
    out[id] ??= d.problems?.join('; ') ?? error.message;
  }
  if (Object.keys(out).length === 0) out[fallback] = error.message;
  return out;
}

/** Designsystemet's ErrorSummary linking to each field with a problem (ids as given to the fields). */
export function FormErrors({ errors }: { errors: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('staff.form.errors')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([id, message]) => (
          <ErrorSummary.Item key={id}>
            <ErrorSummary.Link href={`#${id}`}>{message}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
