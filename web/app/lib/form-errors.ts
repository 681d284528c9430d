import type { ApiError } from '../api/client';

/** A form's errors: one message per field (by the form field's name) and any that concern no field. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/**
 * The API's error, placed beside the form's fields. `fieldOf` maps the API's field (`details[].field` of
 * VALIDATION_FAILED, or `details.field`) to the form field's name; `codeField` maps an error code that
 * concerns one field (e.g. PASSWORD_TOO_SHORT → `password`) to it. What fits no field is general.
 */
export function formErrorsOf(
  error: ApiError | null,
  fieldOf: Record<string, string> = {},
  codeField: Record<string, string> = {},
): FormErrors {
  if (!error) return NO_ERRORS;
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const details = error.details;
  if (Array.isArray(details)) {
    for (const d of details as { field?: string; problems?: string[] }[]) {
      const name = d.field ? (fieldOf[d.field] ?? fieldOf[d.field.split('.')[0]]) : undefined;
      const message = d.problems?.join('; ') ?? error.message;
      if (name) fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
      else general.push(message);
    }
    if (Object.keys(fields).length === 0 && general.length === 0) general.push(error.message);
  } else if (codeField[error.code]) {
    fields[codeField[error.code]] = error.message;
  } else {
    const field = (details as { field?: string } | undefined)?.field;
    if (field && fieldOf[field]) fields[fieldOf[field]] = error.message;
    else general.push(error.message ?? String(error.statusCode));
  }
  return { fields, general };
}

export const hasErrors = (e: FormErrors | undefined): boolean =>
  Boolean(e && (e.general.length > 0 || Object.keys(e.fields).length > 0));

/** A text field of a posted form ('' when missing or a file). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
