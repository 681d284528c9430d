import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { Form, Link, type To } from 'react-router';
import { useT } from '../i18n/i18n';

/**
 * `Trekk søknaden` for one request, in two steps that work without JavaScript: the button asks the page
 * again with `?trekk=<id>`, which shows `question` with the confirming post (intent `withdraw`) and a way
 * back (`keepTo`).
 */
export function WithdrawRequest({
  requestId,
  confirming,
  question,
  error,
  keepTo,
}: {
  requestId: string;
  confirming: boolean;
  question: string;
  error?: string | null;
  keepTo: To;
}) {
  const t = useT();
  if (!confirming) {
    return (
      <Form method="get" preventScrollReset>
        <Button type="submit" name="trekk" value={requestId} variant="secondary">
          {t('mine.withdraw')}
        </Button>
      </Form>
    );
  }
  return (
    <Alert data-color="warning" role="alert">
      <Paragraph>{question}</Paragraph>
      {error && <Paragraph>{error}</Paragraph>}
      <Form method="post" className="form-row">
        <input type="hidden" name="requestId" value={requestId} />
        <Button type="submit" name="intent" value="withdraw" data-color="danger">
          {t('mine.withdrawConfirm')}
        </Button>
        <Button asChild variant="tertiary">
          <Link to={keepTo}>{t('mine.keep')}</Link>
        </Button>
      </Form>
    </Alert>
  );
}
