import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { components } from '../api/schema';
import { useT } from '../i18n/i18n';
import { kronerToOre, oreToKroner } from '../lib/kroner';
import { TextField } from './fields';
import { type FormErrors } from '../lib/form-errors';
import { FormErrorSummary } from './form-error-summary';

type PriceList = components['schemas']['PriceListView'];
export const RENTERS = ['nonprofit', 'public', 'commercial', 'private'] as const;
const KINDS = ['hourlyOre', 'fixedPerBookingOre', 'fixedPerSeriesOre'] as const;
const SHORT: Record<(typeof KINDS)[number], string> = {
  hourlyOre: 'time',
  fixedPerBookingOre: 'gang',
  fixedPerSeriesOre: 'serie',
};

export const priceFieldId = (kind: (typeof KINDS)[number], renter: string) => `pris-${SHORT[kind]}-${renter}`;

/**
 * The price list a form sent, in øre, or the fields that are no amount in kroner. A category left
 * empty pays no fixed fee; an empty hourly rate is 0 kr.
 */
export function pricesFromForm(form: Record<string, string>): {
  body: Omit<PriceList, 'roomId' | 'updatedAt' | 'extras'>;
  bad: string[];
} {
  const bad: string[] = [];
  const read = (kind: (typeof KINDS)[number], renter: string): number | undefined => {
    const text = form[priceFieldId(kind, renter)]?.trim() ?? '';
    if (!text) return kind === 'hourlyOre' ? 0 : undefined;
    const ore = kronerToOre(text);
    if (ore === null) bad.push(priceFieldId(kind, renter));
    return ore ?? undefined;
  };
  const fixed = (kind: 'fixedPerBookingOre' | 'fixedPerSeriesOre') => {
    const out: Record<string, number> = {};
    for (const r of RENTERS) {
      const ore = read(kind, r);
      if (ore !== undefined) out[r] = ore;
    }
    return Object.keys(out).length ? out : null;
  };
  const hourly = Object.fromEntries(RENTERS.map((r) => [r, read('hourlyOre', r) ?? 0]));
  return {
    body: {
      hourlyOre: hourly as PriceList['hourlyOre'],
      fixedPerBookingOre: fixed('fixedPerBookingOre'),
      fixedPerSeriesOre: fixed('fixedPerSeriesOre'),
    },
    bad,
  };
}

/** `hourlyOre.public` from the API → that field's id. */
export const priceFieldOf = (apiField: string): string | undefined => {
  const [kind, renter] = apiField.split('.');
  return (KINDS as readonly string[]).includes(kind) && renter
    ? priceFieldId(kind as (typeof KINDS)[number], renter)
    : undefined;
};

interface Props {
  prices: PriceList | null;
  errors: FormErrors;
  values?: Record<string, string>;
}

/** The room's price list per renter category, typed in kroner (the API keeps øre). */
export function PriceForm({ prices, errors, values }: Props) {
  const t = useT();
  const shown = (kind: (typeof KINDS)[number], renter: (typeof RENTERS)[number]) => {
    if (values) return values[priceFieldId(kind, renter)];
    const group = prices?.[kind] as Record<string, number | undefined> | null | undefined;
    return oreToKroner(group?.[renter]);
  };
  return (
    <section aria-labelledby="priser" className="stack">
      <Heading level={2} data-size="md" id="priser">
        {t('staff.room.prices')}
      </Heading>
      <Paragraph>{prices ? t('staff.room.pricesLead') : t('staff.room.noPrices')}</Paragraph>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="prices" />
        {RENTERS.map((r) => (
          <Fieldset key={r}>
            <Fieldset.Legend>{t(`renter.${r}`)}</Fieldset.Legend>
            <div className="form-row">
              {KINDS.map((kind) => (
                <TextField
                  key={kind}
                  id={priceFieldId(kind, r)}
                  name={priceFieldId(kind, r)}
                  inputMode="decimal"
                  label={t(`staff.room.priceLabel.${SHORT[kind]}` as 'staff.room.priceLabel.time')}
                  defaultValue={shown(kind, r)}
                  error={errors.fields[priceFieldId(kind, r)]}
                />
              ))}
            </div>
          </Fieldset>
        ))}
        {prices && prices.extras.length > 0 && (
          <Paragraph data-size="sm">{t('staff.room.extrasKept')}</Paragraph>
        )}
        <div>
          <Button type="submit">{t('staff.room.savePrices')}</Button>
        </div>
      </Form>
    </section>
  );
}
