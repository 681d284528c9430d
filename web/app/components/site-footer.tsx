import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../i18n/i18n';

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <Paragraph data-size="sm">{t('footer.about')}</Paragraph>
        <Paragraph data-size="sm">
          <Link href="/docs">{t('footer.api')}</Link>
        </Paragraph>
      </div>
    </footer>
  );
}
