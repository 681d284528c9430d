import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { isLang, loadCatalogue } from './i18n/i18n';

// React Router's own entry.client, once the page's language's catalogue is here (the root layout
// preloads it). Should it fail to come, the page stays as the server rendered it, without scripts.
const lang = document.documentElement.lang;
void loadCatalogue(isLang(lang) ? lang : 'nb').then((loaded) => {
  if (!loaded) return;
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
