import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { Form, useFetcher } from 'react-router';
import type { components } from '../../api/schema';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useLang, useT } from '../../i18n/i18n';
import type { RequestActionData } from '../../routes/saksbehandling.soknader.$id';
import { SelectField, TextField } from '../fields';
import { FormErrorSummary } from '../form-error-summary';

type View = components['schemas']['BookingRequestView'];

/** Oslo wall-clock parts of an instant string (2027-09-07T18:00:00+02:00): as the API writes them. */
const parts = (iso: string) => ({ date: iso.slice(0, 10), time: iso.slice(11, 16) });

/**
 * Move one date to a new time or room. With JavaScript each change is checked at once (a quote: price
 * and conflicts); without, "Sjekk" does the same by posting the form.
 */
export function MoveForm({
  view,
  rooms,
  act,
}: {
  view: View;
  rooms: { id: string; name: string }[];
  act?: RequestActionData;
}) {
  const t = useT();
  const lang = useLang();
  const fetcher = useFetcher<RequestActionData>();
  const formRef = useRef<HTMLFormElement>(null);
  const movable = (view.occurrences ?? []).filter((o) => o.status === 'pending' || o.status === 'approved');
  if (movable.length === 0) return null;
  const mine = act?.intent === 'move' || act?.intent === 'check' ? act : undefined;
  const checked = fetcher.data ?? (mine?.intent === 'check' ? mine : undefined);
  const first = parts(movable[0].startsAt);
  const v = mine?.values ?? {};
  const check = () => {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set('intent', 'check');
    if (data.get('nydato') && data.get('nyfra') && data.get('nytil'))
      void fetcher.submit(data, { method: 'post' });
  };
  return (
    <Form method="post" className="staff-stack" aria-labelledby="move-heading" ref={formRef} onChange={check}>
      <Heading level={2} data-size="md" id="move-heading">
        {t('staff.move.title')}
      </Heading>
      <FormErrorSummary errors={mine?.fieldErrors} ids={(name) => `move-${name}`} />
      <input type="hidden" name="version" value={view.version} />
      <SelectField label={t('staff.move.which')} name="flyttdato" defaultValue={v.flyttdato}>
        {movable.map((o) => (
          <option key={o.id} value={o.id}>
            {formatDateTime(o.startsAt, lang)}
          </option>
        ))}
      </SelectField>
      <div className="staff-filters">
        <TextField
          id="move-nydato"
          label={t('staff.move.date')}
          type="date"
          name="nydato"
          defaultValue={v.nydato ?? first.date}
          error={mine?.fieldErrors?.fields.nydato}
        />
        <TextField
          label={t('staff.move.from')}
          type="time"
          name="nyfra"
          defaultValue={v.nyfra ?? first.time}
        />
        <TextField
          label={t('staff.move.to')}
          type="time"
          name="nytil"
          defaultValue={v.nytil ?? parts(movable[0].endsAt).time}
        />
        <SelectField
          label={t('staff.move.room')}
          name="nyttrom"
          defaultValue={v.nyttrom ?? movable[0].roomId}
        >
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label={t('staff.move.reason')} name="flyttbegrunnelse" defaultValue={v.flyttbegrunnelse} />
      <div role="status">
        {checked?.quote && (
          <Paragraph>
            {checked.quote.conflicts.length === 0
              ? t('staff.move.free', { fee: formatMoney(checked.quote.chargedOre, lang) })
              : t('staff.move.busy', {
                  fee: formatMoney(checked.quote.chargedOre, lang),
                  conflicts: checked.quote.conflicts.join(', '),
                })}
          </Paragraph>
        )}
      </div>
      <div className="staff-actions">
        <Button type="submit" name="intent" value="check" variant="secondary">
          {t('staff.move.check')}
        </Button>
        <Button type="submit" name="intent" value="move">
          {t('staff.move.submit')}
        </Button>
      </div>
    </Form>
  );
}
