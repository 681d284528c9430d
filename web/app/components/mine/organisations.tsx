import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { type MessageKey, useT } from '../../i18n/i18n';
import type { FormErrors } from '../../lib/form-errors';
import type { Mine } from '../../lib/mine.server';
import { CheckboxField, SelectField, TextField } from '../fields';
import { FormErrorSummary } from '../form-error-summary';

const KINDS = ['voluntary', 'sports', 'study_association', 'public', 'commercial', 'private'];
export const ORG_IDS = {
  orgNumber: 'org-number',
  name: 'org-name',
  kind: 'org-kind',
  email: 'org-email',
  inviteEmail: 'invite-email',
};

export interface OrgDraft {
  orgNumber: string;
  name: string;
  kind: string;
  email: string;
  municipalityNumber: string;
  inFrivillighetsregisteret: boolean;
  lookedUp: boolean;
}

/** My organisations, each with its status and a contact invitation, and the form to register one. */
export function MyOrganisations({
  organisations,
  draft,
  errors,
  inviteFor,
}: {
  organisations: Mine['organisations'];
  draft?: OrgDraft;
  errors?: FormErrors;
  inviteFor?: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="mine-orgs" className="stack">
      <Heading level={2} data-size="lg" id="mine-orgs">
        {t('mine.organisations')}
      </Heading>
      {organisations.length === 0 && <Paragraph>{t('mine.noOrganisations')}</Paragraph>}
      <ul className="grid">
        {organisations.map((o) => (
          <li key={o.id}>
            <Card>
              <Heading level={3} data-size="sm">
                {o.name}
              </Heading>
              <Paragraph>
                {t('mine.orgNumber', { number: o.orgNumber })}{' '}
                <Tag data-color={o.status === 'verified' ? 'success' : 'warning'}>
                  {t(`orgStatus.${o.status}` as MessageKey)}
                </Tag>
              </Paragraph>
              {o.status === 'pending' && <Paragraph data-size="sm">{t('mine.pendingHint')}</Paragraph>}
              <Form method="post" className="stack">
                <input type="hidden" name="organisationId" value={o.id} />
                <TextField
                  id={`${ORG_IDS.inviteEmail}-${o.id}`}
                  label={t('mine.inviteEmail')}
                  name="email"
                  type="email"
                  error={inviteFor === o.id ? errors?.fields.inviteEmail : undefined}
                />
                <Button type="submit" name="intent" value="invite" variant="secondary">
                  {t('mine.invite')}
                </Button>
              </Form>
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="md">
        {t('mine.registerOrg')}
      </Heading>
      {!inviteFor && <FormErrorSummary errors={errors} ids={ORG_IDS} />}
      <Form method="post" className="narrow-form stack" noValidate>
        <TextField
          id={ORG_IDS.orgNumber}
          label={t('mine.orgNumberLabel')}
          description={t('mine.orgNumberHint')}
          name="orgNumber"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={draft?.orgNumber}
          error={inviteFor ? undefined : errors?.fields.orgNumber}
        />
        <Button type="submit" name="intent" value="lookup" variant="secondary">
          {t('mine.lookup')}
        </Button>
        {draft?.lookedUp && (
          <>
            <TextField
              id={ORG_IDS.name}
              label={t('mine.orgName')}
              name="name"
              defaultValue={draft.name}
              error={errors?.fields.name}
            />
            <SelectField
              id={ORG_IDS.kind}
              label={t('mine.orgKind')}
              name="kind"
              defaultValue={draft.kind}
              error={errors?.fields.kind}
            >
              <option value="">{t('mine.chooseKind')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`orgKind.${k}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={ORG_IDS.email}
              label={t('mine.orgEmail')}
              name="email"
              type="email"
              defaultValue={draft.email}
              error={errors?.fields.email}
            />
            <CheckboxField
              label={t('mine.inFrivillighetsregisteret')}
              name="inFrivillighetsregisteret"
              value="true"
              defaultChecked={draft.inFrivillighetsregisteret}
            />
            <input type="hidden" name="municipalityNumber" value={draft.municipalityNumber} />
            <Button type="submit" name="intent" value="register">
              {t('mine.registerSubmit')}
            </Button>
          </>
        )}
      </Form>
    </section>
  );
}
