import { Button, Heading } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { components } from '../../api/schema';
import { useT } from '../../i18n/i18n';
import type { RequestActionData } from '../../routes/saksbehandling.soknader.$id';
import { TextField } from '../fields';
import { FormErrorSummary } from '../form-error-summary';

/** Re-price the live dates under today's rules, with a reason (audited). */
export function RepriceForm({
  view,
  act,
}: {
  view: components['schemas']['BookingRequestView'];
  act?: RequestActionData;
}) {
  const t = useT();
  const mine = act?.intent === 'reprice' ? act : undefined;
  return (
    <Form method="post" className="staff-stack" aria-labelledby="reprice-heading">
      <Heading level={2} data-size="md" id="reprice-heading">
        {t('staff.reprice.title')}
      </Heading>
      <FormErrorSummary errors={mine?.fieldErrors} ids={(name) => `reprice-${name}`} />
      <input type="hidden" name="version" value={view.version} />
      <TextField
        id="reprice-prisbegrunnelse"
        label={t('staff.reprice.reason')}
        name="prisbegrunnelse"
        defaultValue={mine?.values?.prisbegrunnelse}
        error={mine?.fieldErrors?.fields.prisbegrunnelse}
      />
      <div className="staff-actions">
        <Button type="submit" name="intent" value="reprice" variant="secondary">
          {t('staff.reprice.submit')}
        </Button>
      </div>
    </Form>
  );
}
