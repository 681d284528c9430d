import type { AppLoadContext } from 'react-router';
import { apiFor } from '../api/client';
import { requireUser } from './session.server';

/**
 * The API for a staff page: the user must be signed in with the staff role (else /logg-inn?neste= or
 * the 403 page). Each staff loader and action calls it, since they run side by side with the layout's.
 */
export async function staffApi(request: Request, context: AppLoadContext) {
  await requireUser(request, context, ['staff']);
  return apiFor(request, context);
}

/** A form's text field, trimmed; '' when missing. */
export const field = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** A form's number field, or undefined when it is not a whole number. */
export const intField = (form: FormData, name: string): number | undefined => {
  const v = field(form, name);
  return /^\d+$/.test(v) ? Number(v) : undefined;
};
