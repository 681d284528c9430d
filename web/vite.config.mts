import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
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
