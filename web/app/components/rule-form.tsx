import { Button, Fieldset } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { components } from '../api/schema';
import { type MessageKey, useT } from '../i18n/i18n';
import { CheckboxField, CheckboxGroup, TextField } from './fields';
import { type FormErrors } from '../lib/form-errors';
import { FormErrorSummary } from './form-error-summary';
import { textOf } from '../lib/kroner';

export type Rule = components['schemas']['RuleView'];
export type RuleDraft = components['schemas']['CreateRuleDto'];

const ORG_KINDS = ['voluntary', 'sports', 'study_association', 'public', 'commercial', 'private'] as const;
const AGE_GROUPS = ['children', 'youth', 'adults', 'seniors', 'all_ages'] as const;
const BUILDING_KINDS = ['school', 'culture', 'sports', 'other'] as const;
const ROOM_KINDS = [
  'gym',
  'hall',
  'classroom',
  'meeting_room',
  'auditorium',
  'kitchen',
  'music_room',
  'other',
];
const CHARGES = ['rent', 'fixed', 'caretaker', 'cleaning'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The field id an API problem (`conditions.weekdays`, `effect.waivePercent`) belongs beside. */
export const RULE_FIELDS: Record<string, string> = {
  name: 'regel-navn',
  priority: 'regel-prioritet',
  validFrom: 'regel-fra',
  validTo: 'regel-til',
  waivePercent: 'regel-prosent',
  startsNotBefore: 'regel-start',
  endsNotAfter: 'regel-slutt',
};
export const ruleFieldOf = (apiField: string): string | undefined =>
  RULE_FIELDS[apiField.split('.').pop() ?? ''] ?? RULE_FIELDS[apiField.split('.')[0]];

/** The rule a form describes, as the API takes it: ticked lists, flags only when ticked. */
export function ruleFromForm(form: FormData): RuleDraft {
  const all = (name: string) => form.getAll(name).map(String);
  const text = (name: string) => textOf(form, name).trim();
  const whole = (name: string) => (/^-?\d+$/.test(text(name)) ? Number(text(name)) : (text(name) as never));
  const list = <T,>(name: string, cast: (v: string) => T = (v) => v as T) =>
    all(name).length ? all(name).map(cast) : undefined;
  const flag = (name: string) => (form.get(name) === 'on' ? true : undefined);
  return {
    name: text('navn'),
    priority: whole('prioritet'),
    validFrom: text('fra'),
    validTo: text('til') || null,
    conditions: {
      organisationKinds: list('organisasjon'),
      ageGroups: list('alder'),
      buildingKinds: list('bygg'),
      roomKinds: list('rom'),
      weekdays: list('dag', Number) as RuleDraft['conditions']['weekdays'],
      requireFrivillighetsregisteret: flag('frivillighetsregisteret'),
      requireLocal: flag('lokal'),
      excludeEntranceFee: flag('uten-inngang'),
      startsNotBefore: text('start') || undefined,
      endsNotAfter: text('slutt') || undefined,
    },
    effect: { waivePercent: whole('prosent'), waives: list('fritar') ?? ['rent'] },
  };
}

interface Props {
  /** The rule as it is, or the draft sent last (shown again as typed). */
  rule: RuleDraft | null;
  errors: FormErrors;
  submitLabel: string;
}

/** An exemption rule's fields, with "see what it would have done" and "save" as the form's two buttons. */
export function RuleForm({ rule, errors, submitLabel }: Props) {
  const t = useT();
  const c = rule?.conditions ?? {};
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return (
    <>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack">
        <TextField
          id={RULE_FIELDS.name}
          name="navn"
          required
          label={t('staff.rules.name')}
          defaultValue={rule?.name}
          error={errors.fields[RULE_FIELDS.name]}
        />
        <div className="form-row">
          <TextField
            id={RULE_FIELDS.waivePercent}
            name="prosent"
            inputMode="numeric"
            required
            label={t('staff.rules.percent')}
            description={t('staff.rules.percentHelp')}
            defaultValue={rule ? String(rule.effect.waivePercent) : '100'}
            error={errors.fields[RULE_FIELDS.waivePercent]}
          />
          <TextField
            id={RULE_FIELDS.priority}
            name="prioritet"
            inputMode="numeric"
            required
            label={t('staff.rules.priority')}
            description={t('staff.rules.priorityHelp')}
            defaultValue={rule ? String(rule.priority) : '100'}
            error={errors.fields[RULE_FIELDS.priority]}
          />
        </div>
        <div className="form-row">
          <TextField
            id={RULE_FIELDS.validFrom}
            name="fra"
            type="date"
            required
            label={t('staff.rules.validFrom')}
            defaultValue={rule?.validFrom}
            error={errors.fields[RULE_FIELDS.validFrom]}
          />
          <TextField
            id={RULE_FIELDS.validTo}
            name="til"
            type="date"
            label={t('staff.rules.validTo')}
            description={t('staff.rules.validToHelp')}
            defaultValue={rule?.validTo ?? ''}
            error={errors.fields[RULE_FIELDS.validTo]}
          />
        </div>
        <CheckboxGroup
          idPrefix="regel-fritar"
          legend={t('staff.rules.waives')}
          name="fritar"
          values={CHARGES}
          labelOf={(v) => cap(t(`charge.${v}` as MessageKey))}
          checked={rule?.effect.waives ?? ['rent']}
        />
        <CheckboxGroup
          idPrefix="regel-organisasjon"
          legend={t('staff.rules.orgKinds')}
          help={t('staff.rules.anyHelp')}
          name="organisasjon"
          values={ORG_KINDS}
          labelOf={(v) => t(`orgKind.${v}` as MessageKey)}
          checked={c.organisationKinds}
        />
        <CheckboxGroup
          idPrefix="regel-alder"
          legend={t('staff.rules.ageGroups')}
          help={t('staff.rules.anyHelp')}
          name="alder"
          values={AGE_GROUPS}
          labelOf={(v) => cap(t(`ageGroup.${v}` as MessageKey))}
          checked={c.ageGroups}
        />
        <CheckboxGroup
          idPrefix="regel-bygg"
          legend={t('staff.rules.buildingKinds')}
          help={t('staff.rules.anyHelp')}
          name="bygg"
          values={BUILDING_KINDS}
          labelOf={(v) => t(`staff.buildingKind.${v}` as MessageKey)}
          checked={c.buildingKinds}
        />
        <CheckboxGroup
          idPrefix="regel-rom"
          legend={t('staff.rules.roomKinds')}
          help={t('staff.rules.anyHelp')}
          name="rom"
          values={ROOM_KINDS}
          labelOf={(v) => t(`roomKind.${v}` as MessageKey)}
          checked={c.roomKinds}
        />
        <CheckboxGroup
          idPrefix="regel-dag"
          legend={t('staff.rules.weekdays')}
          help={t('staff.rules.anyHelp')}
          name="dag"
          values={WEEKDAYS}
          labelOf={(v) => cap(t(`weekday.${v}` as MessageKey))}
          checked={c.weekdays}
        />
        <div className="form-row">
          <TextField
            id={RULE_FIELDS.startsNotBefore}
            name="start"
            type="time"
            label={t('staff.rules.startsNotBefore')}
            defaultValue={c.startsNotBefore}
            error={errors.fields[RULE_FIELDS.startsNotBefore]}
          />
          <TextField
            id={RULE_FIELDS.endsNotAfter}
            name="slutt"
            type="time"
            label={t('staff.rules.endsNotAfter')}
            defaultValue={c.endsNotAfter}
            error={errors.fields[RULE_FIELDS.endsNotAfter]}
          />
        </div>
        <Fieldset>
          <Fieldset.Legend>{t('staff.rules.more')}</Fieldset.Legend>
          <CheckboxField
            id="regel-frivillighetsregisteret"
            name="frivillighetsregisteret"
            label={t('staff.rules.registered')}
            defaultChecked={c.requireFrivillighetsregisteret ?? false}
          />
          <CheckboxField
            id="regel-lokal"
            name="lokal"
            label={t('staff.rules.local')}
            defaultChecked={c.requireLocal ?? false}
          />
          <CheckboxField
            id="regel-uten-inngang"
            name="uten-inngang"
            label={t('staff.rules.noEntrance')}
            defaultChecked={c.excludeEntranceFee ?? false}
          />
        </Fieldset>
        <div className="button-row">
          <Button type="submit" name="intent" value="simulate">
            {t('staff.rules.simulate')}
          </Button>
          <Button type="submit" name="intent" value="save" variant="secondary">
            {submitLabel}
          </Button>
        </div>
      </Form>
    </>
  );
}
