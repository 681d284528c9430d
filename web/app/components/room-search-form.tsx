import { Button, Fieldset, Select } from '@digdir/designsystemet-react';
import { CheckboxField, SelectField, TextField } from './fields';
import { Form } from 'react-router';
import type { components } from '../api/schema';
import { type MessageKey, useT } from '../i18n/i18n';

export const ROOM_KINDS = [
  'gym',
  'hall',
  'classroom',
  'meeting_room',
  'auditorium',
  'kitchen',
  'music_room',
  'other',
] as const;

/** The search as the URL carries it: /lokaler?dato=2027-09-07&fra=18:00&til=20:00&plasser=20 */
export interface RoomSearch {
  dato: string;
  fra: string;
  til: string;
  plasser: string;
  type: string;
  bygg: string;
  tilgjengelig: boolean;
}

export function roomSearchOf(url: URL): RoomSearch {
  const p = url.searchParams;
  return {
    dato: p.get('dato') ?? '',
    fra: p.get('fra') ?? '',
    til: p.get('til') ?? '',
    plasser: p.get('plasser') ?? '',
    type: p.get('type') ?? '',
    bygg: p.get('bygg') ?? '',
    tilgjengelig: p.get('tilgjengelig') === 'ja',
  };
}

interface Props {
  search?: Partial<RoomSearch>;
  /** Buildings to choose among: the full search on /lokaler; the front page shows the short one. */
  buildings?: Pick<components['schemas']['BuildingView'], 'id' | 'name'>[];
}

/** A GET form to /lokaler: it works the same with JavaScript off. */
export function RoomSearchForm({ search = {}, buildings }: Props) {
  const t = useT();
  return (
    <Form method="get" action="/lokaler" className="stack">
      <Fieldset>
        <Fieldset.Legend>{t('search.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('search.hint')}</Fieldset.Description>
        <div className="form-row">
          <TextField label={t('search.date')} type="date" name="dato" defaultValue={search.dato} />
          <TextField label={t('search.from')} type="time" name="fra" defaultValue={search.fra} step={900} />
          <TextField label={t('search.to')} type="time" name="til" defaultValue={search.til} step={900} />
          <TextField
            label={t('search.people')}
            type="number"
            name="plasser"
            min={1}
            inputMode="numeric"
            defaultValue={search.plasser}
          />
        </div>
        {buildings && (
          <div className="form-row">
            <SelectField label={t('search.kind')} name="type" defaultValue={search.type ?? ''}>
              <Select.Option value="">{t('common.any')}</Select.Option>
              {ROOM_KINDS.map((kind) => (
                <Select.Option key={kind} value={kind}>
                  {t(`roomKind.${kind}` as MessageKey)}
                </Select.Option>
              ))}
            </SelectField>
            <SelectField label={t('search.building')} name="bygg" defaultValue={search.bygg ?? ''}>
              <Select.Option value="">{t('common.any')}</Select.Option>
              {buildings.map((b) => (
                <Select.Option key={b.id} value={b.id}>
                  {b.name}
                </Select.Option>
              ))}
            </SelectField>
            <CheckboxField
              label={t('search.accessibleOnly')}
              name="tilgjengelig"
              value="ja"
              defaultChecked={search.tilgjengelig}
            />
          </div>
        )}
      </Fieldset>
      <Button type="submit">{t('search.submit')}</Button>
    </Form>
  );
}
