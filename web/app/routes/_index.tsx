import { Heading } from '@digdir/designsystemet-react';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';

export default function Home() {
  const t = useT();
  return (
    <>
      <PageTitle text={t('home.title')} />
      <Heading level={1} data-size="xl">
        {t('home.title')}
      </Heading>
    </>
  );
}
