import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * Designsystemet's React components pull in the whole of its browser script (`@digdir/designsystemet-web`:
 * tabs, comboboxes, popover and invoker polyfills, tooltips), ~28 kB gzipped, from Field alone. Field,
 * Details and Pagination need only their own custom elements and the page-wide helpers forms use (labels
 * and descriptions linked, click delegation for checkboxes, read-only selects, the error summary); every
 * other component that imports it (Tabs, Popover, Tooltip, Suggestion, Search, Breadcrumbs) still gets
 * all of it, so a page pays for the heavy parts only when it shows one of those.
 */
const FORMS = ['ds-field', 'fieldset', 'clickdelegatefor', 'readonly', 'ds-error-summary'];
const DS_WEB_PARTS: Record<string, string[]> = {
  'components/field/field.js': FORMS,
  'components/details/details.js': ['details'],
  'components/pagination/pagination.js': ['ds-pagination'],
};
const PARTS_PREFIX = '\0designsystemet-web-parts:';

function designsystemetWebParts(): Plugin {
  return {
    name: 'designsystemet-web-parts',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@digdir/designsystemet-web' || !importer) return null;
      const path = importer.replace(/\\/g, '/');
      const component = Object.keys(DS_WEB_PARTS).find((c) =>
        path.endsWith(`@digdir/designsystemet-react/dist/esm/${c}`),
      );
      return component ? PARTS_PREFIX + component : null;
    },
    load(id) {
      if (!id.startsWith(PARTS_PREFIX)) return null;
      const parts = DS_WEB_PARTS[id.slice(PARTS_PREFIX.length)];
      return parts.map((part) => `import '@digdir/designsystemet-web/${part}';`).join('\n');
    },
  };
}

export default defineConfig({
  plugins: [designsystemetWebParts(), reactRouter()],
  build: {
    rollupOptions: {
      treeshake: {
        // Designsystemet's React package declares no `sideEffects`, so every component (comboboxes,
        // dialogs, floating-ui) would ship to every page. Its modules only define components: let the
        // bundler drop the unused ones (its CSS comes from @digdir/designsystemet-css).
        moduleSideEffects: (id: string) => !id.includes('@digdir/designsystemet-react/'),
      },
    },
  },
});
