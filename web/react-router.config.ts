import type { Config } from '@react-router/dev/config';

// Server-rendered; built beside the API into dist/web, whose server build the API mounts (src/web).
export default {
  appDirectory: 'app',
  buildDirectory: '../dist/web',
  ssr: true,
  // .mjs: Node loads it as an ES module from the API's CommonJS without guessing.
  serverBuildFile: 'index.mjs',
} satisfies Config;
