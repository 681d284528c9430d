import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/min-side';

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  return { name: user.name };
}

export default function MyPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageTitle text={t('mine.title')} />
      <Heading level={1} data-size="xl">
        {t('mine.title')}
      </Heading>
      <Paragraph>{t('mine.hello', { name: loaderData.name })}</Paragraph>
    </>
  );
}
