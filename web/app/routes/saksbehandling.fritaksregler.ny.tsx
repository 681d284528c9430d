import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { PageTitle } from '../components/page-title';
import { RuleForm } from '../components/rule-form';
import { RuleSimulation } from '../components/rule-simulation';
import { useT } from '../i18n/i18n';
import { ruleFormAction } from '../lib/rule-action.server';
import { osloToday } from '../lib/week';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.fritaksregler.ny';
import { NO_ERRORS } from '../lib/form-errors';

/** A new exemption rule: try it on the last twelve months, then save it as version 1. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  return { today: osloToday() };
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  return ruleFormAction(request, context);
}

export default function NewRule({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageTitle text={t('staff.rules.newTitle')} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/saksbehandling/fritaksregler">{t('staff.rules.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t('staff.rules.newTitle')}
      </Heading>
      <Paragraph>{t('staff.rules.simulateLead')}</Paragraph>
      {actionData?.simulation && actionData.chart && (
        <RuleSimulation simulation={actionData.simulation} chart={actionData.chart} />
      )}
      <RuleForm
        rule={
          actionData?.draft ?? {
            name: '',
            priority: 100,
            validFrom: loaderData.today,
            validTo: null,
            conditions: {},
            effect: { waivePercent: 100, waives: ['rent'] },
          }
        }
        errors={actionData?.errors ?? NO_ERRORS}
        submitLabel={t('staff.rules.create')}
      />
    </>
  );
}
