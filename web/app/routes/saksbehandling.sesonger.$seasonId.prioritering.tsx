import { Alert, Button, Fieldset, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, need, notFound } from '../api/client';
import type { components } from '../api/schema';
import { CheckboxField, TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { formErrorsOf, NO_ERRORS } from '../lib/form-errors';
import { PageTitle } from '../components/page-title';
import { type MessageKey, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.sesonger.$seasonId.prioritering';
import { textOf } from '../lib/kroner';

type Policy = components['schemas']['PolicyDto'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORG_KINDS = ['voluntary', 'sports', 'study_association', 'public', 'commercial', 'private'] as const;
const AGE_GROUPS = ['children', 'youth', 'adults', 'seniors', 'all_ages'] as const;
const WEIGHTS = ['keepPrevious', 'preferenceRank', 'fairness'] as const;

/** A season's priority policy: tiers in order, then weights within a tier, and the run's time limit. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.seasonId)) notFound();
  const { client } = apiFor(request, context);
  const path = { id: params.seasonId };
  const [season, policy] = await Promise.all([
    client.GET('/seasons/{id}', { params: { path } }).then(need),
    client.GET('/seasons/{id}/policy', { params: { path } }).then(need),
  ]);
  return { season, policy, saved: new URL(request.url).searchParams.has('lagret') };
}

/** The policy a form sent: tiers whose name is filled in, in the order shown. */
function policyFromForm(form: FormData): Policy {
  const tiers: Policy['tiers'] = [];
  for (let i = 0; i < 11; i++) {
    const name = textOf(form, `niva-${i}-navn`).trim();
    if (!name) continue;
    const list = (key: string) => form.getAll(`niva-${i}-${key}`).map(String);
    tiers.push({
      name,
      conditions: {
        organisationKinds: list('org') as never,
        ageGroups: list('alder') as never,
        ...(form.get(`niva-${i}-lokal`) === 'on' ? { requireLocal: true } : {}),
        ...(form.get(`niva-${i}-frivreg`) === 'on' ? { requireFrivillighetsregisteret: true } : {}),
      },
    });
  }
  const num = (name: string) => {
    const text = textOf(form, name).replace(',', '.').trim();
    return text && Number.isFinite(Number(text)) ? Number(text) : (text as never);
  };
  return {
    tiers,
    weights: Object.fromEntries(WEIGHTS.map((w) => [w, num(`vekt-${w}`)])) as Policy['weights'],
    timeLimitSeconds: num('tidsgrense'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const policy = policyFromForm(await request.formData());
  const result = await api.client.PUT('/seasons/{id}/policy', {
    params: { path: { id: params.seasonId } },
    body: policy,
  });
  const error = errorOf(result);
  if (error) {
    const fieldOf = (f: string) => {
      const [head, index, , key] = f.split('.');
      if (head === 'weights') return `vekt-${index}`;
      if (head === 'timeLimitSeconds') return 'tidsgrense';
      if (head === 'tiers' && index !== undefined) return key ? undefined : `niva-${index}-navn`;
      return undefined;
    };
    return data(
      { policy, errors: formErrorsOf(error, fieldOf, {}, 'niva-0-navn') },
      { status: 400, headers: api.headers },
    );
  }
  throw redirect(`/saksbehandling/sesonger/${params.seasonId}/prioritering?lagret`, { headers: api.headers });
}

export default function PolicyPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { season } = loaderData;
  const policy = actionData?.policy ?? loaderData.policy;
  const errors = actionData?.errors ?? NO_ERRORS;
  const tiers = [...policy.tiers, { name: '', conditions: {} } as Policy['tiers'][number]];
  return (
    <>
      <PageTitle text={t('staff.policy.title', { season: season.name })} />
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/saksbehandling/sesonger/${season.id}`}>
            {t('staff.allocation.back', { season: season.name })}
          </RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t('staff.policy.title', { season: season.name })}
      </Heading>
      <Paragraph>{t('staff.policy.lead')}</Paragraph>
      {loaderData.saved && !actionData && (
        <Alert data-color="success" role="status">
          {t('staff.policy.saved')}
        </Alert>
      )}
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack">
        {tiers.map((tier, i) => (
          <Fieldset key={i}>
            <Fieldset.Legend>
              {i < policy.tiers.length ? t('staff.policy.tier', { n: i + 1 }) : t('staff.policy.newTier')}
            </Fieldset.Legend>
            <TextField
              id={`niva-${i}-navn`}
              name={`niva-${i}-navn`}
              label={t('staff.policy.tierName')}
              description={i < policy.tiers.length ? t('staff.policy.emptyRemoves') : undefined}
              defaultValue={tier.name}
              error={errors.fields[`niva-${i}-navn`]}
            />
            <div className="tick-row">
              {ORG_KINDS.map((k) => (
                <CheckboxField
                  key={k}
                  id={`niva-${i}-org-${k}`}
                  name={`niva-${i}-org`}
                  value={k}
                  label={t(`orgKind.${k}` as MessageKey)}
                  defaultChecked={tier.conditions.organisationKinds?.includes(k) ?? false}
                />
              ))}
            </div>
            <div className="tick-row">
              {AGE_GROUPS.map((k) => (
                <CheckboxField
                  key={k}
                  id={`niva-${i}-alder-${k}`}
                  name={`niva-${i}-alder`}
                  value={k}
                  label={t(`ageGroup.${k}` as MessageKey)}
                  defaultChecked={tier.conditions.ageGroups?.includes(k) ?? false}
                />
              ))}
            </div>
            <CheckboxField
              id={`niva-${i}-lokal`}
              name={`niva-${i}-lokal`}
              label={t('staff.rules.local')}
              defaultChecked={tier.conditions.requireLocal ?? false}
            />
            <CheckboxField
              id={`niva-${i}-frivreg`}
              name={`niva-${i}-frivreg`}
              label={t('staff.rules.registered')}
              defaultChecked={tier.conditions.requireFrivillighetsregisteret ?? false}
            />
          </Fieldset>
        ))}
        <Fieldset>
          <Fieldset.Legend>{t('staff.policy.weights')}</Fieldset.Legend>
          <div className="form-row">
            {WEIGHTS.map((w) => (
              <TextField
                key={w}
                id={`vekt-${w}`}
                name={`vekt-${w}`}
                inputMode="decimal"
                label={t(`staff.policy.weight.${w}` as MessageKey)}
                defaultValue={String(policy.weights[w])}
                error={errors.fields[`vekt-${w}`]}
              />
            ))}
            <TextField
              id="tidsgrense"
              name="tidsgrense"
              inputMode="numeric"
              label={t('staff.policy.timeLimit')}
              defaultValue={String(policy.timeLimitSeconds)}
              error={errors.fields.tidsgrense}
            />
          </div>
        </Fieldset>
        <div>
          <Button type="submit">{t('staff.policy.save')}</Button>
        </div>
      </Form>
    </>
  );
}
