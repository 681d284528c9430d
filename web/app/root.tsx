import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './app.css';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  redirect,
  Scripts,
  ScrollRestoration,
  Outlet,
  type ShouldRevalidateFunction,
} from 'react-router';
import { currentUser } from './lib/session.server';
import type { Route } from './+types/root';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { PageTitle } from './components/page-title';
import { CATALOGUE_URL, isLang, LANG_COOKIE, langOf, useLang, useT } from './i18n/i18n';

/**
 * Every page's language. `?lang=en` (or nb) is remembered in a cookie for a year, then the address
 * without it is shown again: links people share stay clean, and the choice holds on every page.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get('lang');
  if (asked !== null) {
    url.searchParams.delete('lang');
    const cookie = `${LANG_COOKIE}=${asked}; Path=/; Max-Age=31536000; SameSite=Lax`;
    throw redirect(url.pathname + url.search, isLang(asked) ? { headers: { 'Set-Cookie': cookie } } : {});
  }
  // Public pages stay fast: the API is asked who is signed in only when a session cookie is there, and
  // only once per request however many loaders ask (lib/session.server.ts).
  const user = await currentUser(request, context);
  return { lang: langOf(request), user: user && { name: user.name, roles: user.roles } };
}

// The language only changes through ?lang=, which reloads the page; who is signed in changes only by a
// form sent (signing in or out), so only then is the header asked for again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod }) =>
  Boolean(formMethod && formMethod.toUpperCase() !== 'GET');

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  return (
    <html lang={lang} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {/* The texts the browser needs before the page comes alive (entry.client.tsx). */}
        <link rel="preload" href={CATALOGUE_URL[lang]} as="fetch" crossOrigin="anonymous" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The 404 page (an unknown path, or a loader's notFound()) and every other failure. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <PageTitle text={t(missing ? 'notFound.title' : 'error.title')} />
      <Heading level={1} data-size="lg">
        {t(missing ? 'notFound.title' : 'error.title')}
      </Heading>
      <Paragraph>{t(missing ? 'notFound.body' : 'error.body')}</Paragraph>
      <Paragraph>
        <a href="/">{t('notFound.home')}</a>
      </Paragraph>
    </>
  );
}
