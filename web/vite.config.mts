import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // The server build imports its dependencies from node_modules at run time instead of bundling them.
  build: { emptyOutDir: true },
});
