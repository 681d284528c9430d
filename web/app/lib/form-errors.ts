import type { ApiError } from '../api/client';

/** A form's errors: one message per field (by the form field's name) and any that concern no field. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** How a form names the API's fields: a table, or a function for names with indexes (`hours.2.opens`). */
export type FieldNames = Record<string, string> | ((apiField: string) => string | undefined);

/**
 * The API's error, placed beside the form's fields: the one way every form (the applicant's, sign-in,
 * the staff's) turns an API error into what it shows. `fieldOf` maps the API's field (`details[].field`
 * of VALIDATION_FAILED, or `details.field`) to the form field's name (or id); `codeField` maps an error
 * code that concerns one field (e.g. PASSWORD_TOO_SHORT → `password`) to it. What fits no field is
 * general, or goes to the `fallback` field when the form has one that such errors concern (a rule's
 * name for INVALID_RULE).
 */
export function formErrorsOf(
  error: ApiError | null | undefined,
  fieldOf: FieldNames = {},
  codeField: Record<string, string> = {},
  fallback?: string,
): FormErrors {
  if (!error) return NO_ERRORS;
  const nameOf = (field: string): string | undefined =>
    typeof fieldOf === 'function' ? fieldOf(field) : (fieldOf[field] ?? fieldOf[field.split('.')[0]]);
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const place = (name: string | undefined, message: string) => {
    const target = name ?? fallback;
    if (target) fields[target] = fields[target] ? `${fields[target]}; ${message}` : message;
    else general.push(message);
  };
  const details = error.details;
  if (Array.isArray(details)) {
    for (const d of details as { field?: unknown; problems?: string[] }[]) {
      const field = typeof d?.field === 'string' ? d.field : undefined;
      place(field ? nameOf(field) : undefined, d?.problems?.join('; ') ?? error.message);
    }
    if (Object.keys(fields).length === 0 && general.length === 0) place(undefined, error.message);
  } else if (codeField[error.code]) {
    fields[codeField[error.code]] = error.message;
  } else {
    const field = (details as { field?: unknown } | undefined)?.field;
    place(typeof field === 'string' ? nameOf(field) : undefined, error.message ?? String(error.statusCode));
  }
  return { fields, general };
}

/** A form's own checks (before asking the API): one message per field. */
export const fieldProblems = (fields: Record<string, string>): FormErrors => ({ fields, general: [] });

export const hasErrors = (e: FormErrors | undefined): boolean =>
  Boolean(e && (e.general.length > 0 || Object.keys(e.fields).length > 0));

/** A text field of a posted form ('' when missing or a file). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
