import { type AppLoadContext, data, redirect } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { formErrorsOf, NO_ERRORS } from './form-errors';
import { RULE_FIELDS, ruleFieldOf, ruleFromForm } from '../components/rule-form';
import { formatDay } from '../i18n/format';
import { langOf, translate } from '../i18n/i18n';
import { waivedByKindSvg } from './charts.server';
import { simulateDraft } from './rule-simulation';

/**
 * The rule form's two buttons: `simulate` answers what the draft would have done to the last twelve
 * months, with its chart (and keeps the draft in the form); `save` makes the rule (POST) or its next version (PATCH).
 */
export async function ruleFormAction(request: Request, context: AppLoadContext, id?: string) {
  const api = apiFor(request, context);
  const form = await request.formData();
  const draft = ruleFromForm(form);
  const failed = (error: ReturnType<typeof errorOf>) =>
    data(
      {
        draft,
        simulation: null,
        chart: null,
        errors: formErrorsOf(error, ruleFieldOf, {}, RULE_FIELDS.name),
      },
      { status: 400, headers: api.headers },
    );
  if (form.get('intent') === 'simulate') {
    const result = await simulateDraft(api.client, draft, id);
    const error = errorOf(result);
    if (error || !result.data) return failed(error);
    const lang = langOf(request);
    const { from, to } = result.data.period;
    const period = translate(lang, 'staff.rules.period', {
      from: formatDay(from, lang),
      to: formatDay(to, lang),
    });
    const chart = waivedByKindSvg(result.data, lang, {
      before: translate(lang, 'staff.rules.waivedNow'),
      after: translate(lang, 'staff.rules.waivedDraft'),
      label: translate(lang, 'staff.rules.chartTitle', { period }),
      tableId: 'virkning-tabell',
    });
    return data({ draft, simulation: result.data, chart, errors: NO_ERRORS }, { headers: api.headers });
  }
  const result = id
    ? await api.client.PATCH('/exemption-rules/{id}', { params: { path: { id } }, body: draft })
    : await api.client.POST('/exemption-rules', { body: draft });
  const error = errorOf(result);
  if (error || !result.data) return failed(error);
  throw redirect(`/saksbehandling/fritaksregler/${result.data.id}?lagret=${result.data.version}`, {
    headers: api.headers,
  });
}
