// What the API process hands every loader and action (src/web/web-app.ts, getLoadContext).
declare module 'react-router' {
  interface AppLoadContext {
    /** The API on this same process, e.g. http://127.0.0.1:3000 */
    apiBaseUrl: string;
  }
}

export {};
